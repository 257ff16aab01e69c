"""Generators of the attack inputs that are too big to store.

Each function returns the bytes of one input; ``cases.toml`` names it under ``generate`` with
its ``args``. They are deterministic, so a failing case can be rebuilt from the manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
MB = 1024 * 1024


# --- JSON ----------------------------------------------------------------------------------


def json_nested_arrays(depth: int) -> bytes:
    """``[[[[...]]]]`` as the value of a field."""
    return b'{"headline": "x", "sections": ' + b"[" * depth + b"]" * depth + b"}"


def json_nested_emphasis(depth: int) -> bytes:
    """Emphasis inside emphasis, ``depth`` levels deep, inside one paragraph."""
    inner = '{"type": "emphasis", "content": [' * depth + '"x"' + "]}" * depth
    return (
        '{"headline": "x", "sections": [{"heading": null, "blocks": '
        f'[{{"type": "paragraph", "content": [{inner}]}}]}}]}}'
    ).encode()


def json_huge_integer(digits: int) -> bytes:
    """A version number with ``digits`` digits."""
    return b'{"headline": "x", "version": 1' + b"0" * digits + b"}"


def json_long_paragraph(megabytes: int) -> bytes:
    """One paragraph of ``megabytes`` MB of words."""
    words = "Казахстан news " * (megabytes * MB // 24)
    return (
        '{"headline": "x", "sections": [{"heading": null, "blocks": '
        f'[{{"type": "paragraph", "content": ["{words}"]}}]}}]}}'
    ).encode()


def json_many_tags(count: int) -> bytes:
    """``count`` tags."""
    tags = ", ".join(f'"тег {i}"' for i in range(count))
    return f'{{"headline": "x", "tags": [{tags}]}}'.encode()


def json_many_paragraphs(count: int) -> bytes:
    """One section of ``count`` paragraphs."""
    blocks = ", ".join(['{"type": "paragraph", "content": ["Абзац."]}'] * count)
    return f'{{"headline": "x", "sections": [{{"heading": null, "blocks": [{blocks}]}}]}}'.encode()


# --- ninjs ---------------------------------------------------------------------------------


def ninjs_item(body_html: str) -> bytes:
    """A ninjs 3.1 item with ``body_html`` as its HTML body."""
    body = json.dumps(body_html)
    return (
        '{"uri": "urn:x:1", "headlines": [{"role": "main", "value": "x"}], '
        f'"bodies": [{{"role": "main", "contentType": "text/html", "value": {body}}}]}}'
    ).encode()


def ninjs_nested_arrays(depth: int) -> bytes:
    """``[[[[...]]]]`` as the value of a property."""
    return b'{"uri": "urn:x:1", "headline": "x", "people": ' + b"[" * depth + b"]" * depth + b"}"


def ninjs_nested_html(depth: int) -> bytes:
    """An HTML body of ``depth`` nested ``<div>`` elements."""
    return ninjs_item("<div>" * depth + "<p>x</p>" + "</div>" * depth)


def ninjs_nested_emphasis(depth: int) -> bytes:
    """An HTML body with ``depth`` nested ``<em>`` elements in one paragraph."""
    return ninjs_item("<p>" + "<em>" * depth + "x" + "</em>" * depth + "</p>")


def ninjs_many_items(count: int) -> bytes:
    """An API response of ``count`` items."""
    item = '{"uri": "urn:x:1", "headline": "Заголовок", "body_html": "<p>Абзац.</p>"}'
    return ('{"item": [' + ", ".join([item] * count) + "]}").encode()


def ninjs_many_subjects(count: int) -> bytes:
    """``count`` subjects with codes in no known scheme."""
    subjects = ", ".join(f'{{"name": "тема {i}", "literal": "{i}"}}' for i in range(count))
    return f'{{"uri": "urn:x:1", "headline": "x", "subjects": [{subjects}]}}'.encode()


# --- plain text ----------------------------------------------------------------------------


def text_many_paragraphs(count: int) -> bytes:
    """A masthead, a headline and ``count`` paragraphs."""
    return ("САЙТ\n\nЗаголовок\n\n" + "Абзац.\n\n" * count).encode()


def text_long_line(megabytes: int) -> bytes:
    """A paragraph that is one line of ``megabytes`` MB."""
    return ("САЙТ\n\nЗаголовок\n\nАнонс.\n\n" + "слово " * (megabytes * MB // 12)).encode()


def text_long_headline(megabytes: int) -> bytes:
    """A headline of ``megabytes`` MB (the slug is derived from it)."""
    return ("САЙТ\n\n" + "Заголовок " * (megabytes * MB // 20)).encode()


def text_many_blank_lines(count: int) -> bytes:
    """``count`` blank lines between the headline and a paragraph."""
    return b"SITE\n\nHeadline" + b"\n" * count + b"Paragraph."


def text_long_rubric_line(count: int) -> bytes:
    """A rubric line of ``count`` rubrics run together."""
    return ("САЙТ\n" + "Рубрика" * count + "\n\nЗаголовок").encode()


def text_repeated_phrases(count: int) -> bytes:
    """A lede of ``count`` source phrases, the input of the attribution patterns."""
    return ("САЙТ\n\nЗаголовок\n\n" + "слово, передает Kazinform " * count).encode()


def text_nul_flood(megabytes: int) -> bytes:
    """``megabytes`` MB of NUL bytes around a headline."""
    nuls = b"\x00" * (megabytes * MB // 2)
    return nuls + "САЙТ\n\nЗаголовок".encode() + nuls


# --- HTML ----------------------------------------------------------------------------------

_PAGE = (
    '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
    "<title>Заголовок статьи</title>\n</head>\n<body>\n<article>\n<h1>Заголовок статьи</h1>\n"
    "<p>Первый абзац статьи, довольно длинный для того, чтобы его сочли основным текстом.</p>\n"
    "{body}\n</article>\n</body>\n</html>\n"
)


def html_page(body: str) -> bytes:
    """A small article page with ``body`` inside its ``<article>``."""
    return _PAGE.format(body=body).encode()


def html_nested_divs(depth: int) -> bytes:
    """``depth`` nested ``<div>`` elements around a paragraph."""
    return html_page("<div>" * depth + "<p>Глубоко вложенный абзац.</p>" + "</div>" * depth)


def html_nested_emphasis(depth: int) -> bytes:
    """A paragraph with ``depth`` nested ``<em>`` elements, within the parser's depth."""
    return html_page("<p>" + "<em>" * depth + "текст" + "</em>" * depth + " абзаца.</p>")


def html_many_attributes(count: int, name_chars: int = 0) -> bytes:
    """One start tag with ``count`` distinct attributes (names of base-36 digits)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def name(i: int) -> str:
        out = ""
        while True:
            i, r = divmod(i, 36)
            out = digits[r] + out
            if not i:
                break
        return "a" + out.rjust(name_chars, "0")

    attributes = " ".join(name(i) for i in range(count))
    return html_page(f"<p {attributes}>Абзац с атрибутами.</p>")


def html_big_text(megabytes: float) -> bytes:
    """One paragraph of ``megabytes`` MB of text."""
    words = "слово " * int(megabytes * MB // 12)
    return html_page(f"<p>{words}</p>")


def html_big_text_then_nested(megabytes: float, depth: int) -> bytes:
    """A paragraph of ``megabytes`` MB of text, then ``depth`` nested ``<div>`` elements."""
    words = "слово " * int(megabytes * MB // 12)
    nested = "<div>" * depth + "<p>Глубоко вложенный абзац.</p>" + "</div>" * depth
    return html_page(f"<p>{words}</p>{nested}")


def html_many_paragraphs(count: int) -> bytes:
    """``count`` paragraphs."""
    return html_page("<p>Абзац статьи с некоторым текстом.</p>\n" * count)


def html_many_links(count: int) -> bytes:
    """A paragraph of ``count`` links, every other one ``javascript:``."""
    links = "".join(
        f'<a href="{"javascript:alert(1)" if i % 2 else "/a"}">с{i}</a> ' for i in range(count)
    )
    return html_page(f"<p>{links}</p>")


def _people(count: int) -> str:
    return ", ".join(f"Имя{i} Фамилия{i}" for i in range(count))


def html_many_authors_meta(count: int) -> bytes:
    """One ``<meta name="author">`` naming ``count`` people."""
    meta = f'<meta name="author" content="{_people(count)}">'
    return html_page("").replace(b"</head>", f"{meta}</head>".encode())


def html_many_authors_json_ld(count: int, sites: int = 0) -> bytes:
    """A JSON-LD author naming ``count`` people, beside ``sites`` WebSite objects."""
    graph = [{"@type": "WebSite", "name": f"Сайт {i}"} for i in range(sites)]
    graph.append(
        {
            "@type": "NewsArticle",
            "headline": "Заголовок статьи",
            "author": {"@type": "Person", "name": _people(count)},
        }
    )
    script = f'<script type="application/ld+json">{json.dumps({"@graph": graph})}</script>'
    return html_page("").replace(b"</head>", f"{script}</head>".encode())


def html_nested_classed(tag: str, cls: str, depth: int, megabytes: float) -> bytes:
    """``depth`` nested ``<tag class=cls>`` elements sharing ``megabytes`` MB of text."""
    words = "слово, " * int(megabytes * MB // 13 // depth)
    return html_page((f'<{tag} class="{cls}">{words}') * depth + f"</{tag}>" * depth)


def html_many_breaks(megabytes: float) -> bytes:
    """One paragraph of ``megabytes`` MB of ``<br>``."""
    return html_page("<p>а" + "<br>" * int(megabytes * MB // 4) + "</p>")


def html_own_page_hostile(count: int) -> bytes:
    """A page in newsmodel's own markup (the reader's direct path), ``count`` hostile paragraphs.

    Each holds a link that must be refused and text that must stay escaped, in the writer's forms.
    """
    from newsmodel import Article, Section, html  # noqa: PLC0415

    page = html.dumps(Article(headline="Заголовок статьи", sections=[Section(blocks=["Текст."])]))
    body = "".join(
        f'<p><a href="javascript:alert({i})">ссылка</a> &lt;script&gt;alert({i})&lt;/script&gt; '
        f'<a href="https://example.kz/{i}">тут</a></p>'
        for i in range(count)
    )
    return page.replace("<p>Текст.</p>", body, 1).encode()


def html_many_unknown_elements(count: int) -> bytes:
    """A paragraph of ``count`` distinct unknown elements."""
    return html_page("<p>" + "".join(f"<x{i}>т</x{i}>" for i in range(count)) + "</p>")


def html_unclosed_tags(count: int) -> bytes:
    """``count`` start tags that are never closed (``<p><b><i>...``)."""
    return html_page("<b><i><u><s>" * (count // 4) + "текст")


# --- NewsML-G2 -----------------------------------------------------------------------------

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"


def newsml_item(
    body: str = "<p>Первый абзац статьи.</p>",
    headline: str = "Заголовок статьи",
    prolog: str = "",
    meta: str = "",
) -> str:
    """A small NewsML-G2 text item with ``body`` as its XHTML body."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        f'<newsItem xmlns="{NAR}" guid="urn:example:1" version="1" standard="NewsML-G2" '
        'standardversion="2.35" conformance="power" xml:lang="ru">\n'
        '<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nmprov:example"/>'
        "<versionCreated>2026-11-25T09:00:00+05:00</versionCreated>"
        f'<pubStatus qcode="stat:usable"/></itemMeta>\n<contentMeta>{meta}'
        f"<headline>{headline}</headline></contentMeta>\n"
        f'<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}">'
        f"<head><title>t</title></head><body>\n{body}\n</body></html></inlineXML></contentSet>\n"
        "</newsItem>\n"
    )


def newsml_quadratic_blowup(size: int, references: int) -> bytes:
    """One internal entity of ``size`` characters, referenced ``references`` times."""
    prolog = f'<!DOCTYPE newsItem [<!ENTITY a "{"a" * size}">]>\n'
    return newsml_item(f"<p>{'&a;' * references}</p>", prolog=prolog).encode()


def newsml_doctype_after_padding(padding: int, doctype: str) -> bytes:
    """A DOCTYPE after ``padding`` bytes of comment, past any scan of the first bytes."""
    return newsml_item(prolog=f"<!--{' ' * padding}-->\n{doctype}\n").encode()


def newsml_nested(depth: int) -> bytes:
    """``depth`` nested ``<div>`` elements in the body."""
    return newsml_item("<div>" * depth + "<p>абзац</p>" + "</div>" * depth).encode()


def newsml_nested_metadata(depth: int) -> bytes:
    """``depth`` nested elements in the metadata, outside the body."""
    return newsml_item(meta="<x>" * depth + "</x>" * depth).encode()


def newsml_big_text(megabytes: float) -> bytes:
    """One paragraph holding a text node of ``megabytes`` MB."""
    return newsml_item("<p>" + "слово " * int(megabytes * MB // 12) + "</p>").encode()


def newsml_big_text_then_nested(megabytes: float, depth: int) -> bytes:
    """A text node of ``megabytes`` MB, then ``depth`` nested ``<div>`` elements."""
    text = "<p>" + "слово " * int(megabytes * MB // 12) + "</p>"
    return newsml_item(text + "<div>" * depth + "<p>абзац</p>" + "</div>" * depth).encode()


def newsml_many_paragraphs(count: int) -> bytes:
    """``count`` paragraphs in the body."""
    return newsml_item("<p>Абзац статьи с некоторым текстом.</p>\n" * count).encode()


def newsml_many_items(count: int) -> bytes:
    """A newsMessage of ``count`` items."""
    item = newsml_item().split("?>\n", 1)[1]
    items = item * count
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="{NAR}"><header>'
        "<sent>2026-11-25T09:00:00Z</sent></header><itemSet>"
        f"{items}</itemSet></newsMessage>"
    ).encode()


def newsml_many_attributes(count: int) -> bytes:
    """One element with ``count`` distinct attributes."""
    attributes = " ".join(f'a{i}="1"' for i in range(count))
    return newsml_item(f"<p {attributes}>Абзац.</p>").encode()


def newsml_many_namespaces(count: int) -> bytes:
    """One element declaring ``count`` namespaces."""
    declarations = " ".join(f'xmlns:n{i}="urn:n{i}"' for i in range(count))
    return newsml_item(f"<p {declarations}>Абзац.</p>").encode()


# --- a DOCTYPE in every encoding libxml2 reads ------------------------------------------------

_BOMS = {
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}
_DOCTYPES = {
    "system": '<!DOCTYPE newsItem SYSTEM "{fifo_path}">\n',
    "public": '<!DOCTYPE newsItem PUBLIC "-//X//DTD X//EN" "{fifo_path}">\n',
    "parameter-entity": '<!DOCTYPE newsItem [<!ENTITY % p SYSTEM "{fifo_path}"> %p;]>\n',
    "external-entity": '<!DOCTYPE newsItem [<!ENTITY e SYSTEM "{secret_path}">]>\n',
}


def newsml_doctype_encoded(
    encoding: str,
    doctype: str = "system",
    *,
    bom: bool = False,
    declare: str | None = None,
    space: str = "",
    trailing: str = "",
    substitutions: dict[str, str] | None = None,
) -> bytes:
    """A news item whose DOCTYPE names the named pipe (or the secret file), in ``encoding``.

    ``bom`` puts the byte order mark first, ``declare`` the encoding the XML declaration names
    (``""``: no declaration at all), ``space`` whitespace before everything, ``trailing`` the
    hex of stray bytes after the document (Python then cannot decode it).
    """
    prolog = _DOCTYPES[doctype].format(**(substitutions or {}))
    text = newsml_item(prolog=prolog, body="<p>&e;</p>" if "entity" in doctype else "<p>п</p>")
    text = text.partition("\n")[2]  # the declaration is written again below
    if declare is None:
        declare = encoding.upper()
    if declare:
        text = f'<?xml version="1.0" encoding="{declare}"?>\n{text}'
    data = (space + text).encode(encoding, "xmlcharrefreplace")
    return (_BOMS.get(encoding, b"") if bom else b"") + data + bytes.fromhex(trailing)


def newsml_message_with_junk(header: int, between: int, text: int = 0) -> bytes:
    """A message of three items with ``header`` junk elements in its header, ``between`` after
    each item, and one text node of ``text`` characters in the header."""
    item = newsml_item().partition("\n")[2]
    junk = "<junk><x>мусор</x></junk>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="{NAR}"><header>'
        f"<sent>2026-11-25T09:00:00+05:00</sent>{junk * header}<big>{'ж' * text}</big></header>"
        f"<itemSet>{(item + junk * between) * 3}</itemSet></newsMessage>\n"
    ).encode()


# --- NITF and NewsML 1.2: a DOCTYPE is read, its DTD never loaded, no entity expanded ------

_NITF_DOCTYPES = {
    "system": '<!DOCTYPE {root} SYSTEM "{fifo_path}">\n',
    "public": '<!DOCTYPE {root} PUBLIC "-//IPTC//DTD NITF 3.4//EN" "{fifo_path}">\n',
    "parameter-entity": '<!DOCTYPE {root} [<!ENTITY % p SYSTEM "{fifo_path}"> %p;]>\n',
    "external-entity": '<!DOCTYPE {root} [<!ENTITY e SYSTEM "{secret_path}">]>\n',
    "external-entity-uri": '<!DOCTYPE {root} [<!ENTITY e SYSTEM "{secret_uri}">]>\n',
    "http": '<!DOCTYPE {root} SYSTEM "http://127.0.0.1:{port}/nitf.dtd">\n',
    "system-and-parameter-entity": (
        '<!DOCTYPE {root} SYSTEM "{fifo_path}" [<!ENTITY % p SYSTEM "{secret_path}"> %p;]>\n'
    ),
    "billion-laughs": (
        '<!DOCTYPE {root} [<!ENTITY a "lollollollollollollollollollol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]>\n"
    ),
}


def nitf_doc(body: str = "<p>Первый абзац статьи.</p>", prolog: str = "") -> str:
    """A small NITF document with ``body`` in its ``body.content``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        '<nitf version="-//IPTC//DTD NITF 3.4//EN">'
        '<head><docdata><date.issue norm="20261125T090000+0500"/></docdata></head>\n'
        "<body><body.head><hedline><hl1>Заголовок статьи</hl1></hedline></body.head>\n"
        f"<body.content>{body}</body.content></body></nitf>\n"
    )


def newsml12_doc(body: str = "<p>Первый абзац статьи.</p>", prolog: str = "") -> str:
    """A small NewsML 1.2 document: one item, its text NITF in a ``DataContent``."""
    nitf = nitf_doc(body).partition("\n")[2]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<NewsML Version="1.2">\n'
        "<NewsEnvelope><DateAndTime>20261125T090000+0500</DateAndTime></NewsEnvelope>\n"
        "<NewsItem><Identification><NewsIdentifier><ProviderId>example.kz</ProviderId>"
        "<DateId>20261125</DateId><NewsItemId>1</NewsItemId><RevisionId>1</RevisionId>"
        "</NewsIdentifier></Identification>\n<NewsComponent><NewsLines>"
        "<HeadLine>Заголовок статьи</HeadLine></NewsLines>\n<ContentItem>"
        '<MediaType FormalName="Text"/><Format FormalName="NITF"/>'
        f"<DataContent>{nitf}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>\n"
    )


def doctype_document(
    root: str,
    doctype: str = "system",
    *,
    encoding: str = "utf-8",
    bom: bool = False,
    references: int = 1,
    substitutions: dict[str, str] | None = None,
) -> bytes:
    """A NITF (``root="nitf"``) or NewsML 1.2 (``"NewsML"``) document whose DOCTYPE names the
    named pipe, the secret file or a local port, in ``encoding``; entities referenced in the
    body ``references`` times."""
    prolog = _NITF_DOCTYPES[doctype].format(root=root, **(substitutions or {}))
    entity = {"billion-laughs": "&j;"}.get(doctype, "&e;" if "entity" in doctype else "")
    body = f"<p>Абзац {entity * references} текста.</p>"
    text = (nitf_doc if root == "nitf" else newsml12_doc)(body, prolog).partition("\n")[2]
    text = f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n{text}'
    data = text.encode(encoding, "xmlcharrefreplace")
    return (_BOMS.get(encoding, b"") if bom else b"") + data
