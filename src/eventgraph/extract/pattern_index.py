"""The domain patterns (patterns/*.jsonl) found by lookup instead of spaCy's Matcher.

spaCy's SpanRuler runs a Matcher that starts every pattern at every token and
reads every extension attribute of every token from Python first; over the
domain patterns that cost about a sixth of bare `nlp.pipe`. Nearly every
pattern has one token it cannot do without and that is found by an exact value
("embassy", a demonym flag), so `IndexedSpanRuler` looks those tokens up and
reads the pattern outwards from each: backwards for what comes before, forwards
for what comes after, trying every path through the operators. It gives the
spans spaCy's SpanRuler gives (all matches of every pattern, deduplicated and
sorted as the SpanRuler does; tested span for span), and refuses, with a
PatternError, any pattern feature it does not read the way the Matcher does,
rather than match it differently.

Read: token attributes (ORTH/TEXT, LOWER, NORM, LEMMA, TAG, POS, DEP, ENT_TYPE,
the IS_* and LIKE_* flags, LENGTH...), extension attributes (`_`), values, IN,
NOT_IN, REGEX and comparisons; OP `?`, `*`, `+`, `!`, `{n}`, `{n,m}`, `{,m}`,
`{n,}`; phrase patterns (strings, matched on ORTH). Refused: MORPH, FUZZY,
IS_SUBSET/IS_SUPERSET/INTERSECTS, predicates nested in REGEX, unknown keys.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from ..errors import PatternError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

ONE, OPTIONAL, STAR = 0, 1, 2  # how often an element matches: once, at most once, any number of times

# token attributes read from Doc.to_array, whose values there are the Matcher's (SENT_START is not: see _Columns)
_ATTRIBUTES = (
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "LEMMA", "POS", "TAG", "DEP",
    "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID", "SENT_START", "SPACY", "LANG",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_OOV", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
)
# attributes whose exact values are selective enough to look a pattern's anchor token up by
_LOOKUP_ATTRIBUTES = ("ORTH", "LOWER", "NORM", "LEMMA", "PREFIX", "SUFFIX", "SHAPE", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")
# attributes the Matcher refuses to read from a Doc that lacks them (Matcher(doc) without allow_missing)
_NEEDS_ANNOTATION = {"TAG": "tagger", "POS": "tagger+attribute_ruler", "LEMMA": "lemmatizer", "DEP": "parser"}
_COMPARISONS = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


@dataclass(frozen=True)
class _Test:
    """One condition on a token: `kind` of `value` on attribute `name` ("_" + name: an extension)."""

    name: str
    kind: str  # "eq", "in", "not_in", "regex" or one of _COMPARISONS
    value: Any


@dataclass(frozen=True)
class _Element:
    quantifier: int  # ONE, OPTIONAL or STAR
    spec: int  # the index of its conjunction of tests
    negated: bool  # OP "!": one token that does not satisfy the tests


@dataclass(frozen=True)
class _Run:
    """Elements read in one direction, with each element's epsilon closure (itself and the optional
    elements after it); index len(elements) is the accepting state."""

    elements: tuple[_Element, ...]
    closures: tuple[frozenset[int], ...]


@dataclass(frozen=True)
class _TokenPattern:
    key: int  # the index of its (label, id)
    anchor: int | None  # the element looked up; None: tried at every token
    anchor_test: _Test | None
    anchor_spec: int
    before: _Run  # the elements before the anchor, last first (all of them if there is no anchor)
    after: _Run  # the elements after the anchor


class IndexedSpanRuler:
    """A drop-in for spaCy's SpanRuler(spans_key=..., overwrite=True) over token and phrase patterns."""

    def __init__(self, nlp: "Language", patterns: Iterable[dict], *, spans_key: str, name: str = "eventgraph_patterns"):
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.keys: list[tuple[str, str]] = []  # (label, id), as the SpanRuler names a match
        self.specs: list[tuple[_Test, ...]] = []
        self.token_patterns: list[_TokenPattern] = []
        self.phrases: dict[int, list[tuple[tuple[int, ...], int]]] = {}  # first ORTH -> (ORTHs, key)
        self.attributes: set[str] = set()
        self.extensions: set[str] = set()
        key_index: dict[tuple[str, str], int] = {}
        spec_index: dict[tuple[_Test, ...], int] = {}
        for entry in patterns:
            if not isinstance(entry, dict):
                raise PatternError(f"a pattern is a dictionary with a 'label' and a 'pattern': {entry!r}")
            label, span_id = entry.get("label"), entry.get("id", "")
            if not isinstance(label, str) or not isinstance(span_id, str):
                raise PatternError(f"a pattern needs a string 'label' (and an optional string 'id'): {entry!r}")
            key = key_index.setdefault((label, span_id), len(key_index))
            if key == len(self.keys):
                self.keys.append((label, span_id))
            pattern = entry.get("pattern")
            if isinstance(pattern, str):
                orths = tuple(token.orth for token in nlp.make_doc(pattern))
                if orths:
                    self.phrases.setdefault(orths[0], []).append((orths, key))
            elif isinstance(pattern, list):
                self.token_patterns.append(self._compile(pattern, key, spec_index, entry))
            else:
                raise PatternError(f"a pattern is a list of token specifications or a string: {entry!r}")
        self.plain_extensions_readable = _extension_keys_hold()

    # --- compiling ---------------------------------------------------------------------------

    def _compile(self, pattern: list, key: int, spec_index: dict, entry: dict) -> _TokenPattern:
        if not pattern:
            raise PatternError(f"an empty token pattern matches nothing: {entry!r}")
        elements: list[_Element] = []
        for token_spec in pattern:
            if not isinstance(token_spec, dict):
                raise PatternError(f"each token of a pattern is a dictionary: {entry!r}")
            tests = self._tests(token_spec, entry)
            spec = spec_index.setdefault(tests, len(spec_index))
            if spec == len(self.specs):
                self.specs.append(tests)
            elements.extend(_Element(quantifier, spec, negated) for quantifier, negated in _operators(token_spec, entry))
        anchor, anchor_test = self._anchor(elements)
        if anchor is None:
            return _TokenPattern(key, None, None, -1, _run(()), _run(tuple(elements)))
        return _TokenPattern(key, anchor, anchor_test, elements[anchor].spec, _run(tuple(reversed(elements[:anchor]))), _run(tuple(elements[anchor + 1 :])))

    def _tests(self, spec: dict, entry: dict) -> tuple[_Test, ...]:
        tests: list[_Test] = []
        for raw_name, value in spec.items():
            if not isinstance(raw_name, str):
                raise PatternError(f"token attributes are named by strings: {entry!r}")
            name = raw_name.upper()
            if name == "OP":
                continue
            if name == "_":
                if not isinstance(value, dict):
                    raise PatternError(f"'_' takes a dictionary of extension attributes: {entry!r}")
                for extension, extension_value in value.items():
                    tests.extend(self._value_tests("_" + extension, extension_value, entry))
                    self.extensions.add(extension)
                continue
            name = {"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}.get(name, name)
            if name not in _ATTRIBUTES:
                raise PatternError(f"the indexed pattern matcher does not read the token attribute {raw_name!r}: {entry!r}")
            tests.extend(self._value_tests(name, value, entry))
            self.attributes.add(name)
        return tuple(tests)

    def _value_tests(self, name: str, value: Any, entry: dict) -> list[_Test]:
        extension = name.startswith("_")
        if isinstance(value, (str, bool, int)):
            return [_Test(name, "eq", self._value_id(name, value))]
        if not isinstance(value, dict):
            raise PatternError(f"{name.lstrip('_')} takes a string, a number, a flag or a dictionary of operators: {entry!r}")
        tests = []
        for raw_kind, argument in value.items():
            kind = raw_kind.upper() if isinstance(raw_kind, str) else raw_kind
            if kind in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, (str, int)) for v in argument):
                tests.append(_Test(name, kind.lower(), frozenset(_string_id(v) for v in argument)))
            elif kind == "REGEX" and isinstance(argument, str) and (extension or name in _LOOKUP_ATTRIBUTES or name in ("TAG", "POS", "DEP")):
                tests.append(_Test(name, "regex", re.compile(argument)))
            elif kind in _COMPARISONS and isinstance(argument, (int, float)) and not isinstance(argument, bool):
                tests.append(_Test(name, kind, argument))
            else:
                raise PatternError(
                    f"the indexed pattern matcher does not read {raw_kind!r} with {argument!r} on {name.lstrip('_')} "
                    f"(it reads values, IN and NOT_IN lists, REGEX on string attributes and comparisons): {entry!r}"
                )
        return tests

    def _value_id(self, name: str, value: Any) -> int:
        """The value as the Matcher compares it: a string's hash, a flag as 0/1, an IOB tag's index."""
        if isinstance(value, str):
            if name == "ENT_IOB":
                from spacy.tokens import Token

                if value in Token.iob_strings():
                    return Token.iob_strings().index(value)
            return self.vocab.strings.add(value)
        return int(value)

    def _anchor(self, elements: Sequence[_Element]) -> tuple[int | None, _Test | None]:
        """The element to look the pattern up by: one that must match exactly one token and has an
        exact value of a selective attribute (or an extension value other than its default)."""
        from spacy.tokens import Token

        best: tuple[tuple, int, _Test] | None = None
        for index, element in enumerate(elements):
            if element.quantifier != ONE or element.negated:
                continue
            for test in self.specs[element.spec]:
                if test.kind not in ("eq", "in"):
                    continue
                values = 1 if test.kind == "eq" else len(test.value)
                if test.name.startswith("_"):
                    default = Token.get_extension(test.name[1:])
                    if default is None or test.kind != "eq" or _matcher_id(self.vocab, default[0]) == test.value:
                        continue
                    rank = (1, values)
                elif test.name in _LOOKUP_ATTRIBUTES:
                    rank = (0 if test.name != "ENT_TYPE" else 2, values)
                else:
                    continue
                if best is None or rank < best[0]:
                    best = (rank, index, test)
        return (None, None) if best is None else (best[1], best[2])

    # --- matching ----------------------------------------------------------------------------

    def __call__(self, doc: "Doc") -> "Doc":
        doc.spans[self.spans_key] = self.match(doc)
        return doc

    def pipe(self, docs: Iterable["Doc"], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def match(self, doc: "Doc") -> list["Span"]:
        """Every match as a Span, deduplicated and sorted as the SpanRuler does."""
        from spacy.tokens import Span

        for name, component in _NEEDS_ANNOTATION.items():
            if name in self.attributes and not doc.has_annotation(name):
                raise ValueError(f"a domain pattern tests {name}, which this Doc lacks: add a {component} to the pipeline")
        found: set[tuple[int, int, int]] = set()  # (start, end, key)
        if len(doc):
            tokens = _Tokens(doc, self)
            for pattern in self.token_patterns:
                _match_pattern(pattern, tokens, found)
            orths = tokens.column("ORTH")
            for start, orth in enumerate(orths):
                for phrase, key in self.phrases.get(orth, ()):
                    if tuple(orths[start : start + len(phrase)]) == phrase:
                        found.add((start, start + len(phrase), key))
        return sorted(Span(doc, start, end, label=self.keys[key][0], span_id=self.keys[key][1]) for start, end, key in found)


class _Tokens:
    """One Doc's token values as the patterns compare them, read once, and the memo of which token
    satisfies which token specification (each is tested at most once a token)."""

    def __init__(self, doc: "Doc", ruler: IndexedSpanRuler):
        self.doc = doc
        self.ruler = ruler
        self.specs = ruler.specs
        self.strings = doc.vocab.strings
        self.length = len(doc)
        self.memo = [bytearray(self.length) for _ in ruler.specs]  # 0 unknown, 1 yes, 2 no
        self.columns: dict[str, list] = {}  # values as the Matcher compares them (extensions: see _matcher_id)
        self.raw: dict[str, list] = {}  # extensions' own values, for REGEX
        self.positions: dict[tuple[str, int], list[int]] = {}
        self._value_positions: dict[str, dict[int, list[int]]] = {}
        from spacy.attrs import IDS

        names = sorted(ruler.attributes | {"ORTH", "IDX"})
        rows = doc.to_array([IDS[name] for name in names]).tolist()
        for column, name in enumerate(names):
            values = [row[column] for row in rows]
            if name == "SENT_START":  # the Matcher asks "is it a sentence start", to_array says 1, 0 or -1
                values = [int(value == 1) for value in values]
            self.columns[name] = values
        if ruler.extensions:
            plain = ruler.plain_extensions_readable
            extensions = _extension_columns(doc, sorted(ruler.extensions), self.columns["IDX"], plain)
            vocab = doc.vocab
            for name, values in extensions.items():
                self.raw["_" + name] = values
                self.columns["_" + name] = [_matcher_id(vocab, value) for value in values]

    def column(self, name: str) -> list:
        return self.columns[name]

    def candidates(self, test: _Test) -> Iterable[int]:
        """The tokens whose value passes an anchor's exact test."""
        index = self._value_positions.get(test.name)
        if index is None:
            index = {}
            for position, value in enumerate(self.columns[test.name]):
                index.setdefault(value, []).append(position)
            self._value_positions[test.name] = index
        if test.kind == "eq":
            return index.get(test.value, ())
        return sorted(position for value in test.value for position in index.get(value, ()))

    def holds(self, spec: int, i: int) -> bool:
        memo = self.memo[spec]
        known = memo[i]
        if known:
            return known == 1
        result = all(self._passes(test, i) for test in self.specs[spec])
        memo[i] = 1 if result else 2
        return result

    def _passes(self, test: _Test, i: int) -> bool:
        value = self.columns[test.name][i]
        kind = test.kind
        if kind == "eq":
            return value == test.value
        if kind in ("in", "not_in"):
            if value is None:
                return False  # an extension neither string nor number: the Matcher's set tests say no
            return (value in test.value) == (kind == "in")
        if kind == "regex":
            if test.name.startswith("_"):
                return test.value.search(self.raw[test.name][i]) is not None
            return test.value.search(self.strings[value]) is not None
        return _COMPARISONS[kind](self.raw[test.name][i] if test.name.startswith("_") else value, test.value)


def _match_pattern(pattern: _TokenPattern, tokens: _Tokens, found: set) -> None:
    holds, length, key = tokens.holds, tokens.length, pattern.key
    if pattern.anchor is None:
        for start in range(length):
            for end in _ends(pattern.after, start, length, 1, holds):
                if end > start:
                    found.add((start, end, key))
        return
    for position in tokens.candidates(pattern.anchor_test):
        if not holds(pattern.anchor_spec, position):
            continue
        starts = _ends(pattern.before, position, 0, -1, holds)
        if not starts:
            continue
        for end in _ends(pattern.after, position + 1, length, 1, holds):
            for start in starts:
                found.add((start, end, key))


def _ends(run: _Run, position: int, limit: int, step: int, holds: Callable[[int, int], bool]) -> list[int]:
    """Where the run's elements, read from `position` in direction `step`, can stop (every path)."""
    elements, closures = run.elements, run.closures
    accept = len(elements)
    states = closures[0]
    stops = []
    while True:
        if accept in states:
            stops.append(position)
        if position == limit:
            return stops
        token = position if step == 1 else position - 1
        following: set[int] = set()
        for state in states:
            if state == accept:
                continue
            element = elements[state]
            if holds(element.spec, token) is not element.negated:
                following |= closures[state if element.quantifier == STAR else state + 1]
        if not following:
            return stops
        states = following
        position += step


def _run(elements: tuple[_Element, ...]) -> _Run:
    closures: list[frozenset[int]] = [frozenset([len(elements)])]
    for index in range(len(elements) - 1, -1, -1):
        optional = elements[index].quantifier != ONE
        closures.insert(0, frozenset([index]) | (closures[0] if optional else frozenset()))
    return _Run(elements, tuple(closures))


def _operators(spec: dict, entry: dict) -> list[tuple[int, bool]]:
    """The elements one token specification stands for, as the Matcher expands its OP."""
    op = next((value for name, value in spec.items() if isinstance(name, str) and name.upper() == "OP"), None)
    simple = {None: [(ONE, False)], "1": [(ONE, False)], "!": [(ONE, True)], "?": [(OPTIONAL, False)], "*": [(STAR, False)], "+": [(ONE, False), (STAR, False)]}
    if op in simple:
        return simple[op]
    bounds = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op) if isinstance(op, str) else None
    if bounds is None or (bounds[2] == "" and bounds[3]) or (not bounds[1] and not bounds[3]):
        raise PatternError(f"unknown OP {op!r} (use ?, *, +, !, {{n}}, {{n,m}}, {{,m}} or {{n,}}): {entry!r}")
    low = int(bounds[1] or 0)
    if not bounds[2]:  # {n}
        return [(ONE, False)] * low
    if not bounds[3]:  # {n,}
        return [(ONE, False)] * low + [(STAR, False)]
    high = int(bounds[3])
    if low > high:
        raise PatternError(f"OP {op!r} asks for more tokens at least than at most: {entry!r}")
    return [(ONE, False)] * low + [(OPTIONAL, False)] * (high - low)


def _string_id(value: str | int) -> int:
    from spacy.strings import get_string_id

    return get_string_id(value)


def _matcher_id(vocab, value: Any) -> int | None:
    """An extension's value as the Matcher compares it with a pattern's: a string's hash, a number
    (a flag as 0/1); None for anything else, which equals no pattern value."""
    if isinstance(value, str):
        return vocab.strings.add(value)
    if isinstance(value, (bool, int)):
        return int(value)
    return None


def _extension_columns(doc: "Doc", names: Sequence[str], offsets: list[int], plain_readable: bool) -> dict[str, list]:
    """Each extension's value at every token. Plain attribute extensions (no getter, no method)
    are read from doc.user_data, where spaCy keeps a token's value under ("._.", name, token.idx,
    None), in one pass; others through Token._ as the Matcher reads them."""
    from spacy.tokens import Token

    columns: dict[str, list] = {}
    plain: dict[str, list] = {}
    for name in names:
        registered = Token.get_extension(name)
        if registered is None:
            raise PatternError(f"a domain pattern tests the token extension {name!r}, which is not registered")
        default, method, getter, _ = registered
        if method is None and getter is None and not isinstance(default, (dict, list, set)) and plain_readable:
            plain[name] = columns[name] = [default] * len(doc)
        else:
            columns[name] = [token._.get(name) for token in doc]
    if plain:
        position_of = {offset: position for position, offset in enumerate(offsets)}
        for key, value in doc.user_data.items():
            if type(key) is tuple and len(key) == 4 and key[0] == "._." and key[3] is None and key[1] in plain:
                position = position_of.get(key[2])
                if position is not None:
                    plain[key[1]][position] = value
    return columns


def _extension_keys_hold() -> bool:
    """Whether this spaCy keeps token extension values under the key _extension_columns reads."""
    from spacy.tokens.underscore import Underscore

    probe = Underscore({}, _Probe(), start=7)
    return probe._get_key("x") == ("._.", "x", 7, None)


class _Probe:
    doc = None
