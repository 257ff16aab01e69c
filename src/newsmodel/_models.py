"""The article model: :class:`Article`, and the names of its parts.

Every class is an attrs class: frozen, slotted, hashable, equal by value, changed with
:func:`attrs.evolve`. Constructors take plain Python values and normalise them: lists become
tuples, a ``str`` block becomes a :class:`Paragraph`, text is cleaned by the rules in
:mod:`newsmodel._textrules`. A value that breaks a rule raises
:class:`~newsmodel.errors.ValidationError` naming the field.

The parts live in :mod:`newsmodel._content` (inline markup, blocks, sections) and
:mod:`newsmodel._metadata` (attributions, subjects, genres, rights); this module names them all,
so that ``from newsmodel._models import Paragraph`` keeps working.

The models know nothing of formats: readers and writers live in the format modules.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, TypeVar

import attrs

from newsmodel._content import (
    Block,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    provider_of,
)
from newsmodel._init import install, keeps, text_fields
from newsmodel._metadata import Attribution, Genre, PubStatus, Rights, Role, Subject
from newsmodel._values import (
    LINK_SCHEMES,
    absolute_url,
    aware,
    is_slug,
    iterable,
    language,
    optional_text,
    pairs,
    qcode,
    required_text,
    text,
    text_tuple,
    typed_tuple,
    when,
)
from newsmodel.errors import ValidationError
from newsmodel.slug import slugify

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "LINK_SCHEMES",
    "Article",
    "Attribution",
    "Block",
    "Embed",
    "EmbedProvider",
    "Emphasis",
    "Figure",
    "Genre",
    "Inline",
    "ItemList",
    "LineBreak",
    "Link",
    "Paragraph",
    "PubStatus",
    "Quote",
    "Rights",
    "Role",
    "Section",
    "Strong",
    "Subject",
    "Table",
    "extension_fields",
    "fallback_slug",
    "is_slug",
    "provider_of",
]

# --- field converters: each a named function, the form mypy's attrs plugin understands -------


def _headline_field(value: str) -> str:
    return required_text(value, "headline")


def _lede_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "lede")


def _site_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "site")


def _guid_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "guid")


def _dateline_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "dateline")


def _place_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "place")


def _editorial_note_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "editorial_note")


def _slugline_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "slugline")


def _correction_field(value: str | None) -> str | None:
    return None if value is None else optional_text(value, "correction")


def _url_field(value: str | None) -> str | None:
    return None if value is None else absolute_url(value, "url")


def _published_field(value: datetime | date | None) -> datetime | date | None:
    if type(value) is datetime:  # the common case; when() is aware() of a datetime
        return aware(value, "published")
    return None if value is None else when(value, "published")


def _updated_field(value: datetime | date | None) -> datetime | date | None:
    if type(value) is datetime:
        return aware(value, "updated")
    return None if value is None else when(value, "updated")


def _embargo_field(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value, "embargo")


def _first_created_field(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value, "first_created")


def _version_created_field(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value, "version_created")


def _language_field(value: str) -> str:
    return language(value, "language")


def _rubrics_field(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple and not value else text_tuple(value, "rubrics")


def _tags_field(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple and not value else text_tuple(value, "tags")


_T = TypeVar("_T")


def _tuple_of(value: Iterable[_T], field: str, cls: type[_T]) -> tuple[_T, ...]:
    """:func:`typed_tuple` of one class, kept as it is when every item is exactly of it."""
    if type(value) is list or type(value) is tuple:  # the common case, checked without a call
        items = tuple(value)
        for item in items:
            if type(item) is not cls:
                break
        else:
            return items
    return typed_tuple(value, field, (cls,))


def _sections_field(value: Iterable[Section]) -> tuple[Section, ...]:
    return _tuple_of(value, "sections", Section)


def _attributions_field(value: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return _tuple_of(value, "attributions", Attribution)


def _as_subject(value: object) -> object:
    return Subject(value) if isinstance(value, str) else value


def _subjects_field(value: Iterable[Subject | str]) -> tuple[Subject, ...]:
    return (
        value
        if type(value) is tuple and not value
        else typed_tuple(value, "subjects", (Subject,), _as_subject)
    )


def _as_genre(value: object) -> object:
    return Genre(value) if isinstance(value, str) else value


def _genres_field(value: Iterable[Genre | str]) -> tuple[Genre, ...]:
    return (
        value
        if type(value) is tuple and not value
        else typed_tuple(value, "genres", (Genre,), _as_genre)
    )


def _signals_field(value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is tuple and not value:
        return value
    codes = [qcode(v, f"signals[{i}]") for i, v in enumerate(iterable("signals", value))]
    return tuple(dict.fromkeys(codes))  # a signal said twice is said once


def _image_field(value: Figure | None) -> Figure | None:
    if value is not None and not isinstance(value, Figure):
        raise ValidationError("image", f"expected Figure, got {type(value).__name__}")
    return value


def _rights_field(value: Rights | None) -> Rights | None:
    if value is not None and not isinstance(value, Rights):
        raise ValidationError("rights", f"expected Rights, got {type(value).__name__}")
    return value


_STATUSES = {status.value: status for status in PubStatus}


def _pub_status_field(value: PubStatus | str) -> PubStatus:
    if isinstance(value, PubStatus):
        return value
    member = _STATUSES.get(value) if type(value) is str else None
    if member is not None:  # a member's value: what PubStatus(value) gives, directly
        return member
    try:
        return PubStatus(value)
    except ValueError:
        allowed = ", ".join(s.value for s in PubStatus)
        msg = f"unknown status {value!r} (one of {allowed})"
        raise ValidationError("pub_status", msg) from None


def _optional_slug(value: str | None) -> str | None:
    if value is None:
        return None
    slug = text("slug", value)
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


#: IPTC urgency: 1 is the most urgent, 9 the least.
_URGENCY = range(1, 10)


def _urgency(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("urgency", f"expected int, got {type(value).__name__}")
    if value not in _URGENCY:
        raise ValidationError("urgency", f"must be from 1 (most urgent) to 9, got {value}")
    return value


def _extra_key(value: object, field: str) -> str:
    key = text(field, value)
    if not key:
        raise ValidationError(field, "the key must not be empty")
    return key


def _extra(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    return pairs(value, "extra", _extra_key)


def _day(value: datetime | date) -> date:
    """The day of a date or of a datetime, in its own zone."""
    return value.date() if isinstance(value, datetime) else value


def _in_order(
    first: datetime | date | None, then: datetime | date | None, field: str, what: str
) -> None:
    """Refuse ``then`` before ``first``; a date alone is compared by its day."""
    if first is None or then is None:
        return
    if isinstance(first, datetime) and isinstance(then, datetime):
        before = then < first
    else:
        before = _day(then) < _day(first)
    if before:
        raise ValidationError(field, f"must not be before {what}")


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
        published (datetime | date | None): When it was first published: a timezone-aware
            datetime, or a date alone when the source gives only the day.
        updated (datetime | date | None): When it was last changed (aware, or a date alone; not
            before ``published``).
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
        given_slug (str | None): The slug as given (the ``slug=`` argument); ``None`` when the
            slug follows the headline. Read :attr:`slug` for the slug that applies.
        extra (tuple[tuple[str, str], ...]): Fields a reader met that the model does not hold, as
            ``(key, value)`` pairs of text; keys are prefixed by the format they came from
            (``"html:meta:robots"``).
        urgency (int | None): IPTC urgency, from 1 (most urgent) to 9.
        embargo (datetime | None): Not to be published before this time (timezone-aware); see
            :meth:`is_embargoed`.
        pub_status (PubStatus): Whether it may be published: usable (the default), withheld or
            canceled.
        editorial_note (str | None): The note to editors ("Note to editors: ..."). Internal: it
            must never reach readers, and writers of public pages leave it out unless asked.
        genres (tuple[Genre, ...]): The kind of story (news, interview, analysis...).
        rights (Rights | None): The copyright holder, the copyright notice and the usage terms.
        slugline (str | None): The agency's label for the story ("KAZ-ELECTION"); not the URL
            :attr:`slug`.
        first_created (datetime | None): When the first version of the story was created
            (aware); apart from ``published``.
        version_created (datetime | None): When this version was created (aware; not before
            ``first_created``); apart from ``updated``.
        correction (str | None): A correction or update note shown with the article.
        signals (tuple[str, ...]): The agency's processing signals, as QCodes
            (``"sig:update"``, ``"sig:correction"``, ``"sig:withheld"``...), in the order
            given, each once. For the newsroom: writers of public pages leave them out
            unless asked.

    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article, Section
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
    published: datetime | date | None = attrs.field(default=None, converter=_published_field)
    updated: datetime | date | None = attrs.field(default=None, converter=_updated_field)
    language: str = attrs.field(default="ru", converter=_language_field)
    rubrics: tuple[str, ...] = attrs.field(default=(), converter=_rubrics_field)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tags_field)
    subjects: tuple[Subject, ...] = attrs.field(default=(), converter=_subjects_field)
    site: str | None = attrs.field(default=None, converter=_site_field)
    url: str | None = attrs.field(default=None, converter=_url_field)
    guid: str | None = attrs.field(default=None, converter=_guid_field)
    version: int = attrs.field(default=1, converter=_version)
    dateline: str | None = attrs.field(default=None, converter=_dateline_field)
    place: str | None = attrs.field(default=None, converter=_place_field)
    image: Figure | None = attrs.field(default=None, converter=_image_field)
    given_slug: str | None = attrs.field(default=None, converter=_optional_slug, alias="slug")
    extra: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_extra)
    urgency: int | None = attrs.field(default=None, converter=_urgency)
    embargo: datetime | None = attrs.field(default=None, converter=_embargo_field)
    pub_status: PubStatus = attrs.field(default=PubStatus.USABLE, converter=_pub_status_field)
    editorial_note: str | None = attrs.field(default=None, converter=_editorial_note_field)
    genres: tuple[Genre, ...] = attrs.field(default=(), converter=_genres_field)
    rights: Rights | None = attrs.field(default=None, converter=_rights_field)
    slugline: str | None = attrs.field(default=None, converter=_slugline_field)
    first_created: datetime | None = attrs.field(default=None, converter=_first_created_field)
    version_created: datetime | None = attrs.field(default=None, converter=_version_created_field)
    correction: str | None = attrs.field(default=None, converter=_correction_field)
    signals: tuple[str, ...] = attrs.field(default=(), converter=_signals_field)

    def __attrs_post_init__(self) -> None:
        if self.updated is not None:
            _in_order(self.published, self.updated, "updated", "published")
        if self.version_created is not None:
            _in_order(self.first_created, self.version_created, "version_created", "first_created")

    @property
    def slug(self) -> str:
        """The URL path segment, as given or else derived from the headline (and the guid).

        A slug that was not given follows the headline, also through :func:`attrs.evolve`;
        one that was given is kept.

        >>> import attrs
        >>> from newsmodel import Article
        >>> attrs.evolve(Article(headline="Старый заголовок"), headline="Новый").slug
        'novyy'
        >>> attrs.evolve(Article(headline="Старый", slug="staryi"), headline="Новый").slug
        'staryi'
        """
        if self.given_slug is not None:
            return self.given_slug
        return slugify(self.headline) or fallback_slug(self.headline, self.guid)

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

        >>> from newsmodel import Article, Attribution, Role
        >>> a = Article(headline="Т", attributions=[Attribution("Анна Ким")])
        >>> [x.name for x in a.credited(Role.AUTHOR)]
        ['Анна Ким']
        """
        return tuple(a for a in self.attributions if a.role in roles)

    def is_embargoed(self, now: datetime | None = None) -> bool:
        """Whether the embargo has not passed yet at ``now`` (an aware datetime; the clock's).

        An article without an embargo is never embargoed. The publication status is a
        separate matter: check :attr:`pub_status` too before publishing.

        Raises:
            ValidationError: ``now`` is naive.

        >>> from datetime import datetime, timezone
        >>> from newsmodel import Article
        >>> a = Article(headline="Т", embargo=datetime(2026, 12, 1, 6, tzinfo=timezone.utc))
        >>> a.is_embargoed(datetime(2026, 12, 1, 5, 59, tzinfo=timezone.utc))
        True
        >>> a.is_embargoed(datetime(2026, 12, 1, 6, tzinfo=timezone.utc))
        False
        """
        at = datetime.now(timezone.utc) if now is None else aware(now, "now")
        return self.embargo is not None and at is not None and at < self.embargo


text_fields(_headline_field, required=True)
text_fields(_lede_field, _site_field, _guid_field, _dateline_field, _place_field)
text_fields(_editorial_note_field, _slugline_field, _correction_field)
keeps(_pub_status_field, "type({v}) is _PubStatus", _PubStatus=PubStatus)
# An aware datetime of a fixed offset, in the years aware() keeps as they are.
_FIXED = "type({v}) is _datetime and type({v}.tzinfo) is _timezone and 1 < {v}.year < 9999"
_WHEN = (_published_field, _updated_field, _embargo_field, _first_created_field)
for _when in (*_WHEN, _version_created_field):
    keeps(_when, _FIXED, _datetime=datetime, _timezone=timezone)
install(Article, post_init_if="updated is not None or version_created is not None")


def extension_fields(article: Article) -> tuple[str, ...]:
    """The names of the fields a subclass of :class:`Article` adds; ``()`` for an Article.

    Writers that carry only the model's fields warn about these.

    >>> import attrs
    >>> from newsmodel import Article
    >>> @attrs.frozen(kw_only=True)
    ... class Story(Article):
    ...     desk: str = "politics"
    >>> extension_fields(Story(headline="Т"))
    ('desk',)
    """
    if type(article) is Article:
        return ()
    own = {a.name for a in attrs.fields(Article)}
    return tuple(a.name for a in attrs.fields(type(article)) if a.name not in own)
