"""A round trip through ninjs keeps what ninjs carries and warns for the rest."""

from __future__ import annotations

import warnings

import attrs
from hypothesis import HealthCheck, given, settings

from newsmodel import Article, Block, Embed, LossyConversionWarning, Section, Subject, ninjs
from strategies import articles


def _without_phrase(block: Block) -> Block:
    """An embed's credit without its phrase, which ninjs has no place for."""
    if isinstance(block, Embed) and block.credit is not None:
        return attrs.evolve(block, credit=attrs.evolve(block.credit, phrase=None, separator=", "))
    return block


def carried(article: Article) -> Article:
    """The article as ninjs carries it: what ninjs has no place for is left out."""
    a = article
    attributions = [attrs.evolve(x, phrase=None, separator=", ") for x in a.attributions]
    image = a.image
    if image is not None and image.credit is not None:
        image = attrs.evolve(image, credit=attrs.evolve(image.credit, phrase=None, separator=", "))
    # One pair of times: published and updated, else the creation times.
    published, updated = a.published, a.updated
    if published is None and updated is None:
        published, updated = a.first_created, a.version_created
    if published is None:  # a lone versionCreated is a publication time
        published, updated = updated, None
    if updated == published:
        updated = None
    # One name a subject: the label, else the name in the article's language.
    subjects = [
        Subject(s.code, s.label if s.label is not None else s.name(a.language)) for s in a.subjects
    ]
    extra = [(k, v) for k, v in a.extra if k.startswith("ninjs:")]
    sections = [
        Section(section.heading, [_without_phrase(b) for b in section.blocks])
        for section in a.sections
    ]
    return attrs.evolve(
        a,
        attributions=attributions,
        image=image,
        published=published,
        updated=updated,
        first_created=None,
        version_created=None,
        correction=None,
        signals=(),
        subjects=subjects,
        sections=sections,
        extra=extra,
    )


# Each article goes through both versions: one draw (which costs more than the trips) for two.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_round_trip_is_lossless_for_what_ninjs_carries_and_warns_for_the_rest(article):
    expected = carried(article)
    for version in ("3.1", "2.2"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = ninjs.dumps(article, version=version)
        lossy = [w for w in caught if issubclass(w.category, LossyConversionWarning)]
        assert bool(lossy) == (expected != article), version
        back = ninjs.loads(text)
        assert back == expected, version


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_what_was_read_from_ninjs_is_written_back_the_same(article):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        first = ninjs.loads(ninjs.dumps(article))
    assert ninjs.loads(ninjs.dumps(first)) == first
