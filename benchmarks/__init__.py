"""Benchmark harness: how we, and our users, know whether the extractor is good.

`python -m benchmarks` scores extractors on labelled data sets (quality with the
public article-extraction benchmark's metric, plus speed and memory). The modules
are: `datasets` (one adapter per on-disk layout), `metrics` (pure scoring),
`extractors` (registry of comparable extractors), `runners` (one process per
extractor, per-page timeouts), `summary`, `tables` and `report` (outputs), `cli`.
"""
