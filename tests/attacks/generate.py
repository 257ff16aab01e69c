"""Generators of the attack inputs that are too big to store.

Each function returns the bytes of one input; ``cases.toml`` names it under ``generate`` with
its ``args``. They are deterministic, so a failing case can be rebuilt from the manifest.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
MB = 1024 * 1024


# --- JSON ----------------------------------------------------------------------------------


def json_nested_arrays(depth: int) -> bytes:
    """``[[[[...]]]]`` as the value of a field."""
    return b'{"headline": "x", "sections": ' + b"[" * depth + b"]" * depth + b"}"


def json_nested_emphasis(depth: int) -> bytes:
    """Emphasis inside emphasis, ``depth`` levels deep, inside one paragraph."""
    inner = '{"type": "emphasis", "content": [' * depth + '"x"' + "]}" * depth
    return (
        '{"headline": "x", "sections": [{"heading": null, "blocks": '
        f'[{{"type": "paragraph", "content": [{inner}]}}]}}]}}'
    ).encode()


def json_huge_integer(digits: int) -> bytes:
    """A version number with ``digits`` digits."""
    return b'{"headline": "x", "version": 1' + b"0" * digits + b"}"


def json_long_paragraph(megabytes: int) -> bytes:
    """One paragraph of ``megabytes`` MB of words."""
    words = "Казахстан news " * (megabytes * MB // 24)
    return (
        '{"headline": "x", "sections": [{"heading": null, "blocks": '
        f'[{{"type": "paragraph", "content": ["{words}"]}}]}}]}}'
    ).encode()


def json_many_tags(count: int) -> bytes:
    """``count`` tags."""
    tags = ", ".join(f'"тег {i}"' for i in range(count))
    return f'{{"headline": "x", "tags": [{tags}]}}'.encode()


def json_many_paragraphs(count: int) -> bytes:
    """One section of ``count`` paragraphs."""
    blocks = ", ".join(['{"type": "paragraph", "content": ["Абзац."]}'] * count)
    return f'{{"headline": "x", "sections": [{{"heading": null, "blocks": [{blocks}]}}]}}'.encode()


# --- plain text ----------------------------------------------------------------------------


def text_many_paragraphs(count: int) -> bytes:
    """A masthead, a headline and ``count`` paragraphs."""
    return ("САЙТ\n\nЗаголовок\n\n" + "Абзац.\n\n" * count).encode()


def text_long_line(megabytes: int) -> bytes:
    """A paragraph that is one line of ``megabytes`` MB."""
    return ("САЙТ\n\nЗаголовок\n\nАнонс.\n\n" + "слово " * (megabytes * MB // 12)).encode()


def text_long_headline(megabytes: int) -> bytes:
    """A headline of ``megabytes`` MB (the slug is derived from it)."""
    return ("САЙТ\n\n" + "Заголовок " * (megabytes * MB // 20)).encode()


def text_many_blank_lines(count: int) -> bytes:
    """``count`` blank lines between the headline and a paragraph."""
    return b"SITE\n\nHeadline" + b"\n" * count + b"Paragraph."


def text_long_rubric_line(count: int) -> bytes:
    """A rubric line of ``count`` rubrics run together."""
    return ("САЙТ\n" + "Рубрика" * count + "\n\nЗаголовок").encode()


def text_repeated_phrases(count: int) -> bytes:
    """A lede of ``count`` source phrases, the input of the attribution patterns."""
    return ("САЙТ\n\nЗаголовок\n\n" + "слово, передает Kazinform " * count).encode()


def text_nul_flood(megabytes: int) -> bytes:
    """``megabytes`` MB of NUL bytes around a headline."""
    nuls = b"\x00" * (megabytes * MB // 2)
    return nuls + "САЙТ\n\nЗаголовок".encode() + nuls
