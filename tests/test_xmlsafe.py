"""Every parser newsmodel builds for untrusted markup refuses every external resource."""

from __future__ import annotations

import pytest
from lxml import etree

from newsmodel import ParseError
from newsmodel._xmlsafe import has_doctype, html_parser, xml_parser, xml_pull_parser


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.dtd"
    path.write_text('<!ENTITY leak "SECRET">', "utf-8")
    return path


def test_an_external_subset_is_refused_even_while_ids_are_skipped(secret):
    # collect_ids=False makes libxml2 ask for the external subset although load_dtd is off
    data = f'<!DOCTYPE a SYSTEM "{secret}"><a>x</a>'.encode()
    with pytest.raises(ParseError, match="external resource"):
        etree.fromstring(data, xml_parser("newsml", collect_ids=False))


def test_a_parameter_entity_is_refused(secret):
    data = f'<!DOCTYPE a [<!ENTITY % p SYSTEM "{secret}"> %p;]><a>&leak;</a>'.encode()
    with pytest.raises(ParseError, match="external resource"):
        etree.fromstring(data, xml_parser("newsml", collect_ids=False))


def test_the_streaming_parser_refuses_too(secret):
    parser = xml_pull_parser("newsml", events=("start",), collect_ids=False)
    with pytest.raises(ParseError, match="external resource"):
        parser.feed(f'<!DOCTYPE a SYSTEM "{secret}"><a>x</a>'.encode())


def test_options_that_reach_resources_cannot_be_turned_on(secret):
    parser = xml_parser("newsml", load_dtd=True, resolve_entities=True, no_network=False)
    data = f'<!DOCTYPE a [<!ENTITY e SYSTEM "{secret}">]><a>&e;</a>'.encode()
    root = etree.fromstring(data, parser)
    assert "SECRET" not in etree.tostring(root).decode()


def test_the_html_parser_reads_no_doctype_resource(secret):
    from lxml import html  # noqa: PLC0415

    page = f'<!DOCTYPE html SYSTEM "{secret}"><html><body><p>&leak;</p></body></html>'
    root = html.document_fromstring(page, parser=html_parser())
    assert "SECRET" not in etree.tostring(root).decode()


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_a_doctype_is_found_in_every_encoding_libxml2_reads(encoding):
    text = f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n<!DOCTYPE a SYSTEM "x"><a/>'
    assert has_doctype(text.encode(encoding), "x")
    assert has_doctype(text.encode(encoding) + b"\x00", "x")  # a stray byte after the root
    assert not has_doctype(text.replace('<!DOCTYPE a SYSTEM "x">', "").encode(encoding), "x")
