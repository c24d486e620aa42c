"""The scaling benchmark's page multiplier (the measurement itself is a benchmark, not a test)."""

from __future__ import annotations

from benchmarks.scaling import scaled


def test_body_content_is_repeated_inside_one_body() -> None:
    page = b"<html><head><title>t</title></head><body class='x'><p>a</p></body></html>"
    out = scaled(page, 3)
    assert out.count(b"<p>a</p>") == 3
    assert out.count(b"<body") == 1 and out.count(b"</body>") == 1
    assert out.startswith(b"<html><head><title>t</title></head><body class='x'>")


def test_page_without_body_is_repeated_whole() -> None:
    assert scaled(b"<p>a</p>", 4) == b"<p>a</p>" * 4


def test_one_copy_is_the_page() -> None:
    page = b"<html><body><p>a</p></body></html>"
    assert scaled(page, 1) == page
