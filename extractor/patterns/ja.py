"""Japanese noise phrases.

Japanese is written without spaces, so stop words and month names, which the pipeline
looks up word by word, would never be found: those groups are left empty.  The phrases
below are matched against whole short lines or their openings, which needs no spaces.
"""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

JAPANESE = LanguagePatterns(
    language="ja",
    stopwords=frozenset(),
    related_headings=(
        "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "最新記事", "アクセスランキング",
        "あわせて読みたい", "こちらもおすすめ", "ランキング",
    ),
    comment_headings=("コメント", "コメントを書く", "コメントする"),
    placeholder_lines=("広告", "スポンサーリンク", "pr", "画像", "動画"),
    prompt_phrases=(
        "シェアする", "ツイート", "フォローする", "メールマガジン", "会員登録", "ログイン",
        "クッキーを使用", "無断転載を禁じます", "続きを読む",
    ),
    byline_prefixes=("文：", "写真：", "撮影：", "出典：", "配信"),
    crosslink_prefixes=("関連記事：", "あわせて読みたい：", "参考："),
    teaser_tails=("続きを読む",),
    months=(),
    spaced=False,
)
