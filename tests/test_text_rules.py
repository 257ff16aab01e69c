"""The whitespace rule of `newsmodel._textrules.collapse` holds on every path it takes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ValidationError
from newsmodel._textrules import collapse, collapse_inner, is_clean_inner, normalize, scrub

# Rule 4 written out as the regular expression that defines it.
_SPACES = re.compile(r"\s{2,}|[^\S\u00a0\u202f\u2007]")
# Every whitespace character there is, the invisible ones, and letters that NFC changes.
_WHITESPACE = [chr(c) for c in range(0x110000) if chr(c).isspace()]
_ALPHABET = st.sampled_from([*"aбвЁ́e\u0301 \u200b\u00ad\u2060\ufeff\u202e.", *_WHITESPACE])
# Text that needs no change but for its plain spaces: the path that returns text as it is.
_TEXTS = (
    st.text(_ALPHABET, max_size=30)
    | st.text(st.sampled_from("aбЁ.\u00a0  "), max_size=30)
    | st.text(max_size=30)
)


@given(_TEXTS)
def test_collapse_matches_the_rule(text: str) -> None:
    text = scrub(text)
    assert collapse(text) == _SPACES.sub(" ", normalize(text)).strip(" \u00a0\u202f\u2007")


@given(_TEXTS)
def test_collapse_inner_matches_the_rule(text: str) -> None:
    text = scrub(text)
    assert collapse_inner(text) == _SPACES.sub(" ", normalize(text))


@given(_TEXTS)
def test_clean_inner_text_is_what_the_rule_keeps(text: str) -> None:
    text = scrub(text)
    assert is_clean_inner(text) == (_SPACES.sub(" ", normalize(text)) == text)


def test_a_lone_no_break_space_is_kept_and_a_mixed_run_becomes_one_space() -> None:
    assert collapse("25\u00a0ноября") == "25\u00a0ноября"
    assert collapse("результат,\u00a0 \u00a0прагматичный") == "результат, прагматичный"
    assert collapse("1\u202f\u202f200") == "1 200"
    assert collapse_inner("а \u00a0б\u00a0") == "а б\u00a0"


def test_no_break_spaces_at_the_ends_of_a_line_are_trimmed() -> None:
    assert collapse("\u00a0Заголовок\u00a0 ") == "Заголовок"
    assert collapse("\u00a0\u200b\u202f\ufeff\u2007") == ""


@pytest.mark.parametrize("headline", ["\u00a0\u00a0", "\u200b\u00a0\u2060", "\u202f", " \u00ad "])
def test_a_headline_of_only_invisible_characters_is_refused(headline: str) -> None:
    with pytest.raises(ValidationError, match="headline"):
        Article(headline=headline)
