"""Round trips: every article survives HTML; real pages settle after one pass."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsmodel import Article, html
from strategies import articles

CORPUS = Path(__file__).parent.parent / "data" / "html" / "corpus"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_article_round_trips(article: Article) -> None:
    assert html.loads(html.dumps(article)) == article


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_round_trip_from_bytes(article: Article) -> None:
    assert html.loads(html.dumps(article).encode("utf-8")) == article


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_fragment_round_trips(article: Article) -> None:
    assert html.loads(html.dumps(article, fragment=True)) == article


@pytest.mark.parametrize("page", sorted(CORPUS.glob("*.html")), ids=lambda p: p.stem)
def test_real_page_round_trip_is_stable(page: Path) -> None:
    truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = html.dumps(html.loads(page.read_bytes(), url=truth["url"]))
    second = html.dumps(html.loads(first))
    assert second == first
