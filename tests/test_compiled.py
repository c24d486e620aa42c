"""`extractor.compiled.load_extension`: when an optional compiled module runs."""

from __future__ import annotations

import pytest

from extractor.compiled import PURE_PYTHON_ENV, load_extension


def test_a_module_that_is_not_built_is_not_used() -> None:
    assert load_extension("_no_such_extension", lambda module: None) is None


def test_an_incompatible_module_is_not_used_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PURE_PYTHON_ENV, raising=False)  # the suite may run in pure Python
    with pytest.warns(RuntimeWarning, match="too old"):
        assert load_extension("types", lambda module: "too old") is None


def test_a_compatible_module_is_used_unless_pure_python_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PURE_PYTHON_ENV, raising=False)
    found = load_extension("types", lambda module: None)
    assert found is not None and found.__name__ == "extractor.types"
    monkeypatch.setenv(PURE_PYTHON_ENV, "1")
    assert load_extension("types", lambda module: None) is None
