"""Lines of another site's page that are read with the body but are not its text.

Every page here is written for its rule: the article beside the line the rule is about, so that
the test fails when the rule is gone.
"""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import warnings

from newsmodel import Article
from newsmodel import html as nhtml

LONG = "The council met on Monday to vote on the new bridge, and the debate ran late into the night, with speakers from both banks of the river taking turns at the microphone."
OTHER = "Residents who spoke at the meeting asked for a footpath on both sides of the river crossing, and for the old ferry to keep running until the bridge is open to traffic."
THIRD = "The vote is expected next month, after the engineers have answered the council's questions about the cost of the work and the time the river will be closed to boats."


def _read(page: str) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nhtml.loads(page.encode(), url="https://example.org/news/bridge")


def _body(article: Article) -> str:
    return "\n".join([article.lede or "", *(s.text for s in article.sections)])


def test_a_short_byline_and_date_marked_as_microdata_are_not_body_text() -> None:
    header = (
        '<div class="when"><time itemprop="datePublished" datetime="2024-03-05T10:00:00+01:00">05.03.24 10:00</time></div>'
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<p><span itemprop="name">Ada Lovell</span> <a href="mailto:ada@example.org">Write to me</a></p></div>'
    )
    page = f"<title>T</title><body><h1>Bridge</h1><div class='story'>{header}<p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p></div></body>"
    article = _read(page)
    body = _body(article)
    assert LONG in body
    assert "05.03.24" not in body
    assert "Ada Lovell" not in body
    assert "Write to me" not in body


def test_a_long_author_box_marked_as_microdata_is_kept() -> None:
    # an author's box at the end ("About the author ...") is the page's to give; only a
    # byline's short line is left out
    about = "Ada Lovell has covered the city council for ten years and writes about roads, bridges and the people who use them every day."
    page = (
        f"<title>T</title><body><h1>Bridge</h1><div class='story'><p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p>"
        f'<div itemprop="author" itemscope><p>{about}</p></div></div></body>'
    )
    assert about in _body(_read(page))


def test_a_byline_line_at_the_top_of_the_body_is_not_body_text() -> None:
    meta = '<meta name="author" content="Ada Lovell">'
    lines = "<p>By Ada Lovell</p><p>Tue 05.03.24 | 10:00 | Ada Lovell | City desk</p>"
    page = f"<title>T</title>{meta}<body><h1>Bridge</h1><div class='story'>{lines}<p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p></div></body>"
    article = _read(page)
    assert [a.name for a in article.attributions] == ["Ada Lovell"]
    body = _body(article)
    assert LONG in body
    assert "Ada Lovell" not in body


def test_a_short_line_about_the_author_that_says_more_is_kept() -> None:
    meta = '<meta name="author" content="Ada Lovell">'
    line = "<p>Ada Lovell walked the length of the old bridge with the town's engineer.</p>"
    page = f"<title>T</title>{meta}<body><h1>Bridge</h1><div class='story'>{line}<p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p></div></body>"
    assert "Ada Lovell walked" in _body(_read(page))


def test_a_heading_that_is_the_byline_is_not_a_section_heading() -> None:
    meta = '<meta name="author" content="Ada Lovell">'
    page = f"<title>T</title>{meta}<body><h1>Bridge</h1><div class='story'><h2>Ada Lovell</h2><p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p></div></body>"
    article = _read(page)
    assert article.sections[0].heading is None
    assert "Ada Lovell" not in _body(article)


def _story(end: str, meta: str = "") -> str:
    return f"<title>T</title>{meta}<body><h1>Bridge</h1><div class='story'><p>{LONG}</p><p>{OTHER}</p><p>{THIRD}</p>{end}</div></body>"


def test_labels_after_the_last_sentence_are_not_body_text() -> None:
    # a box's title whose links were left out, then a button's text
    end = "<p>More from the city</p><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ul><div>Read it in Welsh</div>"
    body = _body(_read(_story(end)))
    assert THIRD in body
    assert "More from the city" not in body
    assert "Read it in Welsh" not in body


def test_a_short_last_sentence_a_footnote_and_the_authors_signature_are_kept() -> None:
    assert "It passed." in _body(_read(_story("<p>It passed.</p>")))
    assert "* Name changed" in _body(_read(_story("<p>* Name changed</p>")))
    meta = '<meta name="author" content="Ada Lovell">'
    assert "Ada Lovell" in _body(_read(_story("<p>Ada Lovell</p>", meta)))


def test_a_paragraph_said_again_otherwise_spaced_or_stopped_is_read_once() -> None:
    point = "Only nine of these bridges were ever finished , leaving the river without a crossing"
    again = "Only nine of these bridges were ever finished, leaving the river without a crossing."
    page = _story("").replace(f"<p>{OTHER}</p>", f"<p>{point}</p><p>{OTHER}</p><p>{again}</p>")
    body = _body(_read(page))
    assert body.count("Only nine") == 1
    assert again in body  # the copy that ends its sentence
    assert OTHER in body


def test_a_caption_set_again_as_a_paragraph_is_read_once() -> None:
    caption = "The old ferry landing on the north bank, where the bridge will start."
    figure = (
        f"<figure><img src='https://example.org/a.jpg'><figcaption>{caption}</figcaption></figure>"
    )
    page = _story("").replace(f"<p>{OTHER}</p>", f"{figure}<p>{caption}</p><p>{OTHER}</p>")
    article = _read(page)
    assert _body(article).count("ferry landing") == 1
    assert article.sections[0].blocks[1].text == caption  # the figure's


def test_a_short_line_may_be_said_twice() -> None:
    page = _story("").replace(
        f"<p>{OTHER}</p>", f"<p>More to come.</p><p>{OTHER}</p><p>More to come.</p>"
    )
    assert _body(_read(page)).count("More to come.") == 2


def test_a_list_of_teasers_with_linked_headlines_is_not_body_text() -> None:
    teasers = (
        "<ul><li><a href='/news/ferry'><img src='https://example.org/f.jpg'></a>"
        "<h3><a href='/news/ferry'>The last ferry</a></h3>"
        "<p>The crossing that served the town for a century, and the people who ran it, in pictures and words.</p></li></ul>"
    )
    body = _body(_read(_story("").replace(f"<p>{OTHER}</p>", f"<p>{OTHER}</p>{teasers}")))
    assert OTHER in body
    assert "The last ferry" not in body
    assert "served the town" not in body


def test_a_list_with_a_heading_linked_to_a_place_on_the_page_is_kept() -> None:
    steps = (
        "<ul><li><h3><a href='#first'>First step</a></h3><p>Close the road on the north bank for the works.</p></li>"
        "<li><h3>Second step</h3><p>Open the footpath on the south bank before the summer.</p></li></ul>"
    )
    body = _body(_read(_story("").replace(f"<p>{OTHER}</p>", f"<p>{OTHER}</p>{steps}")))
    assert "Close the road" in body


def _described(description: str, first: str) -> Article:
    meta = f'<meta name="description" content="{description}">'
    return _read(_story("", meta).replace(f"<p>{LONG}</p>", f"<p>{first}</p>"))


def test_the_first_paragraphs_a_description_runs_together_are_its_text() -> None:
    # the description is the first paragraph and the start of the next, cut short: the lede
    # is the first paragraph, taken out of the body, and the next paragraph stays whole
    first = "The council voted on Monday to build the new bridge."
    article = _described(f"{first} Residents who spoke at the meeting asked for a foot...", first)
    assert article.lede == first
    assert _body(article).count("The council voted") == 1
    assert OTHER in _body(article)


def test_a_description_of_the_first_paragraph_without_its_dateline_is_no_lede() -> None:
    text = "The council voted on Monday to build the new bridge over the river."
    article = _described(text, f"RIVERTON (Wire) — {text}")
    assert article.lede is None
    assert _body(article).count("The council voted") == 1
    assert "RIVERTON (Wire)" in _body(article)


def test_a_description_that_says_something_else_stays_the_lede() -> None:
    description = "A new bridge for the town, and what it will cost the people who use it."
    article = _described(description, "The council voted on Monday to build the new bridge.")
    assert article.lede == description


def test_a_description_carrying_markup_gives_its_text_as_the_lede() -> None:
    meta = '<meta name="description" content="&lt;p&gt;A new bridge for the town, &lt;b&gt;at last&lt;/b&gt;.&lt;/p&gt;">'
    assert _read(_story("", meta)).lede == "A new bridge for the town, at last ."
