"""English noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

ENGLISH = LanguagePatterns(
    language="en",
    stopwords=frozenset(
        """a about above after again against all also am an and any are as at be because
        been before being below between both but by can could did do does doing down
        during each few for from further had has have having he her here hers herself
        him himself his how i if in into is it its itself just me more most my myself no
        nor not now of off on once only or other our ours ourselves out over own same
        she should so some such than that the their theirs them themselves then there
        these they this those through to too under until up very was we were what when
        where which while who whom why will with would you your yours yourself
        yourselves said says one two many much may might must since while though
        although however still even yet""".split()
    ),
    related_headings=(
        "latest stories", "latest news", "latest", "related", "related stories",
        "related articles", "related posts", "related content", "related coverage",
        "related news", "related reading", "more stories", "more news", "more from",
        "more articles", "more on this story", "most read", "most popular", "most viewed",
        "popular", "popular stories", "popular posts", "trending", "trending now",
        "trending stories", "you may also like", "you might also like", "you may like",
        "recommended", "recommended for you", "recommended stories", "read next", "up next",
        "what to read next", "also read", "don't miss", "top stories", "editor's picks",
        "around the web", "from around the web", "sponsored stories", "recent posts",
        "recent articles", "in other news", "elsewhere", "more in", "further reading",
        "see also", "read more", "more like this", "other stories", "read further",
        "more on this", "you might like", "related topics", "about the author",
    ),
    comment_headings=(
        "comments", "comment", "leave a comment", "leave a reply", "post a comment",
        "join the conversation", "join the discussion", "discussion", "responses",
        "reader comments", "add a comment", "what do you think",
    ),
    placeholder_lines=(
        "advertisement", "advertisements", "advert", "adverts", "sponsored",
        "sponsored content", "ad",
        "spot_img", "spot img", "image", "photo", "loading", "loading...", "story continues below",
        "article continues below", "continue reading below", "scroll to continue",
        "skip to content", "skip to main content", "back to top", "print", "email",
        "share", "tweet", "close", "menu", "search", "paid content",
        "partner content", "promoted", "video", "play video", "listen", "listen to this article",
    ),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min read", "minute read", "minutes read", "mins read",
        "share this", "share on", "share this article", "share this story", "follow us",
        "sign up", "subscribe", "newsletter", "we use cookies", "this site uses cookies",
        "this website uses cookies", "accept cookies", "accept all", "cookie policy",
        "privacy policy", "terms of use", "terms of service", "all rights reserved",
        "click here to", "download our app", "get the app", "enter your email",
        "already a subscriber", "log in", "sign in", "create an account",
        "you have reached your limit", "support our journalism", "become a member",
        "can be reached at", "free articles", "you have read", "e-mail this", "email this",
        "print this", "send to a friend", "email to a friend", "was this article helpful",
        "did you find this article helpful", "was this helpful", "stay up-to-date",
        "stay up to date", "stay informed", "letter to the editor", "print recipe",
        "click here", "clicking here", "if you enjoyed", "advertising disclosure",
        "affiliate links", "earn a commission", "bookmark the permalink", "donate now",
        "make a donation", "this entry was posted", "this page is best viewed",
        "share it with", "like this story", "requires javascript", "enable javascript",
        "for ios and android", "chat with us",
        # paywall offers ("Instant access to the full article PDF.", "Subscription will
        # auto renew annually.")
        "access to the full article", "subscription will auto renew",
        "subscription will auto-renew", "immediate online access",
        "get the latest news",
    ),
    byline_prefixes=(
        "by ", "written by", "posted by", "posted on", "posted in", "published", "updated",
        "last updated",
        "date:", "photo:", "image:", "credit:", "photograph:", "source:", "reporting by",
        "editing by", "filed under", "tags:", "tagged:", "tagged with", "categories:", "category:",
    ),
    crosslink_prefixes=(
        "read more:", "read also:", "also read:", "see also:", "related:", "more:",
        "read:", "watch:", "listen:", "recommended:", "read next:", "see more:",
    ),
    taxonomy_prefixes=(
        "tags:", "tagged:", "tagged with:", "categories:", "category:", "filed under:",
        "posted in:", "this entry was posted",
    ),
    notice_phrases=(
        "this page is best viewed", "this site is best viewed", "best viewed with",
        "you are using an outdated browser", "your browser is out of date",
        "javascript is disabled", "please enable javascript",
        "your browser does not support javascript",
    ),
    teaser_tails=(
        "read more", "continue reading", "read the full story", "read full story",
        "read the rest",
    ),
    months=(
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ),
)
