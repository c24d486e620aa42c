"""extractor: the article a person came to read, without the noise around it.

    >>> import extractor
    >>> article = extractor.extract(html_bytes, url="https://example.com/story")
    >>> article.title, article.text
"""

from extractor.options import Options
from extractor.pipeline import explain, extract
from extractor.types import (
    Article,
    Block,
    BlockKind,
    Decision,
    Explanation,
    ExtractionError,
    Features,
    Metadata,
)

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Decision",
    "Explanation",
    "ExtractionError",
    "Features",
    "Metadata",
    "Options",
    "explain",
    "extract",
]
__version__ = "0.1.0"
