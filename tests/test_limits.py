"""The input-size limit: every reader refuses input over max_bytes in the same words."""

from __future__ import annotations

import importlib

import pytest

from newsmodel import ParseError

PAGE = "<html><head><title>Т</title></head><body><h1>Заголовок</h1><p>Абзац.</p></body></html>"
DOCUMENTS = {
    "json": '{"headline": "Заголовок"}',
    "text": "САЙТ\n\nЗаголовок\n\nАбзац.\n",
    "html": PAGE,
    "newsml": (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
        "<headline>Заголовок</headline></contentMeta></newsItem>"
    ),
}


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
@pytest.mark.parametrize("kind", ["bytes", "bytearray", "memoryview", "str"])
def test_every_reader_refuses_input_over_max_bytes_in_the_same_words(fmt: str, kind: str) -> None:
    module = importlib.import_module(f"newsmodel.{fmt}")
    text = DOCUMENTS[fmt]
    raw = text.encode()
    data: object = {
        "bytes": raw,
        "bytearray": bytearray(raw),
        "memoryview": memoryview(raw),
        "str": text,
    }[kind]
    # A str is counted in characters, except by NewsML-G2, which reads the bytes it encodes to.
    size, unit = (
        (len(text), "characters") if kind == "str" and fmt != "newsml" else (len(raw), "bytes")
    )
    assert module.loads(data, max_bytes=size).headline == "Заголовок"
    with pytest.raises(ParseError) as info:
        module.loads(data, max_bytes=size - 1)
    assert info.value.format == fmt
    assert info.value.message == (
        f"document of {size} {unit} is over the limit of max_bytes={size - 1}"
    )
