"""Write an article as a NITF 3.6 document, valid against the NITF 3.6 schema."""

from __future__ import annotations

from datetime import date, datetime

from lxml import etree

from newsmodel._models import Article, Embed, PubStatus, Role
from newsmodel._warnings import counted, lossy
from newsmodel.errors import WriteError
from newsmodel.newsml._ns import NITF
from newsmodel.newsml._write_body import NitfBody
from newsmodel.newsml._writer import serialise as newsml_serialise

__all__ = ["build", "norm", "serialise"]

_VERSION = "-//IPTC//DTD NITF 3.6//EN"
#: The roles a NITF byline carries: the others have no place in NITF.
_BYLINE_ROLES = (Role.AUTHOR,)


def norm(value: datetime | date) -> str:
    """A timestamp as NITF's ``norm`` attributes write it: ``20261125T090500+0500``.

    A day alone is ``20261125``. Seconds of an offset that is not a whole minute and
    microseconds are kept in the extended form, which readers of ISO 8601 read as well.
    """
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    offset = value.utcoffset()
    if value.microsecond or (offset is not None and offset.seconds % 60):
        return value.isoformat()
    return value.strftime("%Y%m%dT%H%M%S%z")


class _Writer:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.body = NitfBody(article)
        self.embeds = 0

    def el(
        self, parent: etree._Element, tag: str, text: str | None = None, **attrib: str
    ) -> etree._Element:
        el = etree.SubElement(parent, f"{{{NITF}}}{tag}", attrib)
        if text is not None:
            el.text = text
        return el

    def build(self) -> etree._Element:
        a = self.article
        root = etree.Element(
            f"{{{NITF}}}nitf", {"version": _VERSION, "baselang": a.language}, nsmap={None: NITF}
        )
        self.head(root)
        body = self.el(root, "body")
        self.body_head(body)
        content = self.el(body, "body.content")
        if a.image is not None:
            self.body.media(content, a.image, "image", lead=True)
        for i, section in enumerate(a.sections):
            block = self.el(content, "block")
            if section.heading:
                self.el(block, "hl2", section.heading)
            for j, item in enumerate(section.blocks):
                if isinstance(item, Embed):
                    self.embeds += 1
                else:
                    self.body.block(block, item, f"sections[{i}].blocks[{j}]")
        self.report()
        return root

    def head(self, root: etree._Element) -> None:  # noqa: C901, PLR0912 - one field after another
        a = self.article
        head = self.el(root, "head")
        self.el(head, "title", a.headline)
        iptc = [s for s in a.subjects if s.code.startswith("subj:")]
        if iptc:
            tobject = self.el(head, "tobject")
            for subject in iptc:
                attrib = {
                    "tobject.subject.ipr": "IPTC",
                    "tobject.subject.refnum": subject.code.partition(":")[2],
                }
                if subject.label:
                    attrib["tobject.subject.matter"] = subject.label
                self.el(tobject, "tobject.subject", **attrib)
        docdata = self.el(head, "docdata")
        if a.pub_status is not PubStatus.USABLE:
            docdata.set("management-status", a.pub_status.value)
        if a.correction:
            self.el(docdata, "correction", info=a.correction)
        if a.place:
            self.el(docdata, "evloc", city=a.place)
        if a.guid:
            self.el(docdata, "doc-id", **{"id-string": a.guid})
        if a.urgency is not None:
            self.el(docdata, "urgency", **{"ed-urg": str(a.urgency)})
        if a.published is not None:
            self.el(docdata, "date.issue", norm=norm(a.published))
        if a.embargo is not None:
            self.el(docdata, "date.release", norm=norm(a.embargo))
        if a.editorial_note:
            self.el(docdata, "ed-msg", info=a.editorial_note)
        if a.rights is not None and a.rights.holder:
            self.el(docdata, "doc.copyright", holder=a.rights.holder)
        if a.rights is not None and a.rights.usage_terms:
            self.el(docdata, "doc.rights", limitations=a.rights.usage_terms)
        if a.tags:
            keys = self.el(docdata, "key-list")
            for tag in a.tags:
                self.el(keys, "keyword", key=tag)
        if a.url:
            self.el(head, "pubdata", **{"ex-ref": a.url})

    def body_head(self, body: etree._Element) -> None:
        a = self.article
        head = self.el(body, "body.head")
        self.el(self.el(head, "hedline"), "hl1", a.headline)
        for credit in a.credited(*_BYLINE_ROLES):
            self.el(head, "byline", credit.name)
        if a.site:
            self.el(head, "distributor", a.site)
        if a.dateline:
            self.el(head, "dateline", a.dateline)
        if a.lede:
            self.el(self.el(head, "abstract"), "p", a.lede)

    def report(self) -> None:
        a = self.article
        if self.embeds:
            msg = f"{counted(self.embeds, 'embed')} left out: NITF has no place for them yet"
            lossy("nitf", "block", msg, lost="embed", count=self.embeds, path="sections")
        others = [x for x in a.attributions if x.role not in _BYLINE_ROLES]
        if others:
            roles = ", ".join(dict.fromkeys(x.role.value for x in others))
            msg = f"{counted(len(others), 'credit')} with roles NITF has no place for ({roles})"
            lossy("nitf", "field", msg, lost="attributions", count=len(others), path="attributions")
        authors = a.credited(*_BYLINE_ROLES)
        if any(x.url or x.phrase for x in authors):
            lossy(
                "nitf",
                "field",
                "a byline carries a name alone (url and phrase left out)",
                lost="attributions",
                path="attributions",
            )
        lost = [
            name
            for name, value in (
                ("updated", a.updated),
                ("rubrics", a.rubrics),
                ("version", a.version != 1),
                ("extra", a.extra),
                ("genres", a.genres),
                ("slugline", a.slugline),
                ("signals", a.signals),
                ("first_created", a.first_created),
                ("version_created", a.version_created),
                ("rights.notice", a.rights is not None and a.rights.notice),
                ("subjects", [s for s in a.subjects if not s.code.startswith("subj:")]),
            )
            if value
        ]
        for name in lost:
            lossy(
                "nitf", "field", f"NITF has no place for the article's {name}", lost=name, path=name
            )


def build(article: Article) -> etree._Element:
    """The ``nitf`` element of an article."""
    given: object = article
    if not isinstance(given, Article):
        msg = f"expected Article, got {type(given).__name__}"
        raise TypeError(msg)
    try:
        return _Writer(given).build()
    except ValueError as exc:
        # lxml refuses the few characters the model lets through and XML cannot carry.
        raise WriteError("nitf", "article", f"holds text XML cannot carry ({exc})") from None


def serialise(root: etree._Element, *, indent: int | None) -> bytes:
    """UTF-8 bytes with an XML declaration; ``indent`` spaces per level, never inside text."""
    return newsml_serialise(root, indent=indent)
