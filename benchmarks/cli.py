"""`python -m benchmarks`: score extractors on data sets and print, save or report it.

With no arguments it scores our extractor on the bundled `corpus/` (with the
parse-only floor, which every run includes so speed has a reference point).
See benchmarks/README.md for the options and what each column means.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import datasets, extractors, metrics, report, runners, tables
from benchmarks.datasets import Dataset, DatasetUnavailable
from benchmarks.progress import Progress
from benchmarks.summary import DatasetResult, dataset_json, summarise

ALL = "all"
SHARED = "shared"
JSON_STDOUT = "-"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; every option has a default that makes sense alone."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0],
        epilog="Data set names: corpus, shared (every set in ../shared/datasets), all, or a "
               "shared set's name such as scrapinghub. Extractors: "
               + ", ".join(extractors.REGISTRY) + ", all, or module:function.")
    parser.add_argument("--dataset", action="append", metavar="PATH",
                        help="data set directory or name; repeat for several (default: corpus)")
    parser.add_argument("--extractors", default=extractors.OURS, metavar="A,B,...",
                        help="comma-separated extractors, or 'all' (default: %(default)s)")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages of each set")
    parser.add_argument("--timeout", type=float, default=runners.DEFAULT_TIMEOUT, metavar="S",
                        help="seconds per page before it counts as empty (default: %(default)s)")
    parser.add_argument("--json", nargs="?", const=JSON_STDOUT, metavar="FILE",
                        help="write results as JSON to FILE, or to stdout instead of tables")
    parser.add_argument("--report", type=Path, metavar="DIR",
                        help="write summary.md and one HTML page of worst pages per set")
    parser.add_argument("--worst", type=int, default=report.WORST_PAGES, metavar="N",
                        help="pages shown in the HTML report (default: %(default)s)")
    parser.add_argument("--bootstrap", type=int, default=metrics.BOOTSTRAP_SAMPLES,
                        metavar="N", help="bootstrap resamples for errors (default: %(default)s)")
    parser.add_argument("--speed", action="store_true",
                        help="print only speed tables; without --dataset, use every shared set")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: only when stderr is a terminal)")
    parser.add_argument("--verbose", action="store_true",
                        help="let extractor processes print to the terminal (debugging)")
    parser.add_argument("--list", action="store_true",
                        help="list extractors and data sets available here, then exit")
    return parser.parse_args(argv)


def note(message: str) -> None:
    """A one-line note on stderr, so stdout stays the table or the JSON."""
    print(f"note: {message}", file=sys.stderr)


def dataset_specs(args: argparse.Namespace) -> list[str]:
    """Expand `--dataset` values (and the defaults) into paths or names to load."""
    requested = args.dataset or ([SHARED] if args.speed else ["corpus"])
    specs: list[str] = []
    for spec in requested:
        if spec in (SHARED, ALL):
            specs += ["corpus"] if spec == ALL else []
            found = datasets.shared_sets()
            if not found:
                note(f"no shared data sets at {datasets.SHARED_DATASETS_DIR}; skipped")
            specs += [str(p) for p in found]
        else:
            specs.append(spec)
    return specs


def extractor_names(args: argparse.Namespace) -> list[str]:
    """Requested extractors in order, deduplicated, with the parse-only floor last."""
    raw = [n for n in args.extractors.split(",") if n.strip()]
    names = list(extractors.REGISTRY) if ALL in raw else [extractors.canonical(n) for n in raw]
    names = list(dict.fromkeys(names))
    if extractors.FLOOR not in names:
        names.append(extractors.FLOOR)
    return names


def available(names: Sequence[str]) -> list[str]:
    """The extractors that can run here; a one-line note for each that cannot."""
    usable = []
    for name in names:
        reason = extractors.missing_reason(name)
        if reason:
            note(f"skipped {name}: {reason}")
        else:
            usable.append(name)
    return usable


def load_datasets(specs: Sequence[str], limit: int | None) -> list[Dataset]:
    """Load each data set; absent or empty ones are skipped with a note."""
    loaded = []
    for spec in specs:
        try:
            data = datasets.load(spec, limit)
        except DatasetUnavailable as exc:
            note(f"skipped data set {spec}: {exc}")
            continue
        if not data.pages:
            note(f"skipped data set {spec}: no pages")
            continue
        loaded.append(data)
    return loaded


def run_dataset(data: Dataset, names: list[str], args: argparse.Namespace,
                bar: Progress) -> DatasetResult:
    """Every extractor over one data set, page by page in turn (`run_extractors`), one
    worker process per extractor."""
    bar.start(data.name, len(data.pages))
    runs = runners.run_extractors(names, data.pages, args.timeout, quiet=not args.verbose,
                                  on_page=bar.step)
    bar.finish()
    for run in runs:
        if run.skipped is not None:
            note(f"skipped {run.name}: {run.skipped}")
            names.remove(run.name)  # it will not start on the next data set either
    return summarise(data, runs, args.bootstrap)


def git_revision() -> str:
    """The checkout's commit (with '+dirty' for local changes), or '' outside git."""
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=datasets.REPO_ROOT).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "extractor"],
                               capture_output=True, text=True, cwd=datasets.REPO_ROOT).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""
    return rev + ("+dirty" if dirty.strip() else "")


def context_lines(samples: int) -> list[str]:
    """When and on what the benchmark ran, for reports and JSON."""
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [f"run {when}, commit {git_revision() or 'unknown'}, {runners.interpreter_note()}",
            "F1/precision/recall/accuracy: 4-gram shingle metric of the article-extraction "
            "benchmark, mean over pages; ± is the bootstrap standard error "
            f"({samples} resamples, seed {metrics.BOOTSTRAP_SEED})"]


def print_tables(summary: DatasetResult, speed_only: bool) -> None:
    """The console view of one data set."""
    print(tables.header(summary))
    print(tables.dataset_tables(summary, speed_only=speed_only) or "(no extractor ran)")
    print(flush=True)


def write_json(target: str, summaries: Sequence[DatasetResult], context: list[str],
               samples: int) -> None:
    """All results as one JSON document, to a file or to stdout."""
    payload: dict[str, Any] = {"context": context, "bootstrap_seed": metrics.BOOTSTRAP_SEED,
                               "bootstrap_samples": samples,
                               "datasets": [dataset_json(s) for s in summaries]}
    text = json.dumps(payload, indent=1, ensure_ascii=False)
    if target == JSON_STDOUT:
        print(text)
    else:
        Path(target).write_text(text + "\n", encoding="utf-8")


def list_available() -> int:
    """`--list`: what could run here."""
    for name, spec in extractors.REGISTRY.items():
        reason = extractors.missing_reason(name)
        state = f"unavailable: {reason}" if reason else extractors.version(name) or "available"
        print(f"{name:12s} {state:24.24s} {spec.description}")
    for path in [datasets.CORPUS_DIR, *datasets.shared_sets()]:
        print(f"data set {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m benchmarks`."""
    args = parse_args(argv)
    if args.list:
        return list_available()
    names = available(extractor_names(args))
    loaded = load_datasets(dataset_specs(args), args.limit)
    if not loaded:
        note("no data set to score")
        return 0
    bar = Progress(sys.stderr.isatty() if args.progress is None else args.progress)
    summaries = []
    for data in loaded:
        summary = run_dataset(data, names, args, bar)
        summaries.append(summary)
        if args.json != JSON_STDOUT:
            print_tables(summary, args.speed)
    context = context_lines(args.bootstrap)
    if args.json:
        write_json(args.json, summaries, context, args.bootstrap)
    if args.report:
        for path in report.write(args.report, summaries, context, args.worst):
            note(f"wrote {path}")
    return 0
