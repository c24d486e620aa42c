"""Chinese noise phrases (simplified, with common traditional forms).

Chinese is written without spaces, so stop words and month names, which the pipeline
looks up word by word, would never be found: those groups are left empty.  The phrases
below are matched against whole short lines or their openings, which needs no spaces.
"""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

CHINESE = LanguagePatterns(
    language="zh",
    stopwords=frozenset(),
    related_headings=(
        "相关新闻", "相关阅读", "相关文章", "相关推荐", "延伸阅读", "推荐阅读", "热点排行",
        "热门文章", "热门推荐", "最新文章", "猜你喜欢", "更多新闻", "相關新聞", "相關閱讀",
        "熱門文章",
    ),
    comment_headings=("网友评论", "评论", "发表评论", "最新评论", "網友評論", "評論"),
    placeholder_lines=("广告", "廣告", "推广", "赞助内容", "图片", "视频"),
    prompt_phrases=(
        "分享到", "扫一扫", "关注我们", "订阅", "点击查看", "版权所有", "免责声明",
        "使用cookie", "登录", "注册", "分享至", "版權所有",
    ),
    byline_prefixes=("来源：", "作者：", "责任编辑：", "编辑：", "记者：", "來源：", "責任編輯："),
    crosslink_prefixes=("阅读全文", "延伸阅读：", "相关阅读：", "閱讀全文"),
    teaser_tails=("阅读全文", "閱讀全文"),
    months=(),
    spaced=False,
)
