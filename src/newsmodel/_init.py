"""Constructors for the model classes, generated from their attrs fields, that skip idle work.

attrs' own ``__init__`` calls every field's converter, default values included, and sets each
field through a bound ``object.__setattr__``. The one :func:`install` writes does the same
work with the same signature, and leaves out only calls whose result is known:

- a value that *is* the field's default object becomes the converted default, computed once
  (the converters are pure functions: ``language="ru"`` gives ``"ru"`` every time);
- a one-line text field (its converter registered with :func:`text_fields`) holding a string
  that no text rule changes is kept as it is, tested inline (:data:`CLEAN_LINE`); any other
  value goes through the converter, which cleans it or raises;
- fields are set through their slots' descriptors, bypassing the frozen ``__setattr__``.

Validators, ``__attrs_post_init__`` and every other converter call stay. The original
constructors are kept in :data:`ATTRS_INITS`, so that a test can check that both give the same
object, or the same error, for any input.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs

__all__ = ["ATTRS_INITS", "CLEAN_LINE", "install", "text_fields"]

#: A test, as a Python expression over ``{v}``, that ``{v}`` is a non-blank str that every
#: text rule leaves as it is: printable (no control, surrogate, invisible or whitespace
#: character other than the plain space; see :mod:`newsmodel._textrules`), no two spaces in a
#: row, none at either end, and NFC. Anything else takes the converter.
CLEAN_LINE = (
    'type({v}) is str and {v} and {v}[0] != " " != {v}[-1] and {v}.isprintable() '
    'and "  " not in {v} and ({v}.isascii() or _nfc("NFC", {v}))'
)

#: Each class's constructor as attrs generated it, before :func:`install` replaced it.
ATTRS_INITS: dict[type, Any] = {}

_REQUIRED_TEXT: set[object] = set()
_OPTIONAL_TEXT: set[object] = set()


def text_fields(*converters: object, required: bool = False) -> None:
    """Register converters that are exactly ``required_text`` or ``optional_text`` of a field.

    ``required_text``: a non-blank str after the text rules, else an error. ``optional_text``:
    ``None`` stays ``None``, blank text becomes ``None``. A clean string is kept by both.
    """
    (_REQUIRED_TEXT if required else _OPTIONAL_TEXT).update(converters)


def install(cls: type) -> None:
    """Replace the attrs-generated ``__init__`` of ``cls`` by the generated fast one."""
    fields = attrs.fields(cls)
    scope: dict[str, Any] = {"_nfc": unicodedata.is_normalized}
    params: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for a in fields:
        if not a.init:
            msg = f"{cls.__name__}.{a.name}: fields outside the constructor are not supported"
            raise TypeError(msg)
        name = a.alias
        default = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            msg = f"{cls.__name__}.{a.name}: factory defaults are not supported"
            raise TypeError(msg)
        param = name if default is attrs.NOTHING else f"{name}=_d_{a.name}"
        (keyword if a.kw_only else params).append(param)
        scope[f"_d_{a.name}"] = default
        scope[f"_c_{a.name}"] = a.converter
        scope[f"_set_{a.name}"] = cls.__dict__[a.name].__set__
        body.extend(_convert(a, name, scope))
        body.append(f"    _set_{a.name}(self, {name})")
        if a.validator is not None:
            scope[f"_v_{a.name}"] = a.validator
            scope[f"_a_{a.name}"] = a
    # As attrs does: the validators run once every field is set.
    body.extend(f"    _v_{a.name}(self, _a_{a.name}, self.{a.name})" for a in fields if a.validator)
    if hasattr(cls, "__attrs_post_init__"):
        body.append("    self.__attrs_post_init__()")
    signature = ", ".join(["self", *params, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(compile(source, f"<newsmodel fast init {cls.__qualname__}>", "exec"), scope)  # noqa: S102
    init = scope["__init__"]
    original = cls.__init__  # type: ignore[misc]
    init.__qualname__ = original.__qualname__
    init.__module__ = original.__module__
    init.__doc__ = original.__doc__
    init.__annotations__ = dict(original.__annotations__)
    ATTRS_INITS[cls] = original
    cls.__init__ = init  # type: ignore[misc]


def _convert(a: attrs.Attribute[Any], name: str, scope: dict[str, Any]) -> list[str]:
    """The lines that turn the argument ``name`` into the value of the field ``a``."""
    converter = a.converter
    if converter is None:
        return []
    convert = f"{name} = _c_{a.name}({name})"
    clean = CLEAN_LINE.format(v=name)
    if converter in _REQUIRED_TEXT:
        test = f"not ({clean})"
    elif converter in _OPTIONAL_TEXT:
        test = f"{name} is not None and not ({clean})"
    else:
        test = ""
    if a.default is attrs.NOTHING:
        return [f"    if {test}:", f"        {convert}"] if test else [f"    {convert}"]
    # The converted default, once: the converters are pure, a default gives the same value.
    converted = scope[f"_cd_{a.name}"] = converter(a.default)  # type: ignore[operator]
    if converted is a.default:  # the default as it is: nothing to do for it
        test = f"{name} is not _d_{a.name}" + (f" and {test}" if test else "")
        return [f"    if {test}:", f"        {convert}"]
    lines = [f"    if {name} is _d_{a.name}:", f"        {name} = _cd_{a.name}"]
    lines += [f"    elif {test}:" if test else "    else:", f"        {convert}"]
    return lines
