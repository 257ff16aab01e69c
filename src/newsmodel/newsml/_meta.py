"""Read the metadata of one NewsML-G2 news item, then build the article from it and its body."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import (
    Article,
    Attribution,
    Figure,
    PubStatus,
    Section,
    Subject,
)
from newsmodel._textrules import collapse, scrub
from newsmodel._values import qcode
from newsmodel._warnings import lossy
from newsmodel.errors import ParseError, ValidationError
from newsmodel.newsml._agency import read_notepad
from newsmodel.newsml._body import BodyReader
from newsmodel.newsml._collect import is_nonpublic, name_of, role_of, subject_names
from newsmodel.newsml._fields import (
    CORRECTION_ROLES,
    is_private_note,
    read_genre,
    read_pub_status,
    read_rights,
    read_urgency,
)
from newsmodel.newsml._identity import derive_guid_for, derive_provider_for
from newsmodel.newsml._ns import NM, XML
from newsmodel.newsml._shapes import AgencyShapes
from newsmodel.newsml._tree import (
    FORMAT,
    NAMES,
    NAR_OR_NONE,
    children_named,
    first_child,
    local_name,
    split,
    text_of,
    value_of,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree


__all__ = ["ItemReader"]

#: IPTC's signal vocabulary, whose codes are read as ``sig:`` QCodes when given as URIs.
_SIGNAL_URIS = ("http://cv.iptc.org/newscodes/signal/", "https://cv.iptc.org/newscodes/signal/")

#: Description roles that are the lede when no summary is given (drol:teaser).
_TEASERS = frozenset(("teaser",))

# --- metadata --------------------------------------------------------------------------------

_SIMPLE_ITEM_META = {
    "fileName",
    "title",
    "service",
    "role",
    "generator",
    "profile",
    "memberOf",
    "instanceOf",
    "deliverableOf",
    "expires",
    "incomingFeedId",
}
_SIMPLE_CONTENT_META = {
    "altId",
    "audience",
    "exclAudience",
    "rating",
    "digitalSourceType",
    "userInteraction",
    "icon",
    "contentMetaExtProperty",
}


class ItemReader(AgencyShapes):
    def nar_children(self, el: etree._Element, where: str) -> Iterator[tuple[etree._Element, str]]:
        """The NewsML-G2 children of ``el`` with their names; a foreign child is reported lost.

        Children in newsmodel's own namespace (``nm:``) are passed over.
        """
        for child in el:
            ns, name = NAMES.get(child.tag) or split(child.tag)
            if ns in NAR_OR_NONE:
                yield child, name
            elif ns != NM:
                self.lose(f"{where}<{name}> in {ns}")

    def read(self) -> Article:  # noqa: C901 - one branch per element
        item = self.item
        guid = collapse(scrub(item.get("guid") or "")) or None
        version = 1
        raw_version = (item.get("version") or "").strip()
        if raw_version:
            if raw_version.isdigit() and int(raw_version) >= 1:
                version = int(raw_version)
            else:
                self.keep("newsml:version", raw_version)
        self.item_lang = item.get(f"{{{XML}}}lang")
        for child, name in self.nar_children(item, ""):
            if name == "catalogRef":
                href = (child.get("href") or "").strip()
                if href and "iptc.org/std/catalog/catalog.IPTC-G2-Standards" not in href:
                    self.keep("newsml:catalogRef", href)
            elif name == "catalog":
                pass  # scheme declarations: used by the writer, nothing for the model
            elif name == "rightsInfo":
                self.rights(child)
            elif name == "itemMeta":
                self.item_meta(child)
            elif name == "contentMeta":
                self.content_meta(child)
            elif name == "contentSet":
                self.content_set(child)
            else:
                self.lose(f"<{name}>")
        return self.finish(guid, version)

    def rights(self, el: etree._Element) -> None:
        read_rights(self, el)

    def item_meta(self, meta: etree._Element) -> None:  # noqa: C901, PLR0912 - one branch per element
        f = self.fields
        for child, name in self.nar_children(meta, "itemMeta/"):
            if name == "itemClass":
                pass  # checked before reading
            elif name == "provider":
                f["site"] = name_of(child) or None
                self.provider = value_of(child) if (child.get("qcode") or child.get("uri")) else ""
            elif name == "versionCreated":
                f["versionCreated"] = self.when(child, "versionCreated")
                f["version_copy"] = child.get(f"{{{NM}}}of")
            elif name == "firstCreated":
                f["firstCreated"] = self.when(child, "firstCreated")
                f["first_copy"] = child.get(f"{{{NM}}}of")
            elif name == "embargoed":
                if scrub(child.text or "").strip():
                    f["embargo"] = self.when(child, "embargoed")
                else:  # an empty <embargoed/>: embargoed until further notice
                    self.extra.append(("newsml:embargoed", ""))
            elif name == "pubStatus":
                read_pub_status(self, child)
            elif name == "edNote":
                self.ed_note(child)
            elif name == "signal":
                self.signal(child)
            elif name == "link":
                self.link(child)
            elif name in _SIMPLE_ITEM_META:
                self.keep_flex(name, child)
            else:
                self.lose(f"itemMeta/<{name}>")

    def keep_flex(self, name: str, el: etree._Element) -> None:
        """Keep a property's code (or literal), and its ``name`` when that says more."""
        value = value_of(el)
        self.keep(f"newsml:{name}", value)
        label = name_of(el, self.item_lang) if children_named(el, "name") else ""
        if label and label != value:
            self.keep(f"newsml:{name}:name", label)

    def ed_note(self, el: etree._Element) -> None:
        if any(isinstance(c.tag, str) for c in el):  # a dpa notepad: sections, public or not
            for child in el:
                if isinstance(child.tag, str):
                    read_notepad(child, self.notepad)
            return
        text = text_of(el)
        if not text:
            return
        parent = el.getparent()
        if (el.get("role") or "").rpartition(":")[2].lower() in CORRECTION_ROLES:
            self.fields.setdefault("corrections", []).append(text)
            return
        if is_nonpublic(el) or is_private_note(el) or (parent is not None and is_nonpublic(parent)):
            if self.options.private_notes:
                self.extra.append(("newsml:edNote:nonpublic", text))
            else:
                self.note(
                    "a non-public edNote was left out (private_notes=True keeps it)",
                    "field",
                    "edNote",
                )
            return
        self.notepad.notes.append(text)

    def signal(self, el: etree._Element) -> None:
        """A processing signal: its QCode (an IPTC signal URI as ``sig:``); else kept in extra."""
        code = collapse(scrub(el.get("qcode") or el.get("literal") or ""))
        uri = collapse(scrub(el.get("uri") or ""))
        if not code and uri.startswith(_SIGNAL_URIS):
            code = "sig:" + uri.rstrip("/").rpartition("/")[2]
        try:
            self.fields.setdefault("signals", []).append(qcode(code, "signal"))
        except ValidationError:
            self.keep("newsml:signal", value_of(el))

    def link(self, el: etree._Element) -> None:
        rel = (el.get("rel") or "").rpartition(":")[2].lower()
        href = (el.get("href") or "").strip()
        if rel == "canonical" and href and "url" not in self.fields:
            self.fields["url"] = href
        elif href:
            self.keep(f"newsml:link:{el.get('rel') or 'link'}", href)

    def content_meta(self, meta: etree._Element) -> None:  # noqa: C901, PLR0912, PLR0915 - one branch per element
        f = self.fields
        party_list: list[Attribution] = f.setdefault("attributions", [])
        for child in meta:
            ns, name = NAMES.get(child.tag) or split(child.tag)
            if ns not in NAR_OR_NONE:
                if ns == NM and name == "slug":
                    f["given_slug"] = collapse(scrub(child.text or "")) or None
                elif ns == NM and name == "extra":
                    self.own_extra = self.own_extra or []
                    key = collapse(scrub(child.get("key") or ""))
                    if key:
                        self.own_extra.append((key, scrub(child.text or "")))
                elif ns != NM:
                    self.lose(f"contentMeta/<{name}> in {ns}")
                continue
            if name == "urgency":
                read_urgency(self, child)
            elif name == "contentCreated":
                f["contentCreated"] = self.when(child, "contentCreated")
            elif name == "contentModified":
                f["contentModified"] = self.when(child, "contentModified")
            elif name == "located":
                place = name_of(child, self.item_lang)
                if place and "place" not in f:
                    f["place"] = place
                else:
                    self.keep("newsml:located", place or value_of(child))
            elif name in ("creator", "contributor", "infoSource"):
                self.party(child, name, party_list)
            elif name == "language":
                tag = (child.get("tag") or "").strip()
                if tag and "language" not in f:
                    f["language"] = tag
            elif name == "genre":
                read_genre(self, child, self.item_lang)
            elif name == "keyword":
                text = text_of(child)
                if text:
                    f.setdefault("tags", []).append(text)
            elif name == "subject":
                self.subject(child)
            elif name == "slugline":
                f.setdefault("sluglines", []).append(text_of(child))
            elif name == "headline":
                self.label(child, "headline")
            elif name == "description":
                self.label(child, "description")
            elif name == "dateline":
                text = text_of(child)
                if text and "dateline" not in f:
                    f["dateline"] = text
                else:
                    self.keep("newsml:dateline", text)
            elif name == "by" and not self.own:
                self.by_statement(text_of(child))
            elif name in ("by", "creditline"):
                self.keep(f"newsml:{name}", text_of(child))
            elif name in _SIMPLE_CONTENT_META:
                self.keep(f"newsml:{name}", value_of(child))
            else:
                self.lose(f"contentMeta/<{name}>")

    def party(self, el: etree._Element, tag: str, party_list: list[Attribution]) -> None:
        name = name_of(el, self.item_lang)
        if not name:
            self.keep(f"newsml:{tag}", value_of(el))
            return
        role = role_of(el, tag)
        if not self.own and any(a.role is role and a.name == name for a in party_list):
            # One party in several of the agency's roles (origProv, source, redistributor)
            # is one credit in the model, which has one source role.
            return
        url = (el.get("uri") or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            url = ""
        phrase = el.get(f"{{{NM}}}phrase")
        separator = el.get(f"{{{NM}}}separator")
        try:
            party_list.append(
                Attribution(
                    name,
                    role=role,
                    url=url or None,
                    phrase=collapse(scrub(phrase)) if phrase else None,
                    separator=separator or CANONICAL_SEPARATOR,
                )
            )
        except ValidationError:
            party_list.append(Attribution(name, role=role))
            self.note(f"{tag}: the URL {url!r} of {name!r} is not usable; left out", "value", tag)

    def subject(self, el: etree._Element) -> None:
        code = collapse(scrub(el.get("qcode") or ""))
        label = name_of(el, self.item_lang) or None
        if code.startswith("nmrubric:") and label:
            self.fields.setdefault("rubrics", []).append(label)
            return
        if code:
            names = subject_names(el)
            if self.own:  # newsmodel writes the label as the name without a language
                label = next((n for lang, n in names if lang is None), None)
            try:
                subject = Subject(code, label, names=[(k, n) for k, n in names if k is not None])
            except ValidationError:
                pass
            else:
                self.fields.setdefault("subjects", []).append(subject)
                return
        value = code or value_of(el)
        if not value:
            main = first_child(el, "mainConcept")
            value = value_of(main) if main is not None else ""
        # A literal is both the value and the label of a subject that has no name.
        both = value and label and value != label
        self.keep("newsml:subject", f"{value} {label}" if both else value or label)

    def label(self, el: etree._Element, kind: str) -> None:
        text = text_of(el)
        if not text:
            return
        role = (el.get("role") or "").split()
        lang = el.get(f"{{{XML}}}lang")
        rank = el.get("rank")
        self.fields.setdefault(f"{kind}s", []).append((text, role[0] if role else None, lang, rank))

    # --- body ------------------------------------------------------------------------------

    def content_set(self, el: etree._Element) -> None:
        for child in el:
            name = local_name(child)
            if name in ("inlineXML", "inlineData") and "body" not in self.fields:
                self.fields["body"] = child
            elif name == "remoteContent":
                self.keep("newsml:remoteContent", child.get("href") or child.get("residref"))
            else:
                self.lose(f"contentSet/<{name}>")

    # --- the article ----------------------------------------------------------------------

    @functools.cached_property
    def own(self) -> bool:
        """Whether newsmodel wrote the item (it declares newsmodel's namespace)."""
        return NM in self.item.nsmap.values()

    def headline_and_labels(self) -> tuple[str | None, str | None]:
        """Pick the headline and the lede; keep the other headlines and descriptions."""
        item_lang = (self.item_lang or "").lower()
        # newsmodel writes the lede as a summary: in its own items a teaser is only a teaser.
        teasers = frozenset() if self.own else _TEASERS
        chosen: dict[str, str | None] = {}
        for kind, main_roles in (
            ("headline", ("main",)),
            ("description", ("summary",)),
        ):
            labels = self.fields.get(f"{kind}s", [])

            def rank(
                entry: tuple[str, str | None, str | None, str | None],
                main_roles: tuple[str, ...] = main_roles,
                teasers: frozenset[str] = teasers,
            ) -> tuple[int, int, int]:
                _, role, lang, rank_attr = entry
                code = role.rpartition(":")[2].lower() if role else None
                fit = 0 if code is None or code in main_roles else 1 if code in teasers else 2
                lang_ok = lang is None or lang.lower() == item_lang
                rank_n = int(rank_attr) if rank_attr and rank_attr.isdigit() else 1_000
                return (fit, 0 if lang_ok else 1, rank_n)

            best = min(labels, key=rank) if labels else None
            if best is not None and kind == "description" and rank(best)[0] == 2:  # noqa: PLR2004
                best = None  # a caption (drol:caption) is not the lede; a teaser is
            chosen[kind] = best[0] if best else None
            for entry in labels:
                if entry is best:
                    continue
                text, role, lang, _ = entry
                key = f"newsml:{kind}" + (f":{role}" if role else "")
                key += f"@{lang}" if lang and lang.lower() != item_lang else ""
                self.extra.append((key, text))
        return chosen["headline"], chosen["description"]

    def finish(self, guid: str | None, version: int) -> Article:
        f = self.fields
        headline, lede = self.headline_and_labels()
        body = f.get("body")
        # Agencies repeat the headline and lede at the top of the body; newsmodel's own items
        # (which declare its namespace) never do, so their body is taken as it is.
        own = self.own
        body_reader = BodyReader(
            self, None if own else headline, None if own else lede, agency=not own
        )
        sections: list[Section] = []
        image: Figure | None = None
        if body is not None:
            sections, image = body_reader.read_body(body)
        meta = body_reader.meta
        body_lede = body_reader.body_lede or meta.lede
        if headline is None:
            headline = self.fallback_headline(body_reader, lede or body_lede, sections)
        if body_lede is not None:
            if lede is None:
                lede = body_lede
            elif body_lede != lede:
                self.keep("newsml:nitf:abstract", body_lede)
        self.body_meta(meta, headline)
        slug = f.get("given_slug")
        slugline = self.slugline(meta.sluglines)
        published, updated = self.dates()
        language = f.get("language") or self.item_lang or self.options.language
        site = f.get("site")
        url = f.get("url")
        provider = getattr(self, "provider", "")
        if provider and provider != derive_provider_for(site):
            self.extra.insert(0, ("newsml:provider", provider))
        if (
            guid is not None
            and guid.startswith("urn:uuid:")
            and guid == derive_guid_for(url, headline, published)
        ):
            guid = None  # newsmodel derived it from the article: not part of the article
        fields: dict[str, Any] = {
            "headline": headline,
            "lede": lede,
            "sections": sections,
            "attributions": f.get("attributions", ()),
            "published": published,
            "updated": updated,
            "language": language,
            "rubrics": f.get("rubrics", ()),
            "tags": f.get("tags", ()),
            "subjects": f.get("subjects", ()),
            "site": site,
            "url": url,
            "guid": guid,
            "version": version,
            "dateline": f.get("dateline"),
            "place": f.get("place"),
            "image": image,
            "slug": slug,
            "urgency": f.get("urgency"),
            "embargo": f.get("embargo"),
            "pub_status": f.get("pub_status", PubStatus.USABLE),
            "editorial_note": "\n".join(self.notepad.notes) or None,
            "genres": f.get("genres", ()),
            "rights": f.get("rights"),
            "slugline": slugline,
            "first_created": f.get("first_created"),
            "version_created": f.get("version_created"),
            "correction": "\n".join(dict.fromkeys(f.get("corrections", ()))) or None,
            "signals": f.get("signals", ()),
            "extra": self.own_extra if self.own_extra is not None else self.extra,
        }
        article = self.build(fields)
        self.report()
        return article

    def slugline(self, header: list[str]) -> str | None:
        """The first slugline (the body's header gives one when the metadata does not)."""
        given = [s for s in self.fields.get("sluglines", []) if s]
        sluglines = given or header[:1]
        for other in [*sluglines[1:], *(header if given else header[1:])]:
            if other not in sluglines[:1]:
                self.keep("newsml:slugline", other)
        return sluglines[0] if sluglines else None

    def dates(self) -> tuple[datetime | date | None, datetime | date | None]:
        """The publication and modification times, from the item's four timestamps.

        Also sets ``first_created`` and ``version_created`` from ``firstCreated`` and
        ``versionCreated``, unless newsmodel wrote them as copies of the article's other times
        (``nm:of``).
        """
        f = self.fields
        self.resolve_offsets()
        first = f.get("firstCreated")
        created = f.get("contentCreated")
        version_created = None if f.get("version_copy") == "writing" else f.get("versionCreated")
        updated = f.get("contentModified")
        if f.get("first_copy") is None:
            f["first_created"] = first
        if f.get("version_copy") is None:
            f["version_created"] = version_created
        # A version stamped at (or after) the modification time dates the change, not the
        # first publication: an item that gives only those was changed at a known time and
        # created at an unknown one.
        if self.own:  # newsmodel writes every time apart: nothing to infer
            return created, updated
        version_is_change = _before(updated, version_created, or_equal=True)
        published = first or created or (None if version_is_change else version_created)
        if first and created and first != created:
            self.extra.append(("newsml:contentCreated", created.isoformat()))
        if updated is None and _before(published, version_created):
            updated = version_created
        if updated is not None and _before(updated, published):
            self.note(
                "the modification time is before the creation time; kept in extra",
                "value",
                "contentModified",
            )
            self.extra.append(("newsml:contentModified", updated.isoformat()))
            updated = None
        return published, updated

    def resolve_offsets(self) -> None:
        """Give timestamps written without an offset the offset of the item's other ones.

        Feeds that leave the offset out of one timestamp mostly write it on another; when none
        has one, the ``tz`` option is used. Either way a warning says so.
        """
        if not self.naive:
            return
        names = ("versionCreated", "firstCreated", "contentCreated", "contentModified")
        values = [self.fields.get(n) for n in names]
        values = [v if isinstance(v, datetime) else None for v in values]  # not a date alone
        reference = next((v.tzinfo for v in values if v is not None and v.tzinfo), None)
        tz = reference or self.options.tz
        for name, value in zip(names, values, strict=False):
            if value is not None and value.tzinfo is None:
                self.fields[name] = value.replace(tzinfo=tz)
        source = "the offset of the item's other timestamps" if reference else str(tz)
        for field, raw in self.naive:
            self.note(
                f"{field}: {raw!r} has no UTC offset; read with {source} ({tz})", "time", field
            )

    def build(self, fields: dict[str, Any]) -> Article:
        """The article; a language or URL the model refuses goes to extra, with a warning."""
        for _ in range(4):
            try:
                return Article(**fields)
            except ValidationError as exc:  # noqa: PERF203 - at most once per field
                field = exc.field.partition("[")[0]
                if field == "language":
                    self.note(
                        f"the language {fields['language']!r} is not a BCP 47 tag; "
                        f"read as {self.options.language!r}",
                        "value",
                        "language",
                    )
                    self.repair(fields, "newsml:language", fields["language"])
                    fields["language"] = self.options.language
                elif field in ("version_created", "embargo") and fields[field] is not None:
                    self.note(f"{field}: {exc.reason}; kept in extra", "value", field)
                    self.repair(fields, f"newsml:{field}", fields[field].isoformat())
                    fields[field] = None
                elif field == "url" and fields["url"] is not None:
                    self.repair(fields, "newsml:link:canonical", fields["url"])
                    fields["url"] = None
                else:
                    msg = f"{exc.field}: {exc.reason}"
                    raise ParseError(FORMAT, msg, line=self.item.sourceline) from None
        msg = "the item cannot be read"  # pragma: no cover - each field is repaired once
        raise ParseError(FORMAT, msg, line=self.item.sourceline)

    def repair(self, fields: dict[str, Any], key: str, value: str) -> None:
        if fields["extra"] is self.extra:
            self.keep(key, value)

    def report(self) -> None:
        line = self.item.sourceline
        for message, kind, lost in self.notes:
            lossy(FORMAT, kind, message, lost=lost, line=line)
        if self.lost:
            listed = ", ".join(self.lost)
            lossy(FORMAT, "element", f"not read: {listed}", lost=listed, count=len(self.lost))


def _before(
    earlier: datetime | date | None, later: datetime | date | None, *, or_equal: bool = False
) -> bool:
    """Whether two times are both given, both with a time of day, and in that order."""
    if not isinstance(earlier, datetime) or not isinstance(later, datetime):
        return False
    return earlier <= later if or_equal else earlier < later
