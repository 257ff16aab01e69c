"""The article model: :class:`Article`, :class:`Section`, :class:`Attribution` and their parts.

Every class is an attrs class: frozen, slotted, hashable, equal by value, changed with
:func:`attrs.evolve`. Constructors take plain Python values and normalise them: lists become
tuples, a ``str`` block becomes a :class:`Paragraph`, text is cleaned by the rules in
:mod:`newsmodel._textrules`. A value that breaks a rule raises
:class:`~newsmodel.errors.ValidationError` naming the field.

The models know nothing of formats: readers and writers live in the format modules.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import TypeVar
from urllib.parse import urlsplit

import attrs

from newsmodel._textrules import InvalidTextError, collapse, collapse_inner, is_slug, normalize
from newsmodel.errors import ValidationError
from newsmodel.slug import slugify

__all__ = [
    "Article",
    "Attribution",
    "Block",
    "Emphasis",
    "Figure",
    "Inline",
    "ItemList",
    "LineBreak",
    "Link",
    "Paragraph",
    "Quote",
    "Role",
    "Section",
    "Strong",
    "Subject",
]

T = TypeVar("T")


class Role(enum.Enum):
    """What a credited person or organisation did for an article.

    >>> Role("source")
    <Role.SOURCE: 'source'>
    """

    #: wrote the article (a byline).
    AUTHOR = "author"
    #: edited it.
    EDITOR = "editor"
    #: translated it from another language.
    TRANSLATOR = "translator"
    #: took a photograph in it.
    PHOTOGRAPHER = "photographer"
    #: shot a video in it.
    VIDEOGRAPHER = "videographer"
    #: the outlet or agency the story is taken from ("передает Altyn-orda.kz").
    SOURCE = "source"
    #: the publication a translated piece first appeared in (the "Иносми" rubric).
    ORIGINAL = "original"
    #: the organisation that publishes it.
    PUBLISHER = "publisher"


# --- field helpers -------------------------------------------------------------------------


def _text(field: str, value: object, *, inner: bool = False) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"expected str, got {type(value).__name__}")
    try:
        return collapse_inner(value) if inner else collapse(value)
    except InvalidTextError as exc:
        raise ValidationError(field, str(exc)) from None


def _required_text(value: object, field: str) -> str:
    text = _text(field, value)
    if not text:
        raise ValidationError(field, "must not be empty")
    return text


def _optional_text(value: object, field: str) -> str | None:
    """Blank text counts as absent: ``""`` and ``"  "`` become ``None``."""
    if value is None:
        return None
    return _text(field, value) or None


def _text_tuple(values: object, field: str) -> tuple[str, ...]:
    """A tuple of non-blank one-line strings; blank items are refused, order is kept."""
    return tuple(_required_text(v, f"{field}[{i}]") for i, v in enumerate(_iterable(field, values)))


def _iterable(field: str, values: object) -> tuple[object, ...]:
    if type(values) is tuple:  # the common case, and the result of every converter
        return values
    if type(values) is list:
        return tuple(values)
    # A set has no order: its items would come out in a different order in every process.
    unordered = (str, bytes, Mapping, set, frozenset)
    if isinstance(values, unordered) or not isinstance(values, Iterable):
        raise ValidationError(field, f"expected a sequence, got {type(values).__name__}")
    return tuple(values)


def _typed_tuple(
    values: object,
    field: str,
    types: tuple[type[T], ...],
    coerce: Callable[[object], object] | None = None,
) -> tuple[T, ...]:
    """A tuple of instances of ``types``; ``coerce`` turns plain values into them first."""
    out: list[T] = []
    for i, value in enumerate(_iterable(field, values)):
        try:
            item = coerce(value) if coerce is not None else value
        except ValidationError as exc:
            raise ValidationError(f"{field}[{i}].{exc.field}", exc.reason) from None
        if not isinstance(item, types):
            names = " or ".join(t.__name__ for t in types)
            msg = f"expected {names}, got {type(value).__name__}"
            raise ValidationError(f"{field}[{i}]", msg)
        out.append(item)
    return tuple(out)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_NO_SPACE = re.compile(r"^\S+$")


def _absolute_url(value: object, field: str) -> str | None:
    if value is None:
        return None
    url = _text(field, value)
    if not url:
        return None
    if not _NO_SPACE.match(url):
        raise ValidationError(field, "a URL must not contain whitespace")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ValidationError(field, f"not a URL: {exc}") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ValidationError(field, f"must be an absolute http(s) URL, got {url!r}")
    return url


#: Link schemes the model accepts. Anything else (javascript:, data:, vbscript:, file:, ...)
#: is refused, so no format can ever write an executable link from a model.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def _href(value: str) -> str:
    href = _text("href", value)
    if not href:
        raise ValidationError("href", "must not be empty")
    if not _NO_SPACE.match(href):
        raise ValidationError("href", "a URL must not contain whitespace")
    scheme = _SCHEME.match(href)
    if scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES:
        allowed = ", ".join(sorted(LINK_SCHEMES))
        msg = f"scheme {scheme.group(1)!r} is not allowed (allowed: {allowed}, or a relative URL)"
        raise ValidationError("href", msg)
    return href


# Each field's converter is a named function: the form mypy's attrs plugin understands.


def _title_field(value: str | None) -> str | None:
    return _optional_text(value, "title")


def _cite_field(value: str | None) -> str | None:
    return _optional_text(value, "cite")


def _caption_field(value: str | None) -> str | None:
    return _optional_text(value, "caption")


def _alt_field(value: str | None) -> str | None:
    return _optional_text(value, "alt")


def _heading_field(value: str | None) -> str | None:
    return _optional_text(value, "heading")


def _phrase_field(value: str | None) -> str | None:
    return _optional_text(value, "phrase")


def _label_field(value: str | None) -> str | None:
    return _optional_text(value, "label")


def _lede_field(value: str | None) -> str | None:
    return _optional_text(value, "lede")


def _site_field(value: str | None) -> str | None:
    return _optional_text(value, "site")


def _guid_field(value: str | None) -> str | None:
    return _optional_text(value, "guid")


def _dateline_field(value: str | None) -> str | None:
    return _optional_text(value, "dateline")


def _place_field(value: str | None) -> str | None:
    return _optional_text(value, "place")


def _name_field(value: str) -> str:
    return _required_text(value, "name")


def _headline_field(value: str) -> str:
    return _required_text(value, "headline")


def _url_field(value: str | None) -> str | None:
    return _absolute_url(value, "url")


def _image_field(value: str) -> str:
    url = _absolute_url(value, "image")
    if url is None:
        raise ValidationError("image", "a figure needs an image URL")
    return url


def _published_field(value: datetime | None) -> datetime | None:
    return _aware(value, "published")


def _updated_field(value: datetime | None) -> datetime | None:
    return _aware(value, "updated")


def _rubrics_field(value: Iterable[str]) -> tuple[str, ...]:
    return _text_tuple(value, "rubrics")


def _tags_field(value: Iterable[str]) -> tuple[str, ...]:
    return _text_tuple(value, "tags")


def _paragraphs_field(value: Iterable[Paragraph | str] | str) -> tuple[Paragraph, ...]:
    return _paragraphs(value, "paragraphs")


def _items_field(value: Iterable[Paragraph | str] | str) -> tuple[Paragraph, ...]:
    return _paragraphs(value, "items")


def _blocks_field(value: Iterable[Block | str]) -> tuple[Block, ...]:
    return _typed_tuple(value, "blocks", (Paragraph, Quote, ItemList, Figure), _as_paragraph)


def _sections_field(value: Iterable[Section]) -> tuple[Section, ...]:
    return _typed_tuple(value, "sections", (Section,))


def _attributions_field(value: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return _typed_tuple(value, "attributions", (Attribution,))


def _subjects_field(value: Iterable[Subject | str]) -> tuple[Subject, ...]:
    return _typed_tuple(value, "subjects", (Subject,), _as_subject)


# --- inline content ------------------------------------------------------------------------


@attrs.frozen
class LineBreak:
    r"""A line break inside a paragraph (``<br>``).

    >>> Paragraph(["Первая строка", LineBreak(), "вторая строка"]).text
    'Первая строка\nвторая строка'
    """

    @property
    def text(self) -> str:
        """A newline."""
        return "\n"


def _inline_tuple(value: Iterable[Inline] | Inline) -> tuple[Inline, ...]:
    if isinstance(value, (str, Link, Emphasis, Strong, LineBreak)):  # one item alone
        return (value,)
    items = _iterable("content", value)
    for i, item in enumerate(items):
        if type(item) not in _INLINE_TYPES and not isinstance(item, _INLINE_TYPES):
            names = "str, Link, Emphasis, Strong or LineBreak"
            msg = f"expected {names}, got {type(item).__name__}"
            raise ValidationError(f"content[{i}]", msg)
    return items  # type: ignore[return-value]


def _inline_content(value: Iterable[Inline] | str) -> tuple[Inline, ...]:
    """Inline content outside a paragraph: the text rule applies, whitespace is left as it is.

    A paragraph collapses the whitespace of what it holds (:func:`_normalize_inlines`); the
    refusals and removals of the text rule hold from the inline item's own constructor on.
    """
    out: list[Inline] = []
    for i, item in enumerate(_inline_tuple(value)):
        if isinstance(item, str):
            try:
                item = normalize(item)  # noqa: PLW2901
            except InvalidTextError as exc:
                field = "content" if isinstance(value, str) else f"content[{i}]"
                raise ValidationError(field, str(exc)) from None
        out.append(item)
    return tuple(out)


def _inline_text(content: tuple[Inline, ...]) -> str:
    return "".join(item if isinstance(item, str) else item.text for item in content)


@attrs.frozen
class Emphasis:
    """Emphasised text (``<em>``, italics).

    >>> Emphasis("важно").text
    'важно'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_inline_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


@attrs.frozen
class Strong:
    """Strongly emphasised text (``<strong>``, bold).

    >>> Strong(["очень ", Emphasis("важно")]).text
    'очень важно'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_inline_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


@attrs.frozen
class Link:
    """A hyperlink around inline content.

    ``href`` is an http, https or mailto URL, or a relative reference; other schemes
    (``javascript:``, ``data:``…) are refused.

    >>> Link("https://example.kz/", "сайт").text
    'сайт'
    """

    href: str = attrs.field(converter=_href)
    content: tuple[Inline, ...] = attrs.field(converter=_inline_content, default=())
    title: str | None = attrs.field(default=None, converter=_title_field, kw_only=True)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


Inline = str | Link | Emphasis | Strong | LineBreak
"""Inline content: plain text, a link, emphasis, strong emphasis or a line break."""
_INLINE_TYPES = (str, Link, Emphasis, Strong, LineBreak)


def _normalize_inlines(content: tuple[Inline, ...], field: str) -> tuple[Inline, ...]:
    """Collapse whitespace across inline boundaries and trim the paragraph's ends.

    One space survives between words wherever it stood; leading and trailing spaces of the
    paragraph and spaces next to a line break are removed; adjacent strings merge; empty
    emphasis is removed. The result is a fixed point: normalising it again changes nothing.
    """
    result, _ = _collapse_run(content, True, field)  # noqa: FBT003 - the paragraph's start
    _rstrip(result)
    return tuple(result)


def _collapse_run(
    items: tuple[Inline, ...],
    at_space: bool,  # noqa: FBT001
    field: str,
) -> tuple[list[Inline], bool]:
    """The inlines with whitespace collapsed; ``at_space`` says whether a space precedes them.

    Returns the new inlines and whether they end with a space (or a line break).
    """
    out: list[Inline] = []
    for item in items:
        if isinstance(item, str):
            try:
                text = collapse_inner(item)
            except InvalidTextError as exc:
                raise ValidationError(field, str(exc)) from None
            if at_space and text[:1] == " ":
                text = text[1:]
            if not text:
                continue
            at_space = text[-1] == " "
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
        elif isinstance(item, LineBreak):
            _rstrip(out)
            out.append(item)
            at_space = True
        else:
            inner, at_space = _collapse_run(item.content, at_space, field)
            if inner or isinstance(item, Link):
                out.append(_with_content(item, inner))
    return out, at_space


def _with_content(
    item: Link | Emphasis | Strong, content: list[Inline]
) -> Link | Emphasis | Strong:
    """The same markup around new content; the item itself when nothing changed."""
    new = tuple(content)
    return item if new == item.content else attrs.evolve(item, content=new)


def _rstrip(items: list[Inline]) -> bool:
    """Remove trailing spaces from a list of inlines, in place; False when it ends empty."""
    while items:
        last = items[-1]
        if isinstance(last, str):
            stripped = last.rstrip(" ")
            if stripped:
                items[-1] = stripped
                return True
            items.pop()
        elif isinstance(last, (Emphasis, Strong, Link)):
            inner = list(last.content)
            if _rstrip(inner) or isinstance(last, Link):
                items[-1] = _with_content(last, inner)
                return True
            items.pop()
        else:
            return True
    return False


# --- blocks --------------------------------------------------------------------------------


def _paragraph_content(value: Iterable[Inline] | Inline) -> tuple[Inline, ...]:
    if isinstance(value, str):  # a plain paragraph: one line of text
        text = _text("content", value)
        content: tuple[Inline, ...] = (text,) if text else ()
    else:
        content = _normalize_inlines(_inline_tuple(value), "content")
    if not content:
        raise ValidationError("content", "a paragraph must not be empty")
    return content


@attrs.frozen
class Paragraph:
    """A paragraph of inline content.

    A plain string is a paragraph of one text run; whitespace is collapsed across inline
    boundaries.

    >>> p = Paragraph(["Подробности на ", Link("https://example.kz/", "сайте"), "."])
    >>> p.text
    'Подробности на сайте.'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_paragraph_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


def _as_paragraph(value: object) -> object:
    return Paragraph(value) if isinstance(value, str) else value


def _paragraphs(values: object, field: str) -> tuple[Paragraph, ...]:
    items = _typed_tuple(
        [values] if isinstance(values, str) else values, field, (Paragraph,), _as_paragraph
    )
    if not items:
        raise ValidationError(field, "must hold at least one paragraph")
    return items


@attrs.frozen
class Quote:
    """A block quotation, with who is quoted when known.

    >>> Quote("Мы готовы к переговорам.", cite="министр").text
    'Мы готовы к переговорам.'
    """

    paragraphs: tuple[Paragraph, ...] = attrs.field(converter=_paragraphs_field)
    cite: str | None = attrs.field(default=None, converter=_cite_field)

    @property
    def text(self) -> str:
        """The quoted paragraphs, one per line."""
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen
class ItemList:
    r"""A bulleted or numbered list; each item is a paragraph.

    >>> ItemList(["первый пункт", "второй пункт"], ordered=True).text
    'первый пункт\nвторой пункт'
    """

    items: tuple[Paragraph, ...] = attrs.field(converter=_items_field)
    ordered: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @property
    def text(self) -> str:
        """The items, one per line."""
        return "\n".join(p.text for p in self.items)


def _optional_attribution(value: Attribution | None) -> Attribution | None:
    if value is not None and not isinstance(value, Attribution):
        msg = f"expected Attribution, got {type(value).__name__}"
        raise ValidationError("credit", msg)
    return value


@attrs.frozen
class Figure:
    """An image with its caption and credit.

    >>> fig = Figure(
    ...     "https://example.kz/photo.jpg",
    ...     caption="Вид на Астану",
    ...     credit=Attribution("Иван Петров", role=Role.PHOTOGRAPHER, phrase="фото"),
    ... )
    >>> fig.text
    'Вид на Астану'
    """

    image: str = attrs.field(converter=_image_field)
    caption: str | None = attrs.field(default=None, converter=_caption_field)
    credit: Attribution | None = attrs.field(default=None, converter=_optional_attribution)
    alt: str | None = attrs.field(default=None, converter=_alt_field)

    @property
    def text(self) -> str:
        """The caption, or ``""``."""
        return self.caption or ""


Block = Paragraph | Quote | ItemList | Figure
"""A block of a section: a paragraph, a quote, a list or a figure."""


# --- sections, attributions, subjects ------------------------------------------------------


@attrs.frozen
class Section:
    """A run of blocks under an optional subheading.

    >>> s = Section(heading="Подзаголовок", blocks=["Первый абзац.", "Второй абзац."])
    >>> s.blocks[0]
    Paragraph(content=('Первый абзац.',))
    >>> print(s.text)
    Подзаголовок
    <BLANKLINE>
    Первый абзац.
    <BLANKLINE>
    Второй абзац.
    """

    heading: str | None = attrs.field(default=None, converter=_heading_field)
    blocks: tuple[Block, ...] = attrs.field(
        default=(),
        converter=_blocks_field,
    )

    def __attrs_post_init__(self) -> None:
        if self.heading is None and not self.blocks:
            raise ValidationError("blocks", "a section needs a heading or at least one block")

    @property
    def text(self) -> str:
        """The heading and the blocks' text, separated by blank lines."""
        parts = [self.heading] if self.heading else []
        parts.extend(t for t in (b.text for b in self.blocks) if t)
        return "\n\n".join(parts)


def _role(value: Role | str) -> Role:
    if isinstance(value, Role):
        return value
    try:
        return Role(value)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValidationError("role", f"unknown role {value!r} (one of {allowed})") from None


@attrs.frozen
class Attribution:
    """Who an article or a figure is credited to, in which role, with which phrase.

    ``phrase`` keeps the words the credit was printed with ("передает", "фото", "по данным"),
    so that a writer can give it back as it was.

    >>> Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает")
    Attribution(name='Altyn-orda.kz', role=<Role.SOURCE: 'source'>, url=None, phrase='передает')
    """

    name: str = attrs.field(converter=_name_field)
    role: Role = attrs.field(default=Role.AUTHOR, converter=_role)
    url: str | None = attrs.field(default=None, converter=_url_field)
    phrase: str | None = attrs.field(default=None, converter=_phrase_field)


_QCODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$")


def _qcode(value: str) -> str:
    code = _text("code", value)
    if not _QCODE.match(code):
        msg = f"must be a QCode such as 'medtop:11000000', got {code!r}"
        raise ValidationError("code", msg)
    return code


@attrs.frozen
class Subject:
    """A subject from a controlled vocabulary, as a QCode with an optional label.

    >>> Subject("medtop:11000000", "политика")
    Subject(code='medtop:11000000', label='политика')
    """

    code: str = attrs.field(converter=_qcode)
    label: str | None = attrs.field(default=None, converter=_label_field)


def _as_subject(value: object) -> object:
    return Subject(value) if isinstance(value, str) else value


# --- the article ---------------------------------------------------------------------------


def _aware(value: object, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError(field, f"expected datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "must be timezone-aware (naive datetimes are refused)")
    # A wall-clock time skipped by a clock change (a DST gap) names no instant: its offset
    # is a guess, and no format could carry it back as it was.
    there_and_back = value.astimezone(timezone.utc).astimezone(value.tzinfo)
    if there_and_back.replace(tzinfo=None) != value.replace(tzinfo=None):
        raise ValidationError(field, f"{value.isoformat()} does not exist in {value.tzinfo}")
    # Stored with a fixed offset, as every format writes it: a zone name (Asia/Almaty)
    # cannot travel through ISO 8601, and a wall time repeated by a clock change would
    # otherwise compare unequal to the same instant read back (PEP 495).
    if type(value.tzinfo) is timezone:
        return value
    offset = value.utcoffset()
    return value.replace(tzinfo=timezone(offset) if offset else timezone.utc, fold=0)


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _language(value: str) -> str:
    text = _text("language", value).replace("_", "-")
    if not _LANGUAGE.match(text):
        msg = f"must be a BCP 47 tag such as 'ru' or 'kk-KZ', got {text!r}"
        raise ValidationError("language", msg)
    parts = text.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():  # noqa: PLR2004 - a region subtag
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():  # noqa: PLR2004 - a script subtag
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def _optional_slug(value: str | None) -> str | None:
    if value is None:
        return None
    slug = _text("slug", value)
    if not is_slug(slug):
        msg = f"must be lower-case letters and digits joined by single hyphens, got {slug!r}"
        raise ValidationError("slug", msg)
    return slug


def _version(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("version", f"expected int, got {type(value).__name__}")
    if value < 1:
        raise ValidationError("version", f"must be 1 or more, got {value}")
    return value


def _extra(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else _iterable("extra", value)
    out = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, tuple | list) or len(pair) != 2:  # noqa: PLR2004
            raise ValidationError(f"extra[{i}]", "expected a (key, value) pair")
        key = _text(f"extra[{i}]", pair[0])
        if not key:
            raise ValidationError(f"extra[{i}]", "the key must not be empty")
        if not isinstance(pair[1], str):
            msg = f"expected a str value, got {type(pair[1]).__name__}"
            raise ValidationError(f"extra[{i}]", msg)
        try:
            out.append((key, collapse_inner(pair[1]).strip(" ")))
        except InvalidTextError as exc:
            raise ValidationError(f"extra[{i}]", str(exc)) from None
    return tuple(out)


def fallback_slug(headline: str, guid: str | None) -> str:
    """The slug of an article whose headline gives none (e.g. only punctuation or emoji).

    It is the slug of the guid when that gives one, else ``"article-"`` and the first 12 hex
    digits of the SHA-256 of the headline: stable for the same article, never empty.

    >>> fallback_slug("!!!", None)
    'article-e84c538e7fe2'
    """
    if guid:
        slug = slugify(guid)
        if slug:
            return slug
    digest = hashlib.sha256(headline.encode("utf-8", "surrogatepass")).hexdigest()
    return f"article-{digest[:12]}"


@attrs.frozen(kw_only=True)
class Article:
    """A news article: its text, who it is credited to, when and where it was published.

    Every argument is keyword-only; only ``headline`` is required. The model page of the
    documentation shows every field in use.

    Attributes:
        headline (str): The headline (title) of the article; required and non-blank.
        lede (str | None): The standfirst or summary shown under the headline.
        sections (tuple[Section, ...]): The body, as runs of blocks under optional subheadings.
        attributions (tuple[Attribution, ...]): Authors, sources, translators, photographers, ... in
            the order they were credited.
        published (datetime | None): When it was first published (timezone-aware).
        updated (datetime | None): When it was last changed (timezone-aware, not before
            ``published``).
        language (str): The language of the text, a BCP 47 tag.
        rubrics (tuple[str, ...]): The site's categories the article is filed under, in order
            ("Главные новости").
        tags (tuple[str, ...]): Free keywords.
        subjects (tuple[Subject, ...]): Subjects from controlled vocabularies such as IPTC Media
            Topics.
        site (str | None): The outlet's name ("АЛТЫНОРДА").
        url (str | None): The canonical absolute http(s) URL.
        guid (str | None): A stable identifier (a URN, a URL, a CMS id).
        version (int): The revision number, from 1.
        dateline (str | None): The dateline as printed ("АСТАНА, 25 ноября").
        place (str | None): The place the story is about or filed from ("Астана").
        image (Figure | None): The lead image.
        slug (str): The URL path segment; derived from the headline when not given.
        extra (tuple[tuple[str, str], ...]): Fields a reader met that the model does not hold, as
            ``(key, value)`` pairs; keys are prefixed by the format they came from
            (``"newsml:urgency"``).

    >>> from datetime import datetime, timezone
    >>> article = Article(
    ...     headline="Заголовок статьи",
    ...     lede="Короткий анонс",
    ...     sections=[Section(blocks=["Первый абзац."])],
    ...     published=datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc),
    ... )
    >>> article.slug
    'zagolovok-stati'
    >>> article.sections[0].blocks[0].text
    'Первый абзац.'
    """

    headline: str = attrs.field(converter=_headline_field)
    lede: str | None = attrs.field(default=None, converter=_lede_field)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_sections_field)
    attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_attributions_field)
    published: datetime | None = attrs.field(default=None, converter=_published_field)
    updated: datetime | None = attrs.field(default=None, converter=_updated_field)
    language: str = attrs.field(default="ru", converter=_language)
    rubrics: tuple[str, ...] = attrs.field(default=(), converter=_rubrics_field)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tags_field)
    subjects: tuple[Subject, ...] = attrs.field(default=(), converter=_subjects_field)
    site: str | None = attrs.field(default=None, converter=_site_field)
    url: str | None = attrs.field(default=None, converter=_url_field)
    guid: str | None = attrs.field(default=None, converter=_guid_field)
    version: int = attrs.field(default=1, converter=_version)
    dateline: str | None = attrs.field(default=None, converter=_dateline_field)
    place: str | None = attrs.field(default=None, converter=_place_field)
    image: Figure | None = attrs.field(default=None)
    slug: str = attrs.field(default=None, converter=_optional_slug)
    extra: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_extra)

    def __attrs_post_init__(self) -> None:
        if self.image is not None and not isinstance(self.image, Figure):
            raise ValidationError("image", f"expected Figure, got {type(self.image).__name__}")
        if (
            self.published is not None
            and self.updated is not None
            and self.updated < self.published
        ):
            raise ValidationError("updated", "must not be before published")
        if self.slug is None:
            slug = slugify(self.headline) or fallback_slug(self.headline, self.guid)
            object.__setattr__(self, "slug", slug)

    @property
    def text(self) -> str:
        """The plain text of headline, lede and sections, separated by blank lines."""
        parts = [self.headline]
        if self.lede:
            parts.append(self.lede)
        parts.extend(t for t in (s.text for s in self.sections) if t)
        return "\n\n".join(parts)

    def credited(self, *roles: Role) -> tuple[Attribution, ...]:
        """The attributions with any of the given roles, in order.

        >>> a = Article(headline="Т", attributions=[Attribution("Анна Ким")])
        >>> [x.name for x in a.credited(Role.AUTHOR)]
        ['Анна Ким']
        """
        return tuple(a for a in self.attributions if a.role in roles)
