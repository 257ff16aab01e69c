"""Read and write articles as HTML.

:func:`dumps` writes a complete, conforming HTML5 page (or, with ``fragment=True``, only the
``<article>`` element) with semantic markup, OpenGraph and a schema.org ``NewsArticle`` JSON-LD
block; :func:`loads` reads it back to an equal article, and reads real article pages from
other sites too: metadata from JSON-LD, microdata, OpenGraph and ``<meta>`` tags, the body from
the page's main content.

>>> from newsmodel import Article, Section, html
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])], slug="zagolovok")
>>> html.loads(html.dumps(article)) == article
True
"""

from __future__ import annotations

from datetime import timezone
from typing import IO, TYPE_CHECKING

from newsmodel._models import Article
from newsmodel._warnings import lossy_fields
from newsmodel._zones import tzinfo as _zone
from newsmodel.errors import ParseError
from newsmodel.html._parse import DEFAULT_MAX_BYTES, DEFAULT_MAX_TAG_CHARS, MAX_DEPTH
from newsmodel.html._reader import read
from newsmodel.html._writer import render

if TYPE_CHECKING:
    from datetime import tzinfo

#: The default of ``max_depth``: the deepest nesting the parser keeps, :data:`MAX_DEPTH`.
DEFAULT_MAX_DEPTH = MAX_DEPTH

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_TAG_CHARS",
    "MAX_DEPTH",
    "dump",
    "dumps",
    "load",
    "loads",
]


def dumps(article: Article, /, *, fragment: bool = False, internal: bool = False) -> str:
    r"""Write an article as an HTML5 page, or as its ``<article>`` element alone.

    Every text is escaped for where it stands (element text, attribute value, JSON inside
    ``<script>``). Links are written only with http, https and mailto schemes (or relative);
    others are written as their text with a :class:`~newsmodel.LossyConversionWarning`, as is
    each field a subclass of :class:`~newsmodel.Article` adds (only JSON carries those). The
    same article always gives the same string.

    A page shows what a reader should see. What is for the newsroom only (``extra``: an
    agency's notes to editors, its usage terms, whatever a source gave beyond the model) is
    left out unless ``internal`` is true; it is then written in a hidden element that
    :func:`loads` reads back. Publish pages written without it.

    Args:
        article: the article.
        fragment: write only the ``<article>`` element, for embedding in a site's template.
        internal: write the newsroom-only fields too (hidden), for a page that stays inside
            the newsroom or must read back whole.

    Returns:
        The HTML text.

    >>> from newsmodel import Article
    >>> page = dumps(Article(headline="Привет </script>"))
    >>> page.splitlines()[0]
    '<!DOCTYPE html>'
    >>> "Привет &lt;/script&gt;</h1>" in page
    True
    >>> note = Article(headline="H", extra=[("newsml:edNote", "STRICTLY EMBARGOED")])
    >>> "EMBARGOED" in dumps(note), "EMBARGOED" in dumps(note, internal=True)
    (False, True)
    """
    if not isinstance(article, Article):
        msg = f"expected Article, got {type(article).__name__}"
        raise TypeError(msg)
    page = render(article, fragment=fragment, internal=internal)
    lossy_fields("html", article)
    return page


def dump(
    article: Article, fp: IO[bytes], /, *, fragment: bool = False, internal: bool = False
) -> None:
    """Write an article as a UTF-8 HTML page to a binary file.

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Привет"), buf)
    >>> buf.getvalue()[:15]
    b'<!DOCTYPE html>'
    """
    fp.write(dumps(article, fragment=fragment, internal=internal).encode("utf-8"))


def loads(
    data: str | bytes,
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    tz: str | tzinfo = timezone.utc,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tag_chars: int = DEFAULT_MAX_TAG_CHARS,
    max_depth: int = DEFAULT_MAX_DEPTH,
    strict: bool = False,
) -> Article:
    """Read an article from an HTML page.

    Bytes are decoded by their byte order mark, then ``encoding``, then the page's ``<meta>``
    declaration, then detection (UTF-8, windows-1251, KOI8-R, windows-1252). Nothing is fetched
    and nothing executable is kept. What the model cannot hold (tables, embedded video and
    posts, links of other schemes) is reported with a
    :class:`~newsmodel.LossyConversionWarning` for each kind of thing lost, counted.

    Args:
        data: the page, as bytes (preferred: the reader decodes them) or text.
        url: the address the page was fetched from: relative links and images are resolved
            against it, and it is the article's URL when the page names no canonical one.
        encoding: the charset the page was served with (an HTTP ``Content-Type`` charset);
            it wins over the page's own declaration.
        tz: the zone of dates the page gives without an offset (a :class:`~datetime.tzinfo`
            or an IANA name such as ``"Asia/Almaty"``); UTC by default, as in every reader.
        max_bytes: refuse larger input (bytes, or characters for text).
        max_tag_chars: refuse a start tag longer than this many characters.
        max_depth: refuse a page whose elements nest deeper than this many levels below
            ``<html>``; :data:`~newsmodel.html.MAX_DEPTH` (256) by default, and at most that
            (a larger value raises ``ValueError``): the parser refuses deeper pages.
        strict: refuse a page that looks like no article (a listing of links, a home page)
            with a :class:`~newsmodel.ParseError`, instead of reading it with a
            :class:`~newsmodel.LossyConversionWarning` that says so.

    Returns:
        The article.

    Raises:
        ParseError: the input is empty, not HTML, too large, nested more than ``max_depth``
            levels deep, has an over-long tag, or has no headline; with ``strict``, the page
            looks like no article.
        ValueError: ``max_depth`` is out of range.

    >>> page = "<html><head><title>Заголовок</title></head><body><h1>Заголовок</h1>"
    >>> page += "<article><p>Первый абзац статьи, довольно длинный для текста.</p></article>"
    >>> article = loads(page)
    >>> article.headline, article.sections[0].blocks[0].text
    ('Заголовок', 'Первый абзац статьи, довольно длинный для текста.')
    """
    zone = _zone(tz)
    try:
        return read(
            data,
            url=url,
            encoding=encoding,
            tz=zone,
            max_bytes=max_bytes,
            max_tag_chars=max_tag_chars,
            max_depth=max_depth,
            strict=strict,
        )
    except RecursionError:
        # Inline markup nested close to MAX_DEPTH walks deeper than Python's stack allows.
        msg = "inline markup is nested too deeply to read"
        raise ParseError("html", msg) from None


def load(
    fp: IO[bytes],
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    tz: str | tzinfo = timezone.utc,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tag_chars: int = DEFAULT_MAX_TAG_CHARS,
    max_depth: int = DEFAULT_MAX_DEPTH,
    strict: bool = False,
) -> Article:
    """Read an article from a binary file holding an HTML page; see :func:`loads`.

    At most ``max_bytes + 1`` bytes are read from the file.

    >>> import io
    >>> load(io.BytesIO("<title>Привет</title><p>Текст</p>".encode())).headline
    'Привет'
    """
    data = fp.read(max_bytes + 1)
    return loads(
        data,
        url=url,
        encoding=encoding,
        tz=tz,
        max_bytes=max_bytes,
        max_tag_chars=max_tag_chars,
        max_depth=max_depth,
        strict=strict,
    )
