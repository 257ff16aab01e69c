"""The whitespace rule of `newsmodel._text.collapse` holds on every path it takes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsmodel._text import collapse, normalize, scrub

# Rule 4 written out as the regular expression that defines it.
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")
_ALPHABET = st.sampled_from(
    list("aбвЁ́e\u0301 \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u202f\u2007\u2028\u3000\u200b\u00ad.")
)


@given(st.text(_ALPHABET, max_size=30) | st.text(max_size=30))
def test_collapse_matches_the_rule(text: str) -> None:
    text = scrub(text)
    assert collapse(text) == _SPACES.sub(" ", normalize(text)).strip(" ")
