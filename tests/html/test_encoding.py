"""Decoding: BOM, hint, <meta> declaration, detection of UTF-8, windows-1251 and KOI8-R."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsmodel import LossyConversionWarning
from newsmodel import html as nhtml
from newsmodel._textrules import scrub
from newsmodel.html._decode import decode, decode_clean, detect, normalize_label

CORPUS = Path(__file__).parent.parent / "data" / "html" / "corpus"
CYRILLIC = [
    "htmldate__aif.ru-1742998174",
    "fundus__ru-Kommersant",
    "htmldate__tass.ru-1647262025",
    "htmldate__inform.kz-1784458132",
    "htmldate__mk.ru-1719330438",
]
_META_CHARSET = re.compile(r"<meta[^>]*charset[^>]*>", re.IGNORECASE)


def _load(name: str) -> tuple[str, dict[str, object]]:
    text = decode((CORPUS / f"{name}.html").read_bytes())
    truth = json.loads((CORPUS / f"{name}.json").read_text("utf-8"))
    return str(text), truth


def _reencode(text: str, codec: str, *, declare: bool) -> bytes:
    """The page in another charset, its <meta> changed to say so (or removed)."""
    meta = f'<meta charset="{codec}">' if declare else ""
    text = _META_CHARSET.sub("", text)
    text = re.sub(r"<head([^>]*)>", lambda m: f"<head{m.group(1)}>{meta}", text, count=1)
    return text.encode(codec, "replace")


def _headline(data: bytes, **kwargs: object) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nhtml.loads(data, **kwargs).headline  # type: ignore[arg-type]


@pytest.mark.parametrize("name", CYRILLIC)
@pytest.mark.parametrize("codec", ["windows-1251", "koi8-r"])
@pytest.mark.parametrize("declare", [True, False], ids=["declared", "detected"])
def test_cyrillic_page_in_single_byte_charsets(name: str, codec: str, declare: bool) -> None:  # noqa: FBT001
    text, truth = _load(name)
    data = _reencode(text, codec, declare=declare)
    assert _headline(data) == " ".join(str(truth["headline"]).split())


@pytest.mark.parametrize("name", CYRILLIC)
def test_pages_without_early_declaration_are_utf8(name: str) -> None:
    data = (CORPUS / f"{name}.html").read_bytes()
    assert detect(data) == "utf-8"
    assert decode(data).encoding == "utf-8"


def test_hint_wins_over_meta() -> None:
    data = '<meta charset="utf-8"><title>Привет</title>'.encode("cp1251")
    assert decode(data, "windows-1251") == '<meta charset="utf-8"><title>Привет</title>'
    assert _headline(data, encoding="windows-1251") == "Привет"


def test_bom_wins_over_everything() -> None:
    page = '<meta charset="koi8-r"><title>Привет</title>'
    assert decode(b"\xef\xbb\xbf" + page.encode()).encoding == "utf-8"
    assert decode("\ufeff".encode("utf-16-le") + page.encode("utf-16-le")) == page


def test_http_equiv_declaration() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Привет</title>'
    )
    assert _headline(page.encode("koi8-r")) == "Привет"


def test_latin1_label_means_windows_1252() -> None:
    page = '<meta charset="iso-8859-1"><title>Grüße – “Zitat”</title>'
    assert _headline(page.encode("cp1252")) == "Grüße – “Zitat”"


def test_western_single_byte_page_is_not_taken_for_cyrillic() -> None:
    page = "<title>Die Straße führt über Zürich nach Köln</title>"
    assert detect(page.encode("cp1252")) == "cp1252"


@pytest.mark.parametrize(
    ("declared", "codec"),
    [
        ("utf-8", "utf-8"),
        ("windows-1251", "cp1251"),
        ("koi8-r", "koi8-r"),
        ("iso-8859-5", "iso8859-5"),
    ],
)
def test_control_characters_are_removed(declared: str, codec: str) -> None:
    page = f'<meta charset="{declared}"><title>Заголовок\x00 статьи\x1b</title><p>Текст\x07.</p>'
    assert nhtml.loads(page.encode(codec)).headline == "Заголовок статьи"


@pytest.mark.parametrize(
    "data",
    [
        b"<p>a\x00b\x1bc\x7f</p>",
        b"<p>\xc2\x85 \xc2\x80 \xd0\x1b\x80</p>",  # C1 in UTF-8; controls inside bad UTF-8
        b'<meta charset="iso-8859-5"><p>\x80\x9f\xb0</p>',  # bytes that decode to C1
        b'<meta charset="iso-2022-jp"><p>\x1b$B\x30\x21\x1b(B</p>',  # escapes are not controls
        b"\xff\xfe<\x00p\x00>\x00\x01\x00",  # UTF-16
    ],
)
def test_clean_decoding_matches_scrubbing_the_text(data: bytes) -> None:
    assert str(decode_clean(data)) == scrub(decode(data))


def _relabel(text: str, declared: str, codec: str) -> bytes:
    """The page encoded in ``codec`` under a <meta> that says ``declared``."""
    text = _META_CHARSET.sub("", text)
    meta = f'<meta charset="{declared}">'
    text = re.sub(r"<head([^>]*)>", lambda m: f"<head{m.group(1)}>{meta}", text, count=1)
    return text.encode(codec, "replace")


@pytest.mark.parametrize("name", CYRILLIC)
@pytest.mark.parametrize(
    ("declared", "codec"),
    [
        ("utf-8", "windows-1251"),
        ("utf-8", "koi8-r"),
        ("windows-1251", "utf-8"),
        ("koi8-r", "utf-8"),
    ],
)
def test_a_lying_declaration_is_overridden_and_reported(
    name: str, declared: str, codec: str
) -> None:
    text, truth = _load(name)
    data = _relabel(text, declared, codec)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = nhtml.loads(data)
    assert article.headline == " ".join(str(truth["headline"]).split())
    assert "\ufffd" not in article.text
    notes = [str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)]
    label = normalize_label(declared)
    assert any(f"declares the charset {label}" in n and "read as" in n for n in notes), notes


def test_a_stray_broken_character_keeps_a_utf8_page_utf8() -> None:
    text, _ = _load(CYRILLIC[0])
    data = _relabel(text, "utf-8", "utf-8").replace("е".encode(), b"\xff", 1)
    decoded = decode(data)
    assert (decoded.encoding, decoded.overridden) == ("utf-8", None)


@pytest.mark.parametrize("name", CYRILLIC)
def test_broken_bytes_in_a_utf8_page_are_reported_with_the_first_place(name: str) -> None:
    text, truth = _load(name)
    data = _relabel(text, "utf-8", "utf-8")
    # A stray byte in a letter of the body, and a sequence cut after two of its three bytes.
    cut = data.rindex("е".encode())
    data = data[:cut] + b"\xff" + data[cut + 2 :]
    cut = data.rindex(b"</p>")
    data = data[:cut] + b"\xe2\x80" + data[cut:]
    replaced = data.decode("utf-8", "replace")
    at = replaced.index("\ufffd")
    line, column = replaced.count("\n", 0, at) + 1, at - replaced.rfind("\n", 0, at)
    with pytest.warns(LossyConversionWarning) as caught:
        article = nhtml.loads(data)
    assert article.headline == " ".join(str(truth["headline"]).split())
    notes = " ".join(str(w.message) for w in caught)
    assert (
        f"3 bytes could not be decoded as utf-8 and became U+FFFD (the first at line {line},"
        f" column {column})"
    ) in notes


def test_a_page_that_decodes_gives_no_replacement_warning() -> None:
    page = '<meta charset="utf-8"><title>Заголовок</title><p>Текст \ufffd уже был.</p>'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nhtml.loads(page.encode()).headline == "Заголовок"
    decoded = decode(page.encode())
    assert (decoded.replaced, decoded.replaced_at) == (0, None)


def test_a_broken_utf16_page_is_reported() -> None:
    data = "<title>Заголовок</title>\n<p>Текст.</p>".encode("utf-16") + b"\x00"
    with pytest.warns(
        LossyConversionWarning,
        match=r"1 byte could not be decoded as utf-16-le "
        r"and became U\+FFFD \(the first at line 2, column 14\)",
    ):
        nhtml.loads(data)


_BOM_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@given(
    st.lists(
        st.one_of(st.text(max_size=20).map(lambda t: t.encode()), st.binary(max_size=4)),
        max_size=20,
    ).map(b"".join),
    st.sampled_from([None, "utf-8", "windows-1251", "windows-1252", "koi8-r"]),
)
def test_every_byte_not_decoded_is_counted(data: bytes, hint: str | None) -> None:
    assume(not data.startswith(_BOM_STARTS))
    decoded = decode(data, hint)
    assume(b"\xef\xbf\xbd" not in data or decoded.encoding != "utf-8")
    # What was decoded encodes back to the bytes it came from; the rest was replaced.
    kept = decoded.replace("\ufffd", "").encode(decoded.encoding)
    assert decoded.replaced == len(data) - len(kept)
    assert (decoded.replaced_at is None) == (decoded.replaced == 0)


def test_a_true_declaration_is_not_reported() -> None:
    data = '<meta charset="windows-1251"><title>Привет</title>'.encode("cp1251")
    assert decode(data).overridden is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nhtml.loads(data).headline == "Привет"


# Characters outside GB2312 that GBK and GB18030 hold ("镕", "堃", "喆"), as pages really use.
_CHINESE = "<title>朱镕基与王堃、陶喆</title><p>新华社北京电：促进航天技术更好惠及人民。</p>"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gbk"),
        ("GBK", "gbk"),
        ("x-gbk", "gb18030"),
        ("GB18030", "gb18030"),
        ("Shift_JIS", "cp932"),
        ("euc-kr", "cp949"),
        ("big5", "big5hkscs"),
    ],
)
def test_east_asian_labels_are_read_as_browsers_read_them(label: str, codec: str) -> None:
    text = {"cp932": "<title>①髙島屋の記事</title>", "cp949": "<title>똠방각하 기사</title>"}
    page = text.get(codec, _CHINESE if codec != "big5hkscs" else "<title>香港新聞</title>")
    data = f'<meta charset="{label}">{page}'.encode(codec)
    decoded = decode(data)
    assert (decoded.replaced, decoded.overridden) == (0, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nhtml.loads(data).headline == re.search("<title>(.*)</title>", page)[1]  # type: ignore[index]


def test_a_utf8_page_that_declares_gb2312_is_read_as_utf8() -> None:
    data = f'<meta charset="gb2312">{_CHINESE}'.encode()
    with pytest.warns(LossyConversionWarning, match="read as utf-8"):
        article = nhtml.loads(data)
    assert article.headline == "朱镕基与王堃、陶喆"
