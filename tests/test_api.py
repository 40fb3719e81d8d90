"""The public API: every name in ``thucydides.__all__`` exists and is documented, and ``extract`` behaves."""

from __future__ import annotations

import inspect

import pytest

import thucydides


@pytest.mark.parametrize("name", thucydides.__all__)
def test_every_public_name_exists_and_has_its_own_docstring(name: str) -> None:
    obj = getattr(thucydides, name, None)

    assert obj is not None, f"thucydides.{name} is listed in __all__ but missing"
    assert (obj.__doc__ or "").strip(), f"thucydides.{name} has no docstring"
    if inspect.isclass(obj):
        # A class must document itself, not inherit its parent's words.
        parent_docs = {base.__doc__ for base in obj.__mro__[1:]}
        assert obj.__doc__ not in parent_docs, f"thucydides.{name} only inherits its docstring"


def test_all_lists_each_name_once_and_in_order() -> None:
    assert list(thucydides.__all__) == sorted(set(thucydides.__all__))


def test_the_package_docstring_says_what_it_is() -> None:
    assert "news" in (thucydides.__doc__ or "")


def test_extract_refuses_text_that_is_not_a_string() -> None:
    with pytest.raises(thucydides.InputError, match="must be a str"):
        thucydides.extract(b"bytes are not text")  # type: ignore[arg-type]


def test_extract_refuses_a_publication_date_that_is_not_iso() -> None:
    with pytest.raises(thucydides.InputError, match="ISO date"):
        thucydides.extract("Chile and Peru held talks.", published="28 November 2025")


def test_extract_returns_a_report_for_an_english_article() -> None:
    text = "Kenya and Ethiopia signed a trade agreement in Nairobi on Tuesday, officials said.\n"

    report = thucydides.extract(text, published="2026-02-12", id="kenya-ethiopia")

    assert isinstance(report, thucydides.Report)
    assert report.article.id == "kenya-ethiopia"
    assert report.article.text == text
    assert report.language == "en"
