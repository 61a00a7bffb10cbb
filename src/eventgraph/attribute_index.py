"""The model's attribute rules (POS, morphology, lemma exceptions), looked up instead of matched.

spaCy's AttributeRuler runs a Matcher over ~180 patterns, trying every pattern
at every token; in en_core_web_sm that costs a fifth of the whole pipeline.
Its patterns are short and test a few token attributes with exact values
("TAG is NN", "LOWER is 'is' and TAG is VBZ"), so each can be found by a
dictionary lookup at one token and checked at its neighbours.
`IndexedAttributeRuler` does that, hands the Matcher any pattern it cannot
read (operators, other attributes), and applies the matched rules in the
AttributeRuler's own order, so the tokens come out exactly as the model's
ruler leaves them (tested on the samples and a generated corpus).
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# The token attributes a readable pattern may test, as the Matcher names them; a token's row of
# values (hashes; IS_SPACE as 0/1) comes from Doc.to_array in this order.
_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class _Check:
    """One constraint on the token `offset` places after the pattern's anchor token."""

    offset: int
    column: int
    kind: str  # "in", "not_in" (sets of hashes) or "regex" (on the attribute's string)
    value: Any


@dataclass(frozen=True)
class _Pattern:
    """A pattern compiled for lookup: found by its anchor token's exact values, then checked."""

    rule: int
    anchor: int  # the anchor token's position in the pattern
    length: int
    target: int  # the position of the token the rule annotates
    checks: tuple[_Check, ...]


class IndexedAttributeRuler:
    """A drop-in for a trained AttributeRuler: same rules, same results, found by lookup."""

    def __init__(self, ruler: "AttributeRuler"):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.columns = [{"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}[name] for name in _ATTRIBUTES]
        self.matcher = Matcher(self.vocab)  # what lookup cannot read
        tables: dict[tuple[int, ...], dict[tuple[int, ...], list[_Pattern]]] = {}
        self.everywhere: list[_Pattern] = []  # patterns with no exact value to look up
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                compiled = self._compile(rule, pattern, self.indices[rule])
                if compiled is None:
                    self.matcher.add(str(rule), [pattern])
                    continue
                key_columns, key_rows, found = compiled
                if not key_columns:
                    self.everywhere.append(found)
                    continue
                table = tables.setdefault(key_columns, {})
                for values in key_rows:
                    table.setdefault(values, []).append(found)
        # a row's key for each table, by itemgetter (a lone column's key is the value itself)
        self.tables = [
            (operator.itemgetter(*key_columns), table if len(key_columns) > 1 else {values[0]: found for values, found in table.items()})
            for key_columns, table in tables.items()
        ]

    def _hash(self, value: Any) -> int:
        return int(value) if isinstance(value, bool) else self.vocab.strings.add(value)

    def _compile(self, rule: int, pattern: list[dict], index: int):
        """(key columns, every tuple of key values, the compiled pattern), or None for the Matcher."""
        if not pattern or not -len(pattern) <= index < len(pattern):
            return None
        if any(not token or any(name not in _ATTRIBUTES for name in token) for token in pattern):
            return None  # operators ("OP"), other attributes: the Matcher's business
        anchor = next((k for k, token in enumerate(pattern) if any(_is_exact(v) for v in token.values())), 0)
        key_columns: list[int] = []
        key_choices: list[list[int]] = []
        checks: list[_Check] = []
        for k, token in enumerate(pattern):
            for name, value in token.items():
                column = _ATTRIBUTES.index(name)
                if k == anchor and _is_exact(value):
                    key_columns.append(column)
                    key_choices.append([self._hash(v) for v in _exact_values(value)])
                    continue
                check = self._check(k - anchor, column, value)
                if check is None:
                    return None
                checks.append(check)
        found = _Pattern(rule, anchor, len(pattern), index % len(pattern), tuple(checks))
        return tuple(key_columns), list(itertools.product(*key_choices)), found

    def _check(self, offset: int, column: int, value: Any) -> _Check | None:
        if isinstance(value, (str, bool)):
            return _Check(offset, column, "in", frozenset([self._hash(value)]))
        if not isinstance(value, dict) or len(value) != 1:
            return None
        (kind, argument), = value.items()
        if kind in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, str) for v in argument):
            return _Check(offset, column, kind.lower(), frozenset(self._hash(v) for v in argument))
        if kind == "REGEX" and isinstance(argument, str) and _ATTRIBUTES[column] != "IS_SPACE":
            return _Check(offset, column, "regex", re.compile(argument))
        return None

    def __call__(self, doc: "Doc") -> "Doc":
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        rows = doc.to_array(self.columns).tolist()
        strings = doc.vocab.strings
        hits: set[tuple[int, int]] = set()  # (rule, token)
        for i, row in enumerate(rows):
            for key_of, table in self.tables:
                found = table.get(key_of(row))
                if found:
                    for pattern in found:
                        start = i - pattern.anchor
                        if not pattern.checks or self._holds(pattern, rows, i, start, strings):
                            hits.add((pattern.rule, start + pattern.target))
            for pattern in self.everywhere:
                if self._holds(pattern, rows, i, i - pattern.anchor, strings):
                    hits.add((pattern.rule, i - pattern.anchor + pattern.target))
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                hits.add((rule, doc[start:end][self.indices[rule]].i))
        for rule, i in sorted(hits):  # the AttributeRuler's order: later rules win
            set_token_attrs(doc[i], self.attrs[rule])
        return doc

    @staticmethod
    def _holds(pattern: _Pattern, rows: list[list[int]], anchor: int, start: int, strings) -> bool:
        if start < 0 or start + pattern.length > len(rows):
            return False
        for check in pattern.checks:
            value = rows[anchor + check.offset][check.column]
            if check.kind == "in":
                ok = value in check.value
            elif check.kind == "not_in":
                ok = value not in check.value
            else:
                ok = check.value.search(strings[value]) is not None
            if not ok:
                return False
        return True


def _exact_values(value: Any) -> list | None:
    """The values a lookup can key on: a string, a flag, or an IN list of strings; else None."""
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list) and all(isinstance(v, str) for v in value["IN"]):
        return value["IN"]
    return None


def _is_exact(value: Any) -> bool:
    return _exact_values(value) is not None


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's trained AttributeRuler for its indexed equivalent, under the same name."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return
    nlp.add_pipe("eventgraph_indexed_attributes", name=f"{name}_indexed", after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name}_indexed", name)


@Language.factory("eventgraph_indexed_attributes", default_config={"source": "attribute_ruler"})
def make_indexed_attribute_ruler(nlp: Language, name: str, source: str) -> IndexedAttributeRuler:
    """The indexed form of the pipeline's AttributeRuler named `source`."""
    return IndexedAttributeRuler(nlp.get_pipe(source))
