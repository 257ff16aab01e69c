"""Files of a batch: formats and their detection, inputs, and output names.

Names are plain strings, not :class:`pathlib.Path` objects: the parent process names and moves
every output of a parallel batch, so this is on the path of every file.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from types import MappingProxyType
from typing import IO, TYPE_CHECKING

import attrs

from newsmodel._limits import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "FORMATS",
    "MOST",
    "PUBLISHING",
    "WINDOWS_DEVICES",
    "Input",
    "OutputNames",
    "check_format",
    "check_source",
    "detect_format",
    "find_inputs",
    "head_of",
    "is_message",
    "is_windows_device",
    "open_input",
    "place",
    "read_file",
    "write_file",
]


#: The most a batch reads of a whole document: one byte over the size limit every reader holds
#: its input to, so that a longer one is refused without reading the rest (a device such as
#: ``/dev/zero`` has no end).
MOST = MAX_BYTES + 1


@attrs.frozen
class _Format:
    """What a batch needs to know of a format."""

    #: the usual extension of its files.
    extension: str
    #: whether its output is what readers see (a page, a feed): an article under embargo is
    #: not written in it unless forced. Exchange formats (JSON, NewsML-G2, NITF, text) pass an
    #: embargo on to the next system, which is their purpose.
    publishes: bool = False


# One line per format: a new format declares its extension and whether it publishes here.
_TABLE = {
    "html": _Format(".html", publishes=True),
    "json": _Format(".json"),
    "newsml": _Format(".xml"),
    "ninjs": _Format(".json"),
    "nitf": _Format(".xml"),
    "text": _Format(".txt"),
}

#: Format name → the usual extension of its files. Every format ships with the package; the
#: format modules are imported when the first document is read.
FORMATS: Mapping[str, str] = MappingProxyType({k: f.extension for k, f in _TABLE.items()})
#: The formats that publish: an article still under embargo is refused in them unless forced.
PUBLISHING = frozenset(k for k, f in _TABLE.items() if f.publishes)
_EXTENSIONS = {
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".json": "json",
    ".xml": "newsml",
    ".nml": "newsml",
    ".txt": "text",
}
_NEWSML = re.compile(
    rb"<(?:[\w.-]+:)?(?:newsItem|newsMessage|NewsML)\b|iptc\.org/std/(?:nar|NewsML)/",
    re.IGNORECASE,
)
#: A document of several items: a NewsML-G2 newsMessage or a NewsML 1.2 document.
_MESSAGE = re.compile(rb"<(?:[\w.-]+:)?(?:newsMessage|NewsML)\b")
_NITF = re.compile(rb"<(?:[\w.-]+:)?nitf\b|iptc\.org/std/NITF/")
#: What ``--from feed`` reads in a folder: RSS and Atom feeds, read entry by entry.
_FEED_EXTENSIONS = frozenset({".xml", ".rss", ".atom"})
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|meta|div|p)\b", re.IGNORECASE)
_NINJS = re.compile(
    rb'"(?:uri|headlines|bodies|body_html|body_text|body_xhtml|versionCreated|versioncreated)"\s*:'
)
_SECTIONS = re.compile(rb'"sections"\s*:')
_SNIFF = 4096


def check_format(fmt: str | None, what: str) -> None:
    """Refuse a format name that is not one of :data:`FORMATS`."""
    if fmt is not None and fmt not in FORMATS:
        msg = f"{what} must be one of {', '.join(sorted(FORMATS))}, not {fmt!r}"
        raise ValueError(msg)


def check_source(fmt: str | None) -> None:
    """Refuse an input format that is neither one of :data:`FORMATS` nor ``"feed"``.

    A feed is read, never written: one article per entry, as a newsMessage is.
    """
    if fmt != "feed":
        check_format(fmt, "source")


def detect_format(data: bytes, /, *, name: str = "") -> str:
    r"""Tell the format of a document from its first bytes, then from its file name.

    JSON starts with ``{`` (ninjs when it names a ninjs property, such as ``uri``,
    ``headlines`` or ``body_html``, and no ``sections``); NewsML has a ``newsItem``,
    ``newsMessage`` or (NewsML 1.2) ``NewsML`` root or an IPTC namespace; NITF a ``nitf`` root;
    HTML starts with a doctype or a usual tag; anything else is plain text unless the extension
    says otherwise. Only the first 4 KiB are looked at.

    >>> detect_format(b'  {"headline": "Hello"}')
    'json'
    >>> detect_format(b'{"uri": "urn:x:1", "headlines": [{"value": "Hello"}]}')
    'ninjs'
    >>> detect_format(b"<!DOCTYPE html><html></html>")
    'html'
    >>> detect_format(b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf/>')
    'nitf'
    >>> detect_format("САЙТ\\n\\nЗаголовок".encode(), name="article.txt")
    'text'
    """
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "ninjs" if _NINJS.search(head) and not _SECTIONS.search(head) else "json"
    if head.startswith(b"<"):
        if _NEWSML.search(head):
            return "newsml"
        if _NITF.search(head):
            return "nitf"
        if _HTML.search(head):
            return "html"
    return _EXTENSIONS.get(os.path.splitext(name)[1].lower(), "text")


@attrs.frozen(kw_only=True)
class Input:
    """One input document of a batch, as :func:`find_inputs` found it."""

    #: How the input is reported (its normalised path, or ``<stdin>``).
    name: str
    #: Where its output goes under the output folder (a ``/``-separated relative path without
    #: extension, the input's path under the folder given or its stem).
    relative: str
    #: the file to read, or ``None`` for a stream.
    path: str | None = None
    #: the open binary stream to read, when ``path`` is ``None``.
    stream: IO[bytes] | None = attrs.field(default=None, eq=False, repr=False)

    def read(self, most: int | None = None) -> bytes:
        """The whole document, or its first ``most`` bytes when it is longer.

        Raises:
            OSError: the file cannot be read.
        """
        if self.stream is not None:
            return self.stream.read(-1 if most is None else most)
        assert self.path is not None  # noqa: S101 - an Input has a path or a stream
        return read_file(self.path, most)


def find_inputs(
    sources: Iterable[str | os.PathLike[str] | IO[bytes] | Input],
    /,
    *,
    source: str | None = None,
) -> list[Input]:
    """The input documents of files, folders and open binary streams, in order.

    A folder gives the files under it (recursively, hidden ones skipped) with an extension of
    the format ``source`` (any known format when ``None``), in the same order on every run. A
    path that does not exist is kept: reading it fails, as an :class:`Outcome`.

    >>> import io
    >>> [i.name for i in find_inputs([io.BytesIO(b"{}"), "a.json"])]
    ['<stream>', 'a.json']
    """
    check_source(source)
    wanted = {ext for ext, fmt in _EXTENSIONS.items() if source in (None, fmt)}
    if source == "feed":
        wanted = set(_FEED_EXTENSIONS)
    elif source is not None:
        wanted.add(FORMATS[source])  # ninjs files end in .json
    inputs: list[Input] = []
    for item in sources:
        if isinstance(item, Input):
            inputs.append(item)
        elif isinstance(item, (str, os.PathLike)):
            path = os.fspath(item)
            if os.path.isdir(path):
                inputs.extend(_walk(path, wanted))
            else:
                stem = os.path.splitext(os.path.basename(path))[0]
                inputs.append(Input(name=os.path.normpath(path), relative=stem, path=path))
        else:
            label = getattr(item, "name", None)
            label = label if isinstance(label, str) else "<stream>"
            stem = label.strip("<>") if label.startswith("<") else _stem(label)
            inputs.append(Input(name=label, relative=stem or "stream", stream=item))
    return inputs


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _walk(top: str, extensions: set[str]) -> list[Input]:
    """The files under a folder with one of the extensions, skipping hidden files and folders.

    In the order of their relative paths' parts, the same order on every run whatever the file
    system lists first. As :func:`os.walk` does, a folder that cannot be listed is passed over
    and a link to a folder is not followed; a link to a file is a file, and anything that is
    not a file (a named pipe, a device, a broken link) is not taken.
    """
    found: list[tuple[tuple[str, ...], Input]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(os.path.normpath(top), ())]
    while pending:
        folder, parts = pending.pop()
        prefix = "/".join(parts) + "/" if parts else ""
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        pending.append((entry.path, (*parts, name)))
                    continue
                stem, extension = os.path.splitext(name)
                if extension.lower() not in extensions or not entry.is_file():
                    continue
            except OSError:  # gone since it was listed
                continue
            item = Input(name=entry.path, relative=prefix + stem, path=entry.path)
            found.append(((*parts, name), item))
    found.sort(key=lambda entry: entry[0])
    return [item for _, item in found]


def head_of(item: Input) -> bytes:
    """The first bytes of an input, for a file or an in-memory stream; ``b""`` for others."""
    if item.path is not None:
        try:
            with open(item.path, "rb") as fp:
                return fp.read(_SNIFF)
        except OSError:
            return b""
    if isinstance(item.stream, io.BytesIO):
        return item.stream.getbuffer()[:_SNIFF].tobytes()
    return b""


def is_message(item: Input, source: str | None) -> bool:
    """Whether an input is a NewsML-G2 newsMessage or a feed, to be read item by item.

    Files and in-memory streams are looked at; other streams are read whole, as one document.
    Without ``source``, only files with a NewsML-G2 extension are opened to look (one more
    open for every file of a batch would be on its path).
    """
    if source == "feed":
        return True
    if source not in (None, "newsml"):
        return False
    if source is None and item.path is not None:
        extension = os.path.splitext(item.path)[1].lower()
        if _EXTENSIONS.get(extension) != "newsml":
            return False
    head = head_of(item)
    if source is None and detect_format(head, name=item.path or "") != "newsml":
        return False
    return _MESSAGE.search(head) is not None


def open_input(item: Input) -> contextlib.AbstractContextManager[IO[bytes]]:
    if item.stream is not None:
        return contextlib.nullcontext(item.stream)
    assert item.path is not None  # noqa: S101 - an Input has a path or a stream
    return open(item.path, "rb")


#: Names that Windows opens as a device, whatever the extension and the case: a file named
#: ``con.json`` or ``NUL`` cannot be created there, and writing to it writes to the device.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³"}
)


def is_windows_device(name: str) -> bool:
    """Whether Windows takes a file name for a device: its part before the first dot.

    Windows ignores trailing spaces there, and the case.

    >>> [is_windows_device(n) for n in ("con", "NUL.json", "com1.tar.gz", "Lpt9", "console")]
    [True, True, True, True, False]
    """
    return name.partition(".")[0].rstrip(" ").lower() in WINDOWS_DEVICES


def _portable(part: str) -> str:
    """A folder name that is no device: ``con`` becomes ``con-2``."""
    if not is_windows_device(part):
        return part
    head, dot, rest = part.partition(".")
    return f"{head}-2{dot}{rest}"


class OutputNames:
    """Chooses output paths: unique within the run, never a device name on Windows.

    A name that is taken (as the file system compares names: on Windows ``A.html`` is
    ``a.html``), or that is a device on Windows, gets ``-2``, ``-3``... Devices are avoided
    on every system, so that an output folder can be copied to Windows whole.

    >>> names = OutputNames("out", ".json", by_slug=True)
    >>> [names.name("a", "nul"), names.name("b", "nul"), names.name("c", "novost")]
    ['out/nul-2.json', 'out/nul-3.json', 'out/novost.json']
    """

    def __init__(self, root: str, extension: str, *, by_slug: bool) -> None:
        """Name files with ``extension`` under ``root``, from slugs or from input stems."""
        self.root = root
        self.prefix = os.path.join(root, "")
        self.extension = extension
        self.by_slug = by_slug
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.folders: set[str] = set()

    def name(self, relative: str, slug: str) -> str:
        """The output path of an input at ``relative`` (``/``-separated, no extension)."""
        folder, _, stem = relative.rpartition("/")
        if self.by_slug and slug:
            stem = slug
        if folder:
            folder = "/".join(_portable(part) for part in folder.split("/")) + "/"
        # The suffix goes before the first dot of a device name ("con-2.tar.json"), else at the
        # end of the stem ("a.b-2.json"); a device name has one from the start.
        device = is_windows_device(stem)
        head, dot, tail = stem.partition(".") if device else (stem, "", "")
        before, after = f"{self.prefix}{folder}{head}", f"{dot}{tail}{self.extension}"
        key = os.path.normcase(f"{folder}{stem}")
        n = self.next_suffix.get(key, 2 if device else 1)
        while True:
            candidate = f"{before}-{n}{after}" if n > 1 else before + after
            n += 1
            if os.path.normcase(candidate) not in self.taken:
                break
        self.next_suffix[key] = n
        self.taken.add(os.path.normcase(candidate))
        return candidate

    def make_parent(self, path: str) -> None:
        """Create the folder of an output path, once per folder."""
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)


# Whole files are read and written through the system calls alone: Python's buffered file
# object would add a buffer, a size query and a terminal test for every document of a batch.
_BINARY = getattr(os, "O_BINARY", 0)  # Windows
_NEW_FILE = os.O_WRONLY | os.O_CREAT | _BINARY
_CHUNK = 1 << 20


def read_file(path: str, most: int | None = None) -> bytes:
    """The bytes of the file ``path``, or its first ``most`` bytes when it is longer.

    Raises:
        OSError: it cannot be opened or read.
    """
    most = sys.maxsize if most is None else most
    fd = os.open(path, os.O_RDONLY | _BINARY)
    try:
        # A regular file in one read of its size (and one more byte, to see its end); a file
        # that grows, or a pipe or device that tells no size, in chunks after that.
        chunks = [os.read(fd, min(os.fstat(fd).st_size + 1, most))]
        got = len(chunks[0])
        while chunks[-1] and got < most and (chunk := os.read(fd, min(_CHUNK, most - got))):
            chunks.append(chunk)
            got += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def write_file(path: str, data: bytes, *, replace: bool) -> None:
    """Write ``data`` to a new file ``path``; an existing one is replaced only if told.

    Raises:
        FileExistsError: ``path`` exists and ``replace`` is false.
    """
    fd = os.open(path, _NEW_FILE | (os.O_TRUNC if replace else os.O_EXCL), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def place(path: str, *, data: bytes, written: str, force: bool) -> None:
    """Write ``data`` or move the file ``written`` to ``path``; replace a file only if forced."""
    if not written:
        write_file(path, data, replace=force)
        return
    if force:
        os.replace(written, path)
        return
    try:
        os.link(written, path)  # fails if path exists: no check-then-write race
    except FileExistsError:
        os.unlink(written)
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            os.unlink(written)
            raise FileExistsError(path) from None
        os.replace(written, path)
        return
    os.unlink(written)
