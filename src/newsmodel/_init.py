"""Constructors for the model classes, generated from their attrs fields, that skip idle work.

attrs' own ``__init__`` calls every field's converter, default values included, and sets each
field through a bound ``object.__setattr__``. The one :func:`install` writes does the same
work with the same signature, and leaves out only calls whose result is known:

- a value that *is* the field's default object becomes the converted default, computed once
  (the converters are pure functions: ``language="ru"`` gives ``"ru"`` every time);
- a one-line text field (its converter registered with :func:`text_fields`) holding a string
  that no text rule changes is kept as it is, tested inline (:data:`CLEAN_LINE`); any other
  value goes through the converter, which cleans it or raises;
- fields are set through their slots' descriptors, bypassing the frozen ``__setattr__``; a
  class of many fields has its fields set by plain attribute stores, while the object is, for
  those lines only, of a private subclass that adds nothing but the ordinary ``__setattr__``
  (a call of a slot's descriptor costs some ten times a store the interpreter does itself).

Validators, ``__attrs_post_init__`` and every other converter call stay. The original
constructors are kept in :data:`ATTRS_INITS`, so that a test can check that both give the same
object, or the same error, for any input.

:func:`builder` writes, from the same fields, a function that builds an object from a dict of
its arguments (a reader's object of named values), as ``cls(**values)`` would, without the
call's keyword matching, and with a reader's own step for some values (nested objects read
first).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs

__all__ = ["ATTRS_INITS", "CLEAN_LINE", "builder", "install", "keeps", "text_fields"]

#: A test, as a Python expression over ``{v}``, that ``{v}`` is a non-blank str that every
#: text rule leaves as it is: printable (no control, surrogate, invisible or whitespace
#: character other than the plain space; see :mod:`newsmodel._textrules`), no two spaces in a
#: row, none at either end, and NFC. Anything else takes the converter.
CLEAN_LINE = (
    'type({v}) is str and {v} and {v}.isprintable() and "  " not in {v} '
    'and {v}.strip(" ") is {v} and ({v}.isascii() or _nfc("NFC", {v}))'
)

# ``text.strip(" ") is text``: no space at either end, in one call. CPython gives back the str
# itself when there is nothing to strip; where an interpreter gives a copy, the test says no
# and the converter, which keeps clean text, runs.

#: Each class's constructor as attrs generated it, before :func:`install` replaced it.
ATTRS_INITS: dict[type, Any] = {}

#: For a converter, a test over ``{v}`` that is true only of values it returns as they are.
_KEEPS: dict[object, str] = {}
#: The names those tests use, in every generated constructor's scope.
_NAMES: dict[str, object] = {"_nfc": unicodedata.is_normalized}


def text_fields(*converters: object, required: bool = False) -> None:
    """Register converters that are exactly ``required_text`` or ``optional_text`` of a field.

    ``required_text``: a non-blank str after the text rules, else an error. ``optional_text``:
    ``None`` stays ``None``, blank text becomes ``None``. A clean string is kept by both.
    """
    for converter in converters:
        _KEEPS[converter] = CLEAN_LINE if required else "{v} is None or " + CLEAN_LINE


def keeps(converter: object, test: str, **names: object) -> None:
    """Register ``test``: true only of values that ``converter`` returns as they are.

    ``test`` is a Python expression over ``{v}``; the generated constructors keep a value it
    holds for without the call. ``names`` are the names it uses besides the builtins, each
    with a leading underscore.
    """
    _KEEPS[converter] = test
    _NAMES.update(names)


def install(cls: type, *, post_init_if: str | None = None) -> None:
    """Replace the attrs-generated ``__init__`` of ``cls`` by the generated fast one.

    ``post_init_if``: a Python expression over the constructor's converted arguments that is
    true whenever ``__attrs_post_init__`` could refuse anything; for an object of exactly
    ``cls``, the check is called only then (a subclass's own check is always called).
    """
    fields = attrs.fields(cls)
    scope: dict[str, Any] = {**_NAMES, "_cls": cls}
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
        _name_field(cls, a, scope)
        body.extend(_convert(a, name, scope))
    # Every value is converted before any is set: converters do not read the object.
    body.extend(_store(cls, fields, scope))
    # As attrs does: the validators run once every field is set.
    body.extend(f"    _v_{a.name}(self, _a_{a.name}, self.{a.name})" for a in fields if a.validator)
    if hasattr(cls, "__attrs_post_init__"):
        if post_init_if is not None:
            body.append(f"    if type(self) is not _cls or {post_init_if}:")
        body.append(f"    {'    ' if post_init_if else ''}self.__attrs_post_init__()")
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
    _POST_INIT_IF[cls] = post_init_if
    cls.__init__ = init  # type: ignore[misc]


def _name_field(cls: type, a: attrs.Attribute[Any], scope: dict[str, Any]) -> None:
    """Name the field ``a``'s parts in the scope of generated code.

    Its default, converter and slot setter (``_d_``, ``_c_``, ``_set_`` and the field's name);
    its validator and attribute (``_v_``, ``_a_``) when it has a validator.
    """
    scope[f"_d_{a.name}"] = a.default
    scope[f"_c_{a.name}"] = a.converter
    scope[f"_set_{a.name}"] = cls.__dict__[a.name].__set__
    if a.validator is not None:
        scope[f"_v_{a.name}"] = a.validator
        scope[f"_a_{a.name}"] = a


def builder(
    cls: type,
    reads: dict[str, str] | None = None,
    *,
    final: frozenset[str] = frozenset(),
    ignore: frozenset[str] = frozenset(),
    **names: object,
) -> Any:  # noqa: ANN401 - a function of one dict
    """A function that builds an object of exactly ``cls`` from a dict of its arguments.

    ``build(values)`` gives what ``cls(**values)`` gives (the same value, or an error), after
    ``reads`` turned some values: each is a Python expression over ``{v}``, the value of that
    key, applied when the key is given and its value is not the field's default object (a
    JSON ``null`` for a field whose default is ``None``). A key named in ``final`` is one whose
    read gives the value its converter would keep: the converter is not called. Keys in
    ``ignore`` are passed over; any other key the class has no argument for raises
    :class:`TypeError`, and a missing required one :class:`KeyError`. ``names`` are the names
    the reads use.
    """
    fields = attrs.fields(cls)
    scope: dict[str, Any] = {**_NAMES, **names, "_cls": cls, "_new": object.__new__}
    scope["_keys"] = frozenset(a.alias for a in fields) | ignore
    body = [
        "    if not _values.keys() <= _keys:",
        "        raise TypeError(_values.keys() - _keys)",
    ]
    for a in fields:
        _name_field(cls, a, scope)
        body.extend(_read(a, (reads or {}).get(a.alias), scope, final=a.alias in final))
    body.append("    self = _new(_cls)")
    body.extend(f"    {line}" for line in _exact_store(cls, fields, scope))
    body.extend(f"    _v_{a.name}(self, _a_{a.name}, self.{a.name})" for a in fields if a.validator)
    if hasattr(cls, "__attrs_post_init__"):
        condition = _POST_INIT_IF.get(cls)
        if condition is not None:
            body.append(f"    if {condition}:")
        body.append(f"    {'    ' if condition else ''}self.__attrs_post_init__()")
    source = "def build(_values):\n" + "\n".join([*body, "    return self"]) + "\n"
    exec(compile(source, f"<newsmodel builder {cls.__qualname__}>", "exec"), scope)  # noqa: S102
    return scope["build"]


def _read(
    a: attrs.Attribute[Any], read: str | None, scope: dict[str, Any], *, final: bool
) -> list[str]:
    """The lines of a builder that take the argument of the field ``a`` from ``_values``."""
    name = str(a.alias)
    if a.default is attrs.NOTHING:
        lines = [f"    {name} = _values[{name!r}]"]
        if read is not None:
            lines.append(f"    {name} = {read.format(v=name)}")
    else:
        lines = [f"    {name} = _values.get({name!r}, _d_{a.name})"]
        if read is not None:
            lines += [
                f"    if {name} is not _d_{a.name}:",
                f"        {name} = {read.format(v=name)}",
            ]
    if type(a.default) is str:  # a read str equal to the default: its converted default
        test = f"type({name}) is str and {name} == _d_{a.name}"
        lines += [f"    if {test}:", f"        {name} = _d_{a.name}"]
    if not final:
        return lines + _convert(a, name, scope)
    if a.default is not attrs.NOTHING and a.converter is not None:
        converted = scope[f"_cd_{a.name}"] = a.converter(a.default)  # type: ignore[operator]
        if converted is not a.default:
            lines += [f"    if {name} is _d_{a.name}:", f"        {name} = _cd_{a.name}"]
    return lines


#: A class of this many fields or more sets them through a builder subclass (see above).
_MANY_FIELDS = 4


def _store(cls: type, fields: tuple[attrs.Attribute[Any], ...], scope: dict[str, Any]) -> list[str]:
    """The lines that set every field of ``self`` to its converted value."""
    calls = [f"_set_{a.name}(self, {a.alias})" for a in fields]
    if len(fields) < _MANY_FIELDS:
        return [f"    {call}" for call in calls]
    # An object of another subclass (one that inherits this constructor) is set through the
    # descriptors.
    exact = [f"        {line}" for line in _exact_store(cls, fields, scope)]
    return ["    if type(self) is _cls:", *exact, "    else:", *(f"        {c}" for c in calls)]


def _exact_store(
    cls: type, fields: tuple[attrs.Attribute[Any], ...], scope: dict[str, Any]
) -> list[str]:
    """The lines, not indented, that set every field of ``self``, an object of exactly ``cls``."""
    if len(fields) < _MANY_FIELDS:
        return [f"_set_{a.name}(self, {a.alias})" for a in fields]
    # The object becomes, while its fields are stored, an object of a subclass with the same
    # slots and the ordinary __setattr__ and __delattr__: stores to its slots are then plain
    # attribute stores. Nothing between the two class changes can raise, so no object of the
    # builder class is ever seen outside these lines.
    if cls not in _BUILDER_CLASSES:
        plain = {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
        }
        _BUILDER_CLASSES[cls] = type(f"_{cls.__name__}Builder", (cls,), plain)
    scope["_builder"] = _BUILDER_CLASSES[cls]
    scope["_set_class"] = object.__dict__["__class__"].__set__
    stores = [f"self.{a.name} = {a.alias}" for a in fields]
    return ["_set_class(self, _builder)", *stores, "self.__class__ = _cls"]


#: The builder subclass of each class of many fields (see :func:`_exact_store`).
_BUILDER_CLASSES: dict[type, type] = {}
#: Each installed class's ``post_init_if``.
_POST_INIT_IF: dict[type, str | None] = {}


def _convert(a: attrs.Attribute[Any], name: str, scope: dict[str, Any]) -> list[str]:
    """The lines that turn the argument ``name`` into the value of the field ``a``."""
    converter = a.converter
    if converter is None:
        return []
    convert = f"{name} = _c_{a.name}({name})"
    kept = _KEEPS.get(converter)
    test = "" if kept is None else f"not ({kept.format(v=name)})"
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
