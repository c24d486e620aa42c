"""`extractor.metadata`: the headline and language, read from <meta>, <title> and <h1>."""

from __future__ import annotations

from extractor.metadata import read_metadata
from extractor.parse import parse
from extractor.types import Metadata


def meta_of(html: str, url: str | None = None) -> Metadata:
    return read_metadata(parse(html, max_bytes=1_000_000).root, url)


def test_social_title_wins_with_spaces_folded() -> None:
    html = (
        "<html><head><title>Site | Other</title>"
        "<meta property='og:title' content='  The   bridge\n closes '></head>"
        "<body><h1>Other</h1></body></html>"
    )
    assert meta_of(html).title == "The bridge closes"


def test_first_meta_of_a_name_wins() -> None:
    html = (
        "<html><head><meta name='twitter:title' content='First'>"
        "<meta name='twitter:title' content='Second'></head><body></body></html>"
    )
    assert meta_of(html).title == "First"


def test_blank_social_title_falls_back_to_the_h1_the_title_agrees_with() -> None:
    html = (
        "<html><head><meta property='og:title' content='   '>"
        "<title>Bridge closes - Daily News</title></head>"
        "<body><h1>Weather</h1><h1>Bridge closes</h1></body></html>"
    )
    assert meta_of(html).title == "Bridge closes"


def test_first_title_element_is_the_page_title() -> None:
    html = (
        "<html><head><title>Bridge closes | Daily News</title></head>"
        "<body><svg><title>icon</title></svg><p>text</p></body></html>"
    )
    assert meta_of(html).title == "Bridge closes"


def test_full_width_bar_separates_a_cjk_title_from_its_site() -> None:
    html = "<html><head><title>新闻网｜上海今天下雨了</title></head><body><p>x</p></body></html>"
    assert meta_of(html).title == "上海今天下雨了"


def test_h1_with_ruby_readings_is_read_without_them() -> None:
    html = (
        "<html><head><title>やさしいニュース｜町の図書館が開く</title></head><body>"
        "<h1><ruby>町<rt>まち</rt></ruby>の<ruby>図書館<rp>(</rp><rt>としょかん</rt><rp>)</rp>"
        "</ruby>が<ruby>開<rt>ひら</rt></ruby>く</h1><p>x</p></body></html>"
    )
    assert meta_of(html).title == "町の図書館が開く"


def test_h1_when_the_page_has_no_title() -> None:
    assert meta_of("<html><body><h1> Bridge\n closes </h1></body></html>").title == (
        "Bridge closes"
    )


def test_language_from_html_then_content_language_then_locale() -> None:
    assert meta_of("<html lang='de-AT'><body><p>x</p></body></html>").language == "de"
    html = (
        "<html><head><meta http-equiv='Content-Language' content=' fr '>"
        "<meta property='og:locale' content='en_GB'></head><body><p>x</p></body></html>"
    )
    assert meta_of(html).language == "fr"


def test_blank_content_language_gives_way_to_the_locale() -> None:
    html = (
        "<html><head><meta http-equiv='content-language' content=' '>"
        "<meta property='og:locale' content='pt_BR'></head><body><p>x</p></body></html>"
    )
    assert meta_of(html).language == "pt"


def test_url_is_passed_through() -> None:
    assert meta_of("<html><body><p>x</p></body></html>", "https://a.example/").url == (
        "https://a.example/"
    )
