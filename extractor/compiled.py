"""Whether an optional compiled module runs: the one rule both extensions follow.

`extractor._fastwalk` (segmentation walk, clean's scan) and `extractor._fastscore`
(scoring arithmetic) are optional twins of Python code, identical in output.  Each is
used when it is built, allowed, and compatible with what is running; otherwise the
Python code runs, with a warning when the module is built but unusable.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Callable
from types import ModuleType

# Set to any non-empty value to run pure Python even when the extensions are built.
PURE_PYTHON_ENV = "EXTRACTOR_PURE_PYTHON"


def load_extension(
    name: str, incompatibility: Callable[[ModuleType], str | None]
) -> ModuleType | None:
    """`extractor.<name>` if built, allowed and compatible (`incompatibility` returns
    why it is not, or None), else None."""
    if os.environ.get(PURE_PYTHON_ENV):
        return None
    try:
        module = importlib.import_module(f"extractor.{name}")
    except ImportError:  # not built (no compiler at install time)
        return None
    reason = incompatibility(module)
    if reason is not None:
        warnings.warn(
            f"extractor: {name} disabled ({reason}); reinstall to rebuild it",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    return module
