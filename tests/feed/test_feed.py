"""Consumers' rules, the reader's refusals and liberties, and sitemap indexes."""

from __future__ import annotations

import io
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    Figure,
    LineBreak,
    Link,
    LossyConversionWarning,
    Paragraph,
    ParseError,
    Quote,
    Role,
    Section,
    ValidationError,
    WriteError,
    feed,
)

DATA = Path(__file__).parent.parent / "data" / "feed"
NOW = datetime(2026, 11, 25, 12, tzinfo=timezone(timedelta(hours=5)))
CHANNEL = feed.Channel(title="Altyn-Orda", link="https://altyn-orda.kz/")


def _article(i: int = 1, **kwargs: object) -> Article:
    fields: dict[str, object] = {
        "headline": f"Новость {i}",
        "url": f"https://altyn-orda.kz/news/{i}",
        "published": NOW,
        "sections": [
            Section(
                heading="Подзаголовок",
                blocks=[
                    Paragraph(
                        ["Текст ", Emphasis("курсив"), LineBreak(), Link("https://a.kz", "ссылка")]
                    ),
                    Figure(
                        "https://altyn-orda.kz/f.png",
                        caption="Подпись",
                        credit=Attribution(
                            "Фотограф Иванов", role=Role.PHOTOGRAPHER, phrase="фото"
                        ),
                    ),
                    Quote("Цитата", cite="министр"),
                ],
            )
        ],
        "attributions": [Attribution("Анна Ким")],
        "image": Figure("https://altyn-orda.kz/lead.jpg"),
    }
    fields.update(kwargs)
    return Article(**fields)  # type: ignore[arg-type]


# --- Dzen -----------------------------------------------------------------------------------


def _dzen_item(data: bytes) -> etree._Element:
    return etree.fromstring(data).find("channel/item")


def test_dzen_has_the_required_elements_and_namespaces():
    data = feed.dumps([_article()], channel=CHANNEL, format="dzen")
    root = etree.fromstring(data)
    assert set(root.nsmap.values()) >= {
        "http://purl.org/rss/1.0/modules/content/",
        "http://purl.org/dc/elements/1.1/",
        "http://search.yahoo.com/mrss/",
        "http://www.w3.org/2005/Atom",
    }
    item = root.find("channel/item")
    for required in (
        "title",
        "link",
        "guid",
        "pubDate",
        "{http://purl.org/rss/1.0/modules/content/}encoded",
    ):
        assert item.find(required) is not None, required
    rating = item.find("{http://search.yahoo.com/mrss/}rating")
    assert (rating.get("scheme"), rating.text) == ("urn:simple", "nonadult")
    assert [c.text for c in item.findall("category")] == [
        "format-article",
        "index",
        "comment-all",
    ]
    # an enclosure for every image: the lead image and the figure in the text
    assert [e.get("url") for e in item.findall("enclosure")] == [
        "https://altyn-orda.kz/lead.jpg",
        "https://altyn-orda.kz/f.png",
    ]
    assert {e.get("type") for e in item.findall("enclosure")} == {"image/jpeg", "image/png"}


def test_dzen_options_set_its_categories():
    options = feed.DzenOptions(format="post", index=False, comments="none", draft=True, adult=True)
    item = _dzen_item(feed.dumps([_article()], channel=CHANNEL, format="dzen", dzen=options))
    assert [c.text for c in item.findall("category")] == [
        "format-post",
        "noindex",
        "comment-none",
        "native-draft",
    ]
    assert item.find("{http://search.yahoo.com/mrss/}rating").text == "adult"
    with pytest.raises(ValidationError, match="comments"):
        feed.DzenOptions(comments="friends")


def test_dzen_html_holds_only_the_markup_dzen_allows():
    item = _dzen_item(feed.dumps([_article()], channel=CHANNEL, format="dzen"))
    markup = item.find("{http://purl.org/rss/1.0/modules/content/}encoded").text
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    allowed = {
        "p",
        "a",
        "b",
        "i",
        "u",
        "s",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "ul",
        "ol",
        "li",
        "figure",
        "img",
        "figcaption",
        "video",
        "source",
    }
    for el in root.iter():
        if el is root:
            continue
        if el.tag == "span":
            assert el.get("class") == "copyright"
            assert el.getparent().tag == "figcaption"
            continue
        assert el.tag in allowed, el.tag
        assert set(el.attrib) <= {"href", "src", "alt"}
    caption = root.find(".//figcaption")
    assert caption.text.strip() == "Подпись"
    assert caption.find("span").text == "Фотограф Иванов"
    assert root.find(".//i").text == "курсив"


def test_dzen_leaves_out_an_article_without_an_image_and_names_it():
    bare = _article(2, image=None, sections=[Section(blocks=["Текст без картинки."])])
    with pytest.warns(
        LossyConversionWarning,
        match=r"dzen: article 'https://altyn-orda.kz/news/2' left out: no image",
    ):
        data = feed.dumps([_article(), bare], channel=CHANNEL, format="dzen")
    assert len(etree.fromstring(data).findall("channel/item")) == 1


def test_dzen_writes_no_empty_element():
    # Dzen cannot process a feed with an empty element: every element has text or children,
    # but for those whose content is their attributes
    sparse = _article(
        2, attributions=[], image=None, sections=[Section(blocks=[Figure("https://a.kz/i.jpg")])]
    )
    channel = feed.Channel(
        title="A", link="https://altyn-orda.kz/", self_url="https://altyn-orda.kz/rss"
    )
    root = etree.fromstring(feed.dumps([_article(), sparse], channel=channel, format="dzen"))
    assert len(root.findall("channel/item")) == 2
    attributes_only = {"enclosure", "{http://www.w3.org/2005/Atom}link"}
    for el in root.iter():
        if el.tag in attributes_only:
            assert el.attrib, el.tag
            continue
        assert len(el) or (el.text or "").strip(), el.tag


def test_dzen_refuses_more_than_500_items():
    with pytest.raises(WriteError, match="at most 500"):
        feed.dumps([_article(i) for i in range(501)], channel=CHANNEL, format="dzen")


# --- Yandex News ----------------------------------------------------------------------------


def test_yandex_has_full_text_genre_logo_and_pdalink():
    channel = feed.Channel(
        title="Altyn-Orda", link="https://altyn-orda.kz/", logo="https://altyn-orda.kz/logo.png"
    )
    options = feed.YandexOptions(
        genre="article", pdalink=lambda a: f"https://m.altyn-orda.kz/{a.slug}"
    )
    root = etree.fromstring(
        feed.dumps([_article()], channel=channel, format="yandex", yandex=options)
    )
    y = "{http://news.yandex.ru}"
    assert root.find(f"channel/{y}logo").text == "https://altyn-orda.kz/logo.png"
    item = root.find("channel/item")
    assert item.find(f"{y}genre").text == "article"
    assert item.find("pdalink").text == "https://m.altyn-orda.kz/novost-1"
    full_text = item.find(f"{y}full-text").text
    assert "Текст курсив" in full_text
    assert "<" not in full_text


def test_yandex_leaves_out_an_article_without_a_date():
    with pytest.warns(LossyConversionWarning, match="no publication date"):
        data = feed.dumps([_article(published=None)], channel=CHANNEL, format="yandex")
    assert etree.fromstring(data).find("channel/item") is None


def test_yandex_leaves_out_an_article_whose_url_is_the_home_page():
    home = _article(2, url="https://altyn-orda.kz/")
    with pytest.warns(LossyConversionWarning, match="home page"):
        data = feed.dumps([_article(1), home], channel=CHANNEL, format="yandex")
    links = [e.text for e in etree.fromstring(data).iterfind("channel/item/link")]
    assert links == ["https://altyn-orda.kz/news/1"]


# --- RSS and Atom ---------------------------------------------------------------------------


def test_rss_writes_rfc822_dates_and_self_link():
    channel = feed.Channel(
        title="A", link="https://altyn-orda.kz/", self_url="https://altyn-orda.kz/rss"
    )
    odd = timezone(timedelta(hours=5, minutes=7, seconds=48))
    root = etree.fromstring(
        feed.dumps([_article(published=datetime(2026, 1, 1, 12, tzinfo=odd))], channel=channel)
    )
    # an offset with seconds has no RFC 822 form: the same instant in UTC
    assert root.find("channel/item/pubDate").text == "Thu, 01 Jan 2026 06:52:12 +0000"
    link = root.find("channel/{http://www.w3.org/2005/Atom}link")
    assert (link.get("rel"), link.get("href")) == ("self", "https://altyn-orda.kz/rss")


def test_atom_without_any_date_is_refused():
    with pytest.warns(LossyConversionWarning), pytest.raises(WriteError, match=r"Channel\.updated"):
        feed.dumps(
            [Article(headline="Без даты", url="https://a.kz/1")], channel=CHANNEL, format="atom"
        )


def test_writers_stream_to_a_file_one_article_at_a_time():
    seen = []

    def articles():
        for i in range(3):
            seen.append(i)
            yield _article(i)

    buf = io.BytesIO()
    feed.dump(articles(), buf, channel=CHANNEL, format="rss")
    assert seen == [0, 1, 2]
    assert buf.getvalue().count(b"<item>") == 3


def test_channel_is_checked():
    with pytest.raises(ValidationError, match="link"):
        feed.Channel(title="A", link="javascript:alert(1)")
    with pytest.raises(ValidationError, match="title"):
        feed.Channel(title=" ", link="https://a.kz/")


# --- sitemaps -------------------------------------------------------------------------------

_SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "news-sitemap.xsd")))


def test_sitemap_lists_the_last_two_days_only():
    items = [
        _article(1, published=NOW - timedelta(hours=47)),
        _article(2, published=NOW - timedelta(days=3)),
    ]
    root = etree.fromstring(feed.dumps(items, channel=CHANNEL, format="sitemap", now=NOW))
    _SCHEMA.assertValid(root)
    locs = root.xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    assert locs == ["https://altyn-orda.kz/news/1"]
    everything = feed.dumps(items, channel=CHANNEL, format="sitemap", now=NOW, max_age=None)
    assert everything.count(b"<url>") == 2


def test_a_sitemap_with_nothing_recent_is_empty_not_an_error(tmp_path):
    # Google: old URLs leave the news sitemap, which may then be empty for a while
    old = [_article(1, published=NOW - timedelta(days=3))]
    root = etree.fromstring(feed.dumps(old, channel=CHANNEL, format="sitemap", now=NOW))
    assert etree.QName(root).localname == "urlset"
    assert len(root) == 0
    files = feed.write_sitemaps(old, tmp_path / "news.xml", channel=CHANNEL, now=NOW)
    assert files == [tmp_path / "news.xml"]
    assert len(etree.parse(str(files[0])).getroot()) == 0


def test_a_url_longer_than_a_sitemap_loc_holds_is_left_out_and_named():
    long_url = "https://altyn-orda.kz/news/" + "a" * 2100
    items = [_article(1), _article(2, url=long_url)]
    with pytest.warns(LossyConversionWarning, match="2,048"):
        data = feed.dumps(items, channel=CHANNEL, format="sitemap", now=NOW)
    root = etree.fromstring(data)
    _SCHEMA.assertValid(root)
    assert data.count(b"<url>") == 1
    # the longest loc the schema takes is written
    longest = "https://altyn-orda.kz/" + "b" * (2048 - len("https://altyn-orda.kz/"))
    data = feed.dumps([_article(3, url=longest)], channel=CHANNEL, format="sitemap", now=NOW)
    _SCHEMA.assertValid(etree.fromstring(data))
    assert longest.encode() in data


def test_news_name_leaves_out_a_trailing_parenthetical():
    channel = feed.Channel(title="Altyn-Orda (подписка)", link="https://altyn-orda.kz/")
    data = feed.dumps([_article()], channel=channel, format="sitemap", now=NOW)
    assert b"<news:name>Altyn-Orda</news:name>" in data
    # the rss channel keeps the title as given
    assert "<title>Altyn-Orda (подписка)</title>".encode() in feed.dumps([], channel=channel)


def test_sitemap_over_1000_urls_in_one_file_is_refused():
    with pytest.raises(WriteError, match="write_sitemaps"):
        feed.dumps([_article(i) for i in range(1001)], channel=CHANNEL, format="sitemap", now=NOW)


def test_write_sitemaps_writes_an_index_and_files_beside_it(tmp_path):
    channel = feed.Channel(
        title="A", link="https://altyn-orda.kz/", self_url="https://altyn-orda.kz/maps/news.xml"
    )
    files = feed.write_sitemaps(
        [_article(i) for i in range(2500)], tmp_path / "news.xml", channel=channel, now=NOW
    )
    assert [f.name for f in files] == ["news.xml", "news-1.xml", "news-2.xml", "news-3.xml"]
    index = etree.parse(str(tmp_path / "news.xml")).getroot()
    assert etree.QName(index).localname == "sitemapindex"
    locs = [e.text for e in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == [f"https://altyn-orda.kz/maps/news-{i}.xml" for i in (1, 2, 3)]
    counts = []
    for name in ("news-1.xml", "news-2.xml", "news-3.xml"):
        tree = etree.parse(str(tmp_path / name))
        _SCHEMA.assertValid(tree)
        counts.append(len(tree.getroot()))
    assert counts == [1000, 1000, 500]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "news-1.xml",
        "news-2.xml",
        "news-3.xml",
        "news.xml",
    ]


def test_write_sitemaps_writes_one_sitemap_when_it_fits(tmp_path):
    files = feed.write_sitemaps(
        [_article(i) for i in range(3)], tmp_path / "news.xml", channel=CHANNEL, now=NOW
    )
    assert files == [tmp_path / "news.xml"]
    _SCHEMA.assertValid(etree.parse(str(files[0])))


# --- reading --------------------------------------------------------------------------------


def test_reading_refuses_what_is_not_a_feed():
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        feed.loads(b"<html><body><p>just a page</p></body></html>")
    with pytest.raises(ParseError, match="empty"):
        feed.loads(b"  ")
    with pytest.raises(ParseError, match="over the limit"):
        feed.loads(b"<rss>" + b" " * 100 + b"</rss>", max_bytes=50)


def test_reading_never_opens_a_path_or_url(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(
        b'<rss version="2.0"><channel><title>S</title>'
        b"<item><title>SECRET</title></item></channel></rss>"
    )
    # feedparser opens bytes or a str naming a file; the reader gives it a file object
    for data in (str(secret).encode(), str(secret), secret.as_uri()):
        with pytest.raises(ParseError):
            feed.loads(data)


def test_an_entry_with_only_a_summary_is_a_lede_with_a_warning():
    rss = b"""<rss version="2.0"><channel><title>S</title><link>https://s.kz/</link>
    <item><title>T</title><link>https://s.kz/1</link>
    <description>Only &lt;b&gt;a&lt;/b&gt; summary</description></item>
    </channel></rss>"""
    with pytest.warns(LossyConversionWarning, match="only a summary"):
        [article] = feed.loads(rss)
    assert article.lede == "Only a summary"
    assert article.sections == ()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Wed, 25 Nov 2026 09:05:00 +0500", "2026-11-25T09:05:00+05:00"),
        ("25 Nov 2026 09:05:00 +0500", "2026-11-25T09:05:00+05:00"),  # no weekday
        ("Wed, 25 Nov 2026 09:05 GMT", "2026-11-25T09:05:00+00:00"),  # no seconds, a zone name
        ("Wed, 25 Nov 26 09:05:00 +0500", "2026-11-25T09:05:00+05:00"),  # two-digit year
        ("Wednesday, 25 Nov 2026 09:05:00 MSK", None),  # a zone feedparser knows, RFC 822 not
        ("2026-11-25T09:05:00+05:00", "2026-11-25T09:05:00+05:00"),  # ISO 8601 in an RSS feed
        ("Wed, 25 Nov 2026 09:05:00", "2026-11-25T09:05:00+00:00"),  # no zone: tz (UTC)
    ],
)
def test_reading_real_feeds_dates(written, expected):
    rss = f"""<rss version="2.0"><channel><title>S</title><item><title>T</title>
    <pubDate>{written}</pubDate><description>x</description></item></channel></rss>""".encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        [article] = feed.loads(rss)
    if expected is None:
        assert article.published is not None
    else:
        assert article.published.isoformat() == expected


def test_reading_a_dzen_feed_drops_its_own_categories():
    data = feed.dumps([_article(rubrics=["Политика"])], channel=CHANNEL, format="dzen")
    [article] = feed.loads(data)
    assert article.rubrics == ()
    assert article.image is not None
    assert article.image.image == "https://altyn-orda.kz/lead.jpg"
    # the marks earlier versions wrote (index-yes) are Dzen's marks too
    older = data.replace(b"<category>index</category>", b"<category>index-yes</category>")
    assert b"index-yes" in older
    [article] = feed.loads(older)
    assert article.rubrics == ()


def test_reading_drops_scripts_from_the_full_text():
    rss = b"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>S</title>
    <item><title>T</title><content:encoded><![CDATA[<p>Text<script>alert(1)</script></p>
    <p onclick="x()">More <a href="javascript:alert(1)">link</a></p>]]></content:encoded></item>
    </channel></rss>"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        [article] = feed.loads(rss)
    assert article.text == "T\n\nText\n\nMore link"


def test_a_date_that_cannot_be_read_is_reported_not_dropped_silently():
    # Day and month cannot be told apart: the date is left out, and the reader says so.
    rss = b"""<rss version="2.0"><channel><title>S</title><item><title>T</title>
    <pubDate>08/02/2013 12:00:00</pubDate><description>x</description></item></channel></rss>"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        [article] = feed.loads(rss)
    assert article.published is None
    [note] = [w.message for w in caught if w.message.kind == "value"]
    assert note.lost == "published"
    assert "'08/02/2013 12:00:00'" in str(note)


def test_an_rss_1_0_item_is_published_on_its_dc_date():
    # RSS 1.0 dates an item with dc:date alone (feedparser files it as "updated").
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://old.example.org/"><title>Old</title>
    <link>https://old.example.org/</link><description>d</description></channel>
    <item rdf:about="https://old.example.org/1"><title>First</title>
    <link>https://old.example.org/1</link><description>One</description>
    <dc:date>2023-01-02T03:04:05+02:00</dc:date></item></rdf:RDF>"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        [article] = feed.loads(rdf)
    assert article.published == datetime(2023, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert article.updated is None
