"""The whitespace rule of `newsmodel._textrules.collapse` holds on every path it takes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsmodel._textrules import collapse, collapse_inner, normalize, scrub

# Rule 4 written out as the regular expression that defines it.
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")
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
    assert collapse(text) == _SPACES.sub(" ", normalize(text)).strip(" ")


@given(_TEXTS)
def test_collapse_inner_matches_the_rule(text: str) -> None:
    text = scrub(text)
    assert collapse_inner(text) == _SPACES.sub(" ", normalize(text))
