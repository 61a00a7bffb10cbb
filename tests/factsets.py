"""Questions the phrasing tests ask of a `facts` set ((subject, relation, object) by canonical name)."""

from __future__ import annotations


def people(got) -> set[str]:
    return {s for s, p, o in got if p == "a" and o == "Person"}


def of_type(got, kind: str) -> set[str]:
    return {s for s, p, o in got if p == "a" and o == kind}


def event(got, relation: str) -> set[str]:
    """The objects of the article's event by `relation` (its speakers, its places, ...)."""
    return {o for s, p, o in got if s == "EVENT" and p == relation}
