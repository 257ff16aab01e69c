"""Round trips through every format: ``loads(dumps(article)) == article``.

Each format is given the articles it carries whole: every article for JSON, for HTML and
NewsML-G2 every article less what they do not write yet (``tests/carried.py``), and the
articles the plain-text shape holds for text. The default run is small (the
format's own tests hold more properties); the nightly profile runs 10,000 articles per format::

    HYPOTHESIS_PROFILE=nightly pytest tests/test_roundtrip.py --hypothesis-show-statistics
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attacks.worker import available_formats
from strategies import articles, articles_for
from test_text import text_articles

# What each format carries: all of the model for JSON; for HTML and NewsML-G2 what they write
# today (tests/carried.py lists the rest); for text, the articles its shape holds.
STRATEGIES = {
    "json": articles(),
    "html": articles_for("html"),
    "newsml": articles_for("newsml"),
    "text": text_articles(),
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
    article = data.draw(STRATEGIES[fmt], label="article")
    assert module.loads(module.dumps(article, **WHOLE.get(fmt, {}))) == article
