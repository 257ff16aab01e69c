"""The NewsML-G2 2.35 and NITF 3.6 schemas that ship in the package, loaded once on first use."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
from lxml import etree

__all__ = ["SchemaProblem", "newsml_schema", "nitf_schema"]


class _SchemaFiles(etree.Resolver):
    """Lets the schemas import each other from their folder, and refuses anything else."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:  # noqa: ANN401 - lxml resolver types
        del public_id
        path = Path(unquote(urlsplit(system_url or "").path)).resolve()
        if path.parent != self.folder or not path.is_file():
            msg = f"the schemas may only import from their folder, not {system_url!r}"
            raise ValueError(msg)
        return self.resolve_filename(str(path), context)


def _load(name: str) -> etree.XMLSchema:
    # as_file gives a real path even from a zip, so that the relative imports of xml.xsd and the
    # NITF include resolve; the parser never touches the network, nor a file outside the folder.
    with resources.as_file(resources.files("newsmodel.newsml").joinpath("schema")) as folder:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        parser.resolvers.add(_SchemaFiles(folder))
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


@attrs.frozen
class SchemaProblem:
    """One way a document breaks the NewsML-G2 (or NITF) schema.

    >>> SchemaProblem(3, 5, "Element 'x': This element is not expected.")
    SchemaProblem(line=3, column=5, message="Element 'x': This element is not expected.")
    """

    #: 1-based line, when known.
    line: int | None
    #: 1-based column, when known.
    column: int | None
    #: what is wrong, as the validator says it.
    message: str
