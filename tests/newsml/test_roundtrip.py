"""Round trips: every article the strategies build is written valid and read back equal."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone

from hypothesis import given, settings

from newsmodel import Article, LossyConversionWarning, newsml
from strategies import articles_for

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


@settings(max_examples=100)
@given(articles_for("newsml"))
def test_xhtml_round_trip_and_schema(article: Article) -> None:
    data = newsml.dumps(article, now=NOW)
    assert newsml.validate(data) == []
    assert newsml.loads(data) == article


@settings(max_examples=30)
@given(articles_for("newsml"))
def test_pretty_output_reads_back_the_same(article: Article) -> None:
    data = newsml.dumps(article, now=NOW, indent=2)
    assert newsml.validate(data) == []
    assert newsml.loads(data) == article


@settings(max_examples=60)
@given(articles_for("newsml"))
def test_nitf_body_validates_with_the_nitf_schema(article: Article) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = newsml.dumps(article, now=NOW, body="nitf")
    assert newsml.validate(data) == []
    assert b'contenttype="application/nitf+xml"' in data
    if not caught:
        # Nothing was approximated: the NITF body reads back to the same article.
        assert newsml.loads(data) == article
    else:
        assert all(issubclass(w.category, LossyConversionWarning) for w in caught)


@settings(max_examples=20)
@given(articles_for("newsml"))
def test_output_is_deterministic(article: Article) -> None:
    assert newsml.dumps(article, now=NOW) == newsml.dumps(article, now=NOW)
