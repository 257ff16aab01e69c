"""The guard itself tells a linear cost from a quadratic one."""

from __future__ import annotations

from cputime import assert_linear, growth


def _quadratic(items: object) -> int:
    assert isinstance(items, list)
    seen: list[int] = []
    for item in items:
        if item not in seen:  # a list searched for every item: the bookkeeping to avoid
            seen.append(item)
    return len(seen)


def test_a_linear_pass_is_accepted() -> None:
    # A pass in Python, some tens of milliseconds a run: a C pass of a millisecond is noise.
    assert_linear(lambda n: "ab" * n, lambda text: sum(ch == "b" for ch in text), 200_000)  # type: ignore[attr-defined]


def test_a_quadratic_pass_is_refused() -> None:
    # A busy machine can blur one measure (a slow sample of the small run); a quadratic cost
    # shows again when measured again, up to three times.
    ratio = 0.0
    for _ in range(3):
        ratio = max(ratio, growth(lambda n: list(range(n)), _quadratic, 1_000))
        if ratio > 3.0:
            break
    assert ratio > 3.0
    # The guard forgives a miss a busy machine can blur; the quadratic pass must still be
    # refused in one of three tries, and refused for its growth.
    assert any("doubling the input" in _refusal() for _ in range(3))


def _refusal() -> str:
    """The guard's message on the quadratic pass, or "" when it let the pass through."""
    try:
        assert_linear(lambda n: list(range(n)), _quadratic, 1_000)
    except AssertionError as exc:
        return str(exc)
    return ""
