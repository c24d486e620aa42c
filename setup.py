"""Builds the optional compiled walk (extractor/_fastwalk.pyx) and scoring arithmetic
(extractor/_fastscore.pyx); all metadata is in pyproject.toml.

The extensions are optional: without Cython, lxml's headers or a C compiler the install
still succeeds and `extractor` uses its pure-Python code.
"""

from __future__ import annotations

import sys
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing: the extension only makes things faster."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any build failure means "no extension"
            _skip(exc)

    def build_extension(self, ext: Any) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            _skip(exc)


def _skip(exc: BaseException) -> None:
    print(
        f"WARNING: extractor's compiled walk was not built ({exc}); "
        "the pure-Python walk will be used.",
        file=sys.stderr,
    )


def ext_modules() -> list[Extension]:
    """The compiled walk and scoring arithmetic, translated to C; none when Cython or
    lxml's headers are missing."""
    try:
        import lxml
        from Cython.Build import cythonize

        extensions = [
            Extension(
                "extractor._fastwalk",
                ["extractor/_fastwalk.pyx"],
                include_dirs=lxml.get_include(),
            ),
            Extension("extractor._fastscore", ["extractor/_fastscore.pyx"]),
        ]
        return list(cythonize(extensions, language_level=3, quiet=True))
    except Exception as exc:  # any failure here means "no extension"
        _skip(exc)
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
