"""extractor: the article a person came to read, without the noise around it."""

from extractor.types import Article, Block, BlockKind, Decision, Explanation, ExtractionError

__all__ = ["Article", "Block", "BlockKind", "Decision", "Explanation", "ExtractionError"]
