"""Who and what an article is about: attributions, subjects, genres, rights, status.

Small value types of the model (attrs, frozen), each checked by the rules in
:mod:`newsmodel._values`.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING

import attrs

from newsmodel._init import install, keeps, text_fields
from newsmodel._values import (
    absolute_url,
    language,
    optional_text,
    pairs,
    qcode,
    required_text,
)
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["CANONICAL_SEPARATOR", "Attribution", "Genre", "PubStatus", "Rights", "Role", "Subject"]


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


class PubStatus(enum.Enum):
    """Whether an article may be published: IPTC's publication status (``stat:usable``...).

    >>> PubStatus("withheld")
    <PubStatus.WITHHELD: 'withheld'>
    """

    #: may be published (the default).
    USABLE = "usable"
    #: must not be published for now; a later version will say more.
    WITHHELD = "withheld"
    #: must not be published, and must be taken down where it already is.
    CANCELED = "canceled"


def _enum_member(kind: type[enum.Enum], value: object, field: str) -> enum.Enum:
    if isinstance(value, kind):
        return value
    member = _BY_VALUE[kind].get(value) if type(value) is str else None
    if member is not None:  # a member's value: what kind(value) gives, without its machinery
        return member
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in kind)
        raise ValidationError(field, f"unknown {field} {value!r} (one of {allowed})") from None


# Each enumeration's members by their values: a dict lookup, where kind(value) is a call.
_BY_VALUE: dict[type[enum.Enum], dict[object, enum.Enum]] = {
    kind: {m.value: m for m in kind} for kind in (Role, PubStatus)
}


def _role(value: Role | str) -> Role:
    member = _enum_member(Role, value, "role")
    assert isinstance(member, Role)  # noqa: S101 - for mypy
    return member


def _name_field(value: str) -> str:
    return required_text(value, "name")


def _url_field(value: str | None) -> str | None:
    return absolute_url(value, "url")


def _phrase_field(value: str | None) -> str | None:
    return optional_text(value, "phrase")


#: What may stand between a lede and its credit phrase: commas and dashes (hyphen, en dash, em
#: dash), with or without a space between and around them (", ", " — ", ", - ", ",— ").
_SEPARATOR = re.compile(r" ?[,\u2014\u2013-]+(?: [,\u2014\u2013-]+)* ?")
#: The separator a lede credit is written with unless another was read.
CANONICAL_SEPARATOR = ", "


def _separator_field(value: str) -> str:
    if value == CANONICAL_SEPARATOR:
        return value
    if not isinstance(value, str):
        raise ValidationError("separator", f"expected str, got {type(value).__name__}")
    separator = " ".join(value.split(None))
    if value[:1].isspace():
        separator = " " + separator
    if value[-1:].isspace() and separator != " ":
        separator += " "
    if not _SEPARATOR.fullmatch(separator) or (
        # a dash alone is a separator only between spaces ("Нур-Султан-передает" is a word)
        "," not in separator and not (separator.startswith(" ") and separator.endswith(" "))
    ):
        msg = (
            "must be commas and dashes, with spaces between or around them (', ', ' — ',"
            f" ', - '); a dash without a comma needs a space on each side, got {value!r}"
        )
        raise ValidationError("separator", msg)
    return separator


def _label_field(value: str | None) -> str | None:
    return optional_text(value, "label")


def _genre_name_field(value: str | None) -> str | None:
    return optional_text(value, "name")


def _holder_field(value: str | None) -> str | None:
    return optional_text(value, "holder")


def _notice_field(value: str | None) -> str | None:
    return optional_text(value, "notice")


def _usage_terms_field(value: str | None) -> str | None:
    return optional_text(value, "usage_terms")


def _code_field(value: str) -> str:
    return qcode(value, "code")


@attrs.frozen
class Attribution:
    """Who an article or a figure is credited to, in which role, with which phrase.

    ``phrase`` keeps the words the credit was printed with ("передает", "фото", "по данным"),
    and ``separator`` the commas and dashes that stood between the lede and a phrase that ends
    it (", - передает Altyn-orda.kz" has ``", - "``), so that a writer can give it back as it
    was. The separator is ``", "`` unless another was read; runs of spaces in it become one
    space. It matters only where the credit is written at the end of a lede.

    >>> credit = Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает")
    >>> credit.name, credit.phrase, credit.separator
    ('Altyn-orda.kz', 'передает', ', ')
    >>> Attribution("Altyn-orda.kz", role=Role.SOURCE, separator=",  -").separator
    ', -'
    """

    name: str = attrs.field(converter=_name_field)
    role: Role = attrs.field(default=Role.AUTHOR, converter=_role)
    url: str | None = attrs.field(default=None, converter=_url_field)
    phrase: str | None = attrs.field(default=None, converter=_phrase_field)
    separator: str = attrs.field(default=CANONICAL_SEPARATOR, converter=_separator_field)


def _language_key(value: object, field: str) -> str:
    return language(value, field)


def _names_field(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    names = pairs(value, "names", _language_key)
    seen: set[str] = set()
    for i, (lang, name) in enumerate(names):
        if not name:
            raise ValidationError(f"names[{i}]", "the name must not be empty")
        if lang in seen:
            raise ValidationError(f"names[{i}]", f"a second name in {lang!r}")
        seen.add(lang)
    return names


@attrs.frozen
class Subject:
    """A subject from a controlled vocabulary: a QCode, a label, and names per language.

    ``label`` is the name the source gave without saying its language; ``names`` holds the
    names it gave in each language, as ``(language, name)`` pairs (a mapping is accepted).

    >>> s = Subject("medtop:11000000", "политика", names={"ru": "Политика", "en": "Politics"})
    >>> s.names
    (('ru', 'Политика'), ('en', 'Politics'))
    >>> s.name("en"), s.name("kk")
    ('Politics', 'политика')
    """

    code: str = attrs.field(converter=_code_field)
    label: str | None = attrs.field(default=None, converter=_label_field)
    names: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_names_field, kw_only=True
    )

    def name(self, lang: str) -> str | None:
        """The name in a language (``"ru"``, ``"kk-KZ"``); else the label.

        A name in the language alone (``"kk"``) serves a regional tag (``"kk-KZ"``) too.
        """
        wanted = language(lang)
        by_language = dict(self.names)
        found = by_language.get(wanted) or by_language.get(wanted.split("-")[0])
        return found or self.label


@attrs.frozen
class Genre:
    """The kind of story (news, interview, analysis...), as a QCode with an optional name.

    >>> Genre("genre:Interview", "Интервью")
    Genre(code='genre:Interview', name='Интервью')
    """

    code: str = attrs.field(converter=_code_field)
    name: str | None = attrs.field(default=None, converter=_genre_name_field)


@attrs.frozen
class Rights:
    """Who holds the copyright, the notice to print, and the terms of use.

    At least one of the three is given. ``usage_terms`` are for the newsroom ("No archiving",
    "Only for use in Kazakhstan"): writers of public pages leave them out unless asked.

    >>> Rights(holder="Kazinform", notice="© Kazinform, 2026").holder
    'Kazinform'
    """

    holder: str | None = attrs.field(default=None, converter=_holder_field)
    notice: str | None = attrs.field(default=None, converter=_notice_field)
    usage_terms: str | None = attrs.field(default=None, converter=_usage_terms_field)

    def __attrs_post_init__(self) -> None:
        if self.holder is None and self.notice is None and self.usage_terms is None:
            raise ValidationError("rights", "give a holder, a notice or usage terms")


text_fields(_name_field, required=True)
text_fields(_phrase_field, _label_field, _genre_name_field, _holder_field, _notice_field)
text_fields(_usage_terms_field)
keeps(_role, "type({v}) is _Role", _Role=Role)
for _cls in (Attribution, Subject, Genre, Rights):
    install(_cls)
