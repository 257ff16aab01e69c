"""The NewsML-G2 2.35 and NITF 3.6 schemas that ship in the package, loaded once on first use."""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

__all__ = ["newsml_schema", "nitf_schema"]


def _load(name: str) -> etree.XMLSchema:
    # as_file gives a real path even from a zip, so that the relative imports of xml.xsd and the
    # NITF include resolve; the parser never touches the network.
    with resources.as_file(resources.files("newsmodel.newsml").joinpath("schema")) as folder:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        doc = etree.parse(str(folder / name), parser)
        return etree.XMLSchema(doc)


@cache
def newsml_schema() -> etree.XMLSchema:
    """NewsML-G2 2.35, All-Power: every item type and the news message."""
    return _load("NewsML-G2_2.35-spec-All-Power.xsd")


@cache
def nitf_schema() -> etree.XMLSchema:
    """NewsML-G2 2.35 and NITF 3.6 in one schema set, so NITF bodies are checked too."""
    return _load("with-nitf.xsd")
