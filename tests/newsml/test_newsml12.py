"""Reading NewsML 1.2 with newsml.loads, load and iter_articles."""

from __future__ import annotations

import io
import warnings
from datetime import datetime, timedelta, timezone

import pytest

from conftest import DATA
from newsmodel import (
    Attribution,
    ItemList,
    LossyConversionWarning,
    ParseError,
    PubStatus,
    Rights,
    Role,
    Subject,
    newsml,
)

N12 = DATA / "newsml12"


def read_all(name: str) -> tuple[list[object], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        with (N12 / name).open("rb") as fp:
            articles = list(newsml.iter_articles(fp))
    return articles, [str(w.message) for w in caught]


def test_text_item_with_a_doctype_and_a_nitf_body():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        a = newsml.loads((N12 / "afp-nitf.xml").read_bytes())
    assert a.headline == "Kazakhstan doubles wind power output"
    assert a.language == "en"
    assert a.dateline == "ASTANA, Nov 25, 2026 (XP) -"
    assert a.place == "Astana"
    assert a.site == "XP"
    assert a.guid == "urn:newsml:example.com:20261125T135002Z:TX-AST-0001:2"
    assert a.version == 2
    assert a.published == datetime(2026, 11, 25, 9, 49, 51, tzinfo=timezone.utc)
    assert a.updated == datetime(2026, 11, 25, 13, 49, 51, tzinfo=timezone.utc)
    assert a.subjects == (Subject("subj:04000000"), Subject("subj:04005000"))
    assert [b.text for b in a.sections[0].blocks][1:] == [
        "Operators plan three more farms by 2028.",
        "ak/xp",
    ]
    assert a.slugline == "Kazakhstan-wind"
    assert a.urgency == 4
    assert a.pub_status is PubStatus.USABLE
    assert caught == []


def test_escaped_html_with_topic_names_in_the_items_language():
    [a], warned = read_all("ana-html-cdata.xml")
    assert a.headline == "Employment rises in the third quarter"
    assert (
        a.lede == "Employment in the private sector grew in the third quarter, the ministry said."
    )
    # the lede repeated at the top of the body is read once; a script is never text
    assert [b.text for b in a.sections[0].blocks] == [
        "Hirings exceeded dismissals by 55,494 new jobs.",
        "© Example Agency.",
    ]
    assert "alert" not in a.text
    assert a.subjects == (Subject("subj:09003000", "Employment"),)
    assert a.published.utcoffset() == timedelta(hours=3)
    assert a.language == "en"
    assert a.rights == Rights(notice="© 2026 Example Agency")
    assert any("<script>" in w for w in warned)


def test_namespaced_document_of_two_items():
    articles, warned = read_all("namespaced-two-items.xml")
    assert [a.headline for a in articles] == ["Annual report published", "Årsrapport publisert"]
    first = articles[0]
    assert first.attributions == (Attribution("Example Publisher"),)
    assert [s.heading for s in first.sections] == [None, "Contacts"]
    assert isinstance(first.sections[1].blocks[0], ItemList)
    assert articles[1].language == "no"
    assert any("application/pdf" in w for w in warned)
    with pytest.raises(ParseError, match="iter_articles"):
        newsml.loads((N12 / "namespaced-two-items.xml").read_bytes())


def test_video_package_reads_its_text_and_reports_the_rest():
    [a], warned = read_all("video-components.xml")
    assert a.headline == "Le syndicat change de président"
    assert a.language == "fr"
    assert a.version == 3
    assert a.place == "BRUXELLES"
    assert a.tags == ("SYNDICATS",)
    assert [b.text for s in a.sections for b in s.blocks] == [
        "UNIONS CHAIRMAN DEBATE",
        "00:00:00:00 - 00:00:32:04 The general secretary talks during a press conference.",
    ]
    assert any("a video of role Clip" in w for w in warned)
    assert any("an image of role Image" in w for w in warned)
    assert any("no UTC offset" in w for w in warned)


def test_photo_item_is_skipped_by_iter_articles_and_refused_by_loads():
    articles, warned = read_all("photo-only.xml")
    assert articles == []
    assert any("a photo" in w for w in warned)
    with pytest.raises(ParseError, match="no text component"):
        newsml.loads((N12 / "photo-only.xml").read_bytes())


def test_iter_articles_skips_a_bad_item_and_reads_the_rest_when_asked():
    path = N12 / "three-items-one-bad.xml"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        with path.open("rb") as fp:
            articles = list(newsml.iter_articles(fp, on_error="skip"))
    assert [a.guid for a in articles] == [
        "urn:newsml:example.kz:20261125:KZ-0412:1",
        "urn:newsml:example.kz:20261125:KZ-0414:1",
    ]
    [skipped] = [w.message for w in caught]
    assert isinstance(skipped, LossyConversionWarning)
    assert "urn:newsml:example.kz:20261125:KZ-0413:1" in str(skipped)
    assert skipped.line == 18
    assert "(line 18)" in str(skipped)


def test_iter_articles_raises_on_a_bad_item_by_default():
    with (N12 / "three-items-one-bad.xml").open("rb") as fp:
        found = newsml.iter_articles(fp)
        assert next(found).headline == "Сессия маслихата открылась в Уральске"
        with pytest.raises(ParseError, match="no headline") as raised:
            next(found)
    assert raised.value.line == 18


def test_load_and_str_input_read_the_same():
    data = (N12 / "afp-nitf.xml").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        assert newsml.load(io.BytesIO(data)) == newsml.loads(data)
        assert newsml.loads(data.decode("utf-8")) == newsml.loads(data)


def test_newsml_g2_still_refuses_a_doctype():
    data = (
        b'<!DOCTYPE newsItem SYSTEM "x.dtd"><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
    )
    with pytest.raises(ParseError, match="DOCTYPE is not allowed"):
        newsml.loads(data)


def test_news_lines_are_kept_and_a_missing_headline_comes_from_the_text():
    (article,), messages = read_all("advisory_no_headline.xml")
    assert article.headline == "The bridge reopened to traffic on Tuesday."
    assert any("no headline" in m and "first sentence" in m for m in messages)
    assert article.editorial_note == "CORRECTS para 2 to say Tuesday, not Monday"
    assert ("newsml:NewsLine:ProductLine", "Regional service") in article.extra
    assert [b.text for s in article.sections for b in s.blocks] == [
        "The bridge reopened to traffic on Tuesday. Repairs took a month."
    ]


def test_an_item_with_no_headline_and_no_text_is_refused():
    data = (N12 / "advisory_no_headline.xml").read_bytes()
    data = data.replace(
        b"<p>The bridge reopened to traffic on Tuesday. Repairs took a month.</p>", b""
    )
    with pytest.raises(ParseError, match="no headline"):
        newsml.loads(data)


def _item(lines: str, management: str = "") -> bytes:
    return (
        "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>x.kz</ProviderId>"
        "<DateId>20250602</DateId><NewsItemId>1</NewsItemId><RevisionId>1</RevisionId>"
        "</NewsIdentifier></Identification>"
        f"<NewsManagement><FirstCreated>20250602T114650+0100</FirstCreated>{management}"
        f"</NewsManagement><NewsComponent><NewsLines><HeadLine>H</HeadLine>{lines}</NewsLines>"
        "<ContentItem><MediaType FormalName='Text'/><DataContent><nitf><body><body.content>"
        "<p>Text.</p></body.content></body></nitf></DataContent></ContentItem>"
        "</NewsComponent></NewsItem></NewsML>"
    ).encode()


def test_a_byline_names_its_people_without_the_by():
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        a = newsml.loads(_item("<ByLine>By Sarah Ward, PA Scotland</ByLine>"))
    assert a.attributions == (
        Attribution("Sarah Ward"),
        Attribution("PA Scotland", role=Role.SOURCE),
    )


def test_an_embargoed_status_is_usable_not_unknown():
    # "Embargoed" is one of IPTC's NewsML 1.2 statuses, as in NITF's management-status.
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        a = newsml.loads(_item("", "<Status FormalName='Embargoed'/>"))
    assert a.pub_status is PubStatus.USABLE
    assert a.extra == ()
