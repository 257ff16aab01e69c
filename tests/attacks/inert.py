"""Checks that a writer's output holds nothing a browser or an XML consumer would act on."""

from __future__ import annotations

import json
import re

from lxml import etree, html

#: Elements that run code, load other documents or change how a page is read.
DANGEROUS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "style",
        "link",
        "svg",
        "math",
        "noscript",
        "template",
        "xml",
        "import",
        "portal",
        "isindex",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "srcset",
        "cite",
        "codebase",
        "dynsrc",
        "lowsrc",
        "ping",
        "xlink:href",
        "{http://www.w3.org/1999/xlink}href",
    }
)
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*):")
_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_RAW_JSON_LD = re.compile(
    r"<script\b[^>]*\btype=[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script",
    re.IGNORECASE | re.DOTALL,
)
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _dangerous_url(value: str) -> bool:
    scheme = _SCHEME.match(_NOISE.sub("", value).lower())
    return scheme is not None and scheme.group(1) in {"javascript", "vbscript", "data", "file"}


_LOWER = "translate(local-name(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
#: Elements whose name (in any case) is one to look at, found by libxml2 without a Python step
#: per element: outputs of hundreds of thousands of elements are checked.
_NAMED = etree.XPath(f"descendant-or-self::*[contains($names, concat(' ', {_LOWER}, ' '))]")
_NAMES = f" {' '.join(sorted(DANGEROUS | {'meta'}))} "
_WITH_ATTRIBUTES = etree.XPath("descendant-or-self::*[@*]")
_INSTRUCTIONS = etree.XPath("descendant-or-self::processing-instruction()")


def element_problems(root: etree._Element, namespace: str | None = None) -> list[str]:
    """What in an element tree could act: scripts, handlers, dangerous URLs, refreshes.

    With ``namespace``, element names are checked only in that namespace (a NewsML-G2
    ``<link>`` is not an HTML one); attributes are checked everywhere.
    """
    problems = [f"processing instruction {pi.target!r}" for pi in _INSTRUCTIONS(root)]
    for element in _NAMED(root, names=_NAMES):
        problems.extend(_tag_problems(_name(element, namespace), element))
    for element in _WITH_ATTRIBUTES(root):
        problems.extend(_attribute_problems(_name(element, namespace), element.items()))
    return problems


def _name(element: etree._Element, namespace: str | None) -> str:
    """The element's lower-case name, prefixed by its namespace when that is not ``namespace``."""
    tag = element.tag
    space, _, local = tag[1:].partition("}") if tag[0] == "{" else (None, "", tag)
    if namespace is not None and space != namespace:
        return f"{space}:{local.lower()}"
    return local.lower()


def _inert_link(element: etree._Element) -> bool:
    """A ``<link>`` that loads nothing: a canonical address, or a microdata property."""
    rel = (element.get("rel") or "").strip().lower()
    return rel == "canonical" or (not rel and element.get("itemprop") is not None)


def _tag_problems(tag: str, element: etree._Element) -> list[str]:
    if tag == "script" and (element.get("type") or "").lower() == "application/ld+json":
        # Checked on the raw text (html_problems): lxml's HTML parser drops the text of a
        # very long script.
        return []
    if tag == "link" and _inert_link(element):
        return []
    if tag in DANGEROUS:
        return [f"<{tag}> element"]
    if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
        return ["meta refresh"]
    return []


def _attribute_problems(tag: str, attributes: list[tuple[str, str]]) -> list[str]:
    problems = []
    for name, value in attributes:
        local = etree.QName(name).localname.lower() if name.startswith("{") else name.lower()
        if local.startswith("on"):
            problems.append(f"event handler attribute {name!r} on <{tag}>")
        if (local in URL_ATTRIBUTES or name in URL_ATTRIBUTES) and _dangerous_url(value):
            problems.append(f"{name}={value!r} on <{tag}>")
        if local == "style" and re.search(r"expression|url\s*\(|javascript", value, re.IGNORECASE):
            problems.append(f"style={value!r} on <{tag}>")
    return problems


def _json_ld_problems(text: str) -> list[str]:
    problems = []
    if re.search(r"</script|<!--|<script", text, re.IGNORECASE):
        problems.append("JSON-LD holds a sequence that ends or restarts a script")
    try:
        json.loads(text)
    except ValueError:
        problems.append("JSON-LD is not JSON")
    return problems


def html_problems(output: str) -> list[str]:
    """Problems in an HTML document or fragment."""
    if not output.strip():
        return []
    problems = [p for body in _RAW_JSON_LD.findall(output) for p in _json_ld_problems(body)]
    root = html.document_fromstring(output)
    return problems + element_problems(root)


def xml_problems(output: str | bytes) -> list[str]:
    """Problems in an XML document: it must be well-formed, without DOCTYPE or PIs."""
    data = output.encode("utf-8") if isinstance(output, str) else output
    if isinstance(output, str):
        data = re.sub(rb"^<\?xml[^>]*\?>", b"", data)
    # Our own output is checked, not untrusted input: a text node over libxml2's default
    # 10 MB limit is allowed here.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    problems = []
    tree = root.getroottree()
    if tree.docinfo.doctype:
        problems.append(f"DOCTYPE {tree.docinfo.doctype!r}")
    siblings = (*root.itersiblings(preceding=True), *root.itersiblings())
    problems.extend(
        f"processing instruction {sibling.target!r}"
        for sibling in siblings
        if isinstance(sibling, etree._ProcessingInstruction)  # noqa: SLF001
    )
    problems.extend(f"entity reference {e.name!r}" for e in root.iter(etree.Entity))
    # Markup inside the article body is XHTML: it is checked like HTML.
    problems.extend(element_problems(root, namespace=XHTML_NS))
    return problems


def json_problems(output: str) -> list[str]:
    """Problems in JSON output: it must be one JSON object."""
    try:
        value = json.loads(output)
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    return [] if isinstance(value, dict) else ["not a JSON object"]


_EMBEDDED_HTML = (
    "{http://purl.org/rss/1.0/modules/content/}encoded",
    "{http://www.w3.org/2005/Atom}content",
    "{http://www.w3.org/2005/Atom}summary",
    "description",
)


def feed_problems(output: str) -> list[str]:
    """Problems in an XML feed, and in the HTML its elements carry as text."""
    problems = xml_problems(output)
    if problems:
        return problems
    root = etree.fromstring(output.encode("utf-8"), etree.XMLParser(huge_tree=True))
    for element in root.iter(*_EMBEDDED_HTML):
        if element.text and element.text.strip():
            problems.extend(html_problems(element.text))
    return problems


def jsonfeed_problems(output: str) -> list[str]:
    """Problems in a JSON Feed, and in the HTML of its items."""
    problems = json_problems(output)
    if problems:
        return problems
    for item in json.loads(output).get("items", []):
        problems.extend(html_problems(item.get("content_html") or ""))
    return problems


def ninjs_problems(output: str) -> list[str]:
    """Problems in ninjs output: one JSON object whose HTML bodies are inert."""
    problems = json_problems(output)
    if problems:
        return problems
    item = json.loads(output)
    for body in item.get("bodies", []):
        problems.extend(html_problems(body.get("value", "")))
    return problems


CHECKS = {
    "ninjs": ninjs_problems,
    "html": html_problems,
    "newsml": xml_problems,
    "nitf": xml_problems,
    "json": json_problems,
    "text": lambda _output: [],
    "feed-rss": feed_problems,
    "feed-atom": feed_problems,
    "feed-dzen": feed_problems,
    "feed-yandex": feed_problems,
    "feed-sitemap": xml_problems,
    "feed-jsonfeed": jsonfeed_problems,
}


def problems(fmt: str, output: str | bytes) -> list[str]:
    """Problems in what the writer of ``fmt`` wrote; ``[]`` when it is inert."""
    if isinstance(output, str) and output.startswith("<WriteError "):
        return []
    return CHECKS[fmt](output)
