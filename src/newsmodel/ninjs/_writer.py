"""Write an :class:`~newsmodel.Article` as a ninjs 3.1 or 2.2 document.

The item is built with ninjs 3.x's names; a 2.x document takes the same item with its
property names in lower case (and ``embargoed`` for ``embargoedUntil``), the one difference
between the two generations for what an article uses.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import Role
from newsmodel.html._extract import Dropped
from newsmodel.html._writer import render_body
from newsmodel.newsml._identity import derive_guid
from newsmodel.ninjs._agency import concept, write_agency
from newsmodel.ninjs._common import RUBRIC_BASE, SITE_ROLE, is_uri
from newsmodel.ninjs._embeds import association, split_embeds
from newsmodel.slug import slugify

if TYPE_CHECKING:
    from datetime import date

    from newsmodel._models import Article, Attribution, Figure, Subject
    from newsmodel.ninjs._embeds import Placed

__all__ = ["DATE_ROLES", "GUID_ROLE", "PASSED_THROUGH", "SLUG_ROLE", "build"]

#: Properties of the item (string values) that a reader keeps in ``extra`` as
#: ``("ninjs:<name>", value)`` and the writer writes back.
PASSED_THROUGH = ("by", "profile", "title")
#: The role of the alternative ids that hold what the item's ``uri`` cannot.
GUID_ROLE = "guid"
SLUG_ROLE = "slug"
#: The roles of the alternative ids that say a time property holds a day alone (ninjs times
#: are date-times): the property (3.x name) → the role; the id's value is the day.
DATE_ROLES = {"firstCreated": "firstCreated:date", "versionCreated": "versionCreated:date"}

_V2_NAMES = {"embargoedUntil": "embargoed"}

_PHRASE = Dropped("value", "credit phrase", "credit phrases")
_SAME_TIME = Dropped(
    "time",
    "update time equal to the publication time",
    "update times equal to the publication time",
)
_LONE_UPDATE = Dropped(
    "time",
    "update time without a publication time (read back as the publication time)",
    "update times without a publication time",
)
_LINK = Dropped(
    "link", "link of a scheme HTML does not carry", "links of schemes HTML does not carry"
)
_EXTRA = Dropped("field", "extra field not read from ninjs", "extra fields not read from ninjs")
_CREATED = Dropped(
    "time",
    "creation time beside a publication time",
    "creation times beside publication times",
)
_CREATED_AS = Dropped(
    "time",
    "creation time written as a publication time (read back as one)",
    "creation times written as publication times (read back as them)",
)
_NAMES = Dropped(
    "value",
    "subject name per language (a subject has one name)",
    "subject names per language (a subject has one name)",
)


def _when(value: datetime | date) -> str:
    """A date-time; a day alone as its midnight in UTC (ninjs times are RFC 3339 date-times)."""
    if isinstance(value, datetime):
        return value.isoformat()
    return f"{value.isoformat()}T00:00:00+00:00"


def _text(role: str, value: str) -> dict[str, str]:
    return {"role": role, "contentType": "text/plain", "value": value}


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.lost: Counter[Dropped] = Counter()
        self.embeds: list[Placed] = []

    def party(self, attribution: Attribution) -> dict[str, str]:
        if attribution.phrase is not None or attribution.separator != CANONICAL_SEPARATOR:
            self.lost[_PHRASE] += 1
        source = {"name": attribution.name, "role": attribution.role.value}
        if attribution.url is not None:
            source["uri"] = attribution.url
        return source

    def subject(self, subject: Subject) -> dict[str, str]:
        """One name: the label, else the name in the article's language."""
        if subject.names:
            self.lost[_NAMES] += len(subject.names)
        name = subject.label if subject.label is not None else subject.name(self.article.language)
        return concept(subject.code, name)

    def picture(self, figure: Figure) -> dict[str, Any]:
        item: dict[str, Any] = {
            "name": "featuremedia",
            "uri": figure.image,
            "type": "picture",
            "renditions": [{"name": "original", "href": figure.image}],
        }
        descriptions = []
        if figure.caption is not None:
            descriptions.append(_text("caption", figure.caption))
        if figure.alt is not None:
            descriptions.append(_text("alt", figure.alt))
        if descriptions:
            item["descriptions"] = descriptions
        if figure.credit is not None:
            item["by"] = figure.credit.name
            item["infoSources"] = [self.party(figure.credit)]
        return item

    def dates(self, item: dict[str, Any], alt_ids: list[dict[str, str]]) -> None:
        """The times: published and updated, else the creation times (one pair in ninjs)."""
        a = self.article
        first, version = a.published, a.updated
        if first is None and version is None:
            first, version = a.first_created, a.version_created
            self.lost[_CREATED_AS] += (first is not None) + (version is not None)
        else:
            self.lost[_CREATED] += (a.first_created is not None) + (a.version_created is not None)
        if first is not None:
            self.time(item, "firstCreated", first, alt_ids)
            if version is not None and version == first:
                self.lost[_SAME_TIME] += 1
        elif version is not None:
            self.lost[_LONE_UPDATE] += 1
        if version is not None:
            self.time(item, "versionCreated", version, alt_ids)

    @staticmethod
    def time(
        item: dict[str, Any], name: str, value: datetime | date, alt_ids: list[dict[str, str]]
    ) -> None:
        item[name] = _when(value)
        if not isinstance(value, datetime):
            alt_ids.append({"role": DATE_ROLES[name], "value": value.isoformat()})

    def texts(self, item: dict[str, Any], extra: dict[str, list[tuple[str, str]]]) -> None:
        a = self.article
        headlines = [{"role": "main", "value": a.headline}]
        headlines.extend({"role": role, "value": value} for role, value in extra["headline"])
        item["headlines"] = headlines
        descriptions = []
        if a.lede is not None:
            descriptions.append(_text("summary", a.lede))
        if a.dateline is not None:
            descriptions.append(_text("dateline", a.dateline))
        descriptions.extend(_text(role, value) for role, value in extra["description"])
        if descriptions:
            item["descriptions"] = descriptions
        sections, self.embeds = split_embeds(a.sections)
        if sections:
            html, dropped = render_body(sections)
            self.lost[_LINK] += len(dropped)
            item["bodies"] = [{"role": "main", "contentType": "text/html", "value": html}]

    def parties(self, item: dict[str, Any]) -> None:
        a = self.article
        authors = [x.name for x in a.attributions if x.role is Role.AUTHOR]
        if authors:
            item["by"] = ", ".join(authors)
        sources = [self.party(x) for x in a.attributions]
        if a.site is not None:
            sources.append({"name": a.site, "role": SITE_ROLE})
        if sources:
            item["infoSources"] = sources

    def build(self) -> dict[str, Any]:
        a = self.article
        extra = self.split_extra()
        item: dict[str, Any] = {}
        alt_ids = []
        if a.guid is not None and is_uri(a.guid):
            item["uri"] = a.guid
        else:
            item["uri"] = derive_guid(a)
            if a.guid is not None:
                alt_ids.append({"role": GUID_ROLE, "value": a.guid})
        item["type"] = "text"
        item["version"] = str(a.version)
        self.dates(item, alt_ids)
        item["language"] = a.language
        self.texts(item, extra)
        self.parties(item)
        item.update(extra["pass"])  # after the byline written from the credits: it wins
        item.update(write_agency(a, self.lost))
        subjects = [self.subject(s) for s in a.subjects]
        subjects.extend({"name": r, "uri": RUBRIC_BASE + (slugify(r) or "-")} for r in a.rubrics)
        subjects.extend({"name": tag} for tag in a.tags)
        if subjects:
            item["subjects"] = subjects
        if a.place is not None:
            item["located"] = a.place
        if a.url is not None:
            item["renditions"] = [{"name": "web", "href": a.url, "contentType": "text/html"}]
        associations = [self.picture(a.image)] if a.image is not None else []
        associations.extend(
            association(n, placed, self.party) for n, placed in enumerate(self.embeds, 1)
        )
        if associations:
            item["associations"] = associations
        if a.given_slug is not None:
            alt_ids.append({"role": SLUG_ROLE, "value": a.given_slug})
        if alt_ids:
            item["altIds"] = alt_ids
        return item

    def split_extra(self) -> dict[str, list[tuple[str, str]]]:
        """The extra pairs ninjs has a place for, by place; the others are counted as lost."""
        out: dict[str, list[tuple[str, str]]] = {"pass": [], "headline": [], "description": []}
        passed: set[str] = set()
        for key, value in self.article.extra:
            kind, _, rest = key.partition(":")
            name, _, role = rest.partition(":")
            if kind == "ninjs" and name in PASSED_THROUGH and not role and name not in passed:
                passed.add(name)
                out["pass"].append((name, value))
            elif kind == "ninjs" and name in {"headline", "description"} and role:
                out[name].append((role, value))
            else:
                self.lost[_EXTRA] += 1
        return out


def _lower(value: object) -> Any:  # noqa: ANN401 - JSON
    if isinstance(value, dict):
        return {_V2_NAMES.get(k, k.lower()): _lower(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


def build(article: Article, *, version: str) -> tuple[dict[str, Any], Counter[Dropped]]:
    """The ninjs item of an article in ``version`` ("3.1" or "2.2"), and what it could not hold."""
    builder = _Builder(article)
    item = builder.build()
    item["standard"] = {
        "name": "ninjs",
        "version": version,
        "schema": f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json#",
    }
    if version.startswith("2"):
        item = _lower(item)
    return item, +builder.lost
