"""Round trips through every format: ``loads(dumps(article)) == article``.

Each format is given the articles it carries whole: every article for JSON, HTML and
NewsML-G2, and the articles the plain-text shape holds for text. The default run is small (the
format's own tests hold more properties); the nightly profile runs 10,000 articles per format::

    HYPOTHESIS_PROFILE=nightly pytest tests/test_roundtrip.py --hypothesis-show-statistics
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attacks.worker import available_formats
from strategies import articles
from test_text import text_articles

STRATEGIES = {
    "json": articles,
    "html": articles,
    "newsml": articles,
    "text": text_articles,
}
FORMATS = [fmt for fmt in available_formats() if fmt in STRATEGIES]
# What each format needs to write the whole article (an HTML page leaves the newsroom-only
# fields out unless asked).
WHOLE = {"html": {"internal": True}}
# The default profile's 100 examples are cut to 25 here (each format's own tests run more);
# a longer profile, such as nightly, runs in full.
EXAMPLES = 25 if settings().max_examples <= 100 else settings().max_examples


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.data())
def test_round_trip(fmt, data):
    module = importlib.import_module(f"newsmodel.{fmt}")
    article = data.draw(STRATEGIES[fmt](), label="article")
    assert module.loads(module.dumps(article, **WHOLE.get(fmt, {}))) == article
