"""The reference gazetteer (``gazetteer/*.yaml``) and a token-trie matcher over it.

Names are matched token by token on a normalized form: folded (case, accents,
punctuation; ``graph.text.fold``) and stripped of German inflection endings
('Sachsens' -> 'sachsen' -> 'sachs', 'Staatsministeriums' -> 'staatsministerium'),
so 'der Wirtschaftsförderung Sachsen', 'Sachsens' and 'Boesenberg'/'Bösenberg'
find the same entry. The longest match wins.
"""

from __future__ import annotations

import copy
import re
from collections import ChainMap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from graph.errors import LoadError
from graph.text import fold

from .typenames import LOCATED_IN, MEMBER_OF, ORGANIZATION, PART_OF, PERSON, REGION, SUBORDINATE_TO, TOPIC

GAZETTEER_DIR = Path(__file__).with_name("gazetteer")
TOKEN = re.compile(r"\w+|&")
_SUFFIXES = ("ern", "es", "en", "er", "em", "e", "s")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@lru_cache(maxsize=100_000)
def stem(folded_token: str) -> str:
    t = folded_token
    for _ in range(2):
        for suf in _SUFFIXES:
            if t.endswith(suf) and len(t) - len(suf) >= 4:
                t = t[: -len(suf)]
                break
        else:
            break
    return t


@lru_cache(maxsize=200_000)
def token_forms(token: str) -> tuple[str, ...]:
    """Normalized forms of one surface token (plain fold, and the ae/oe/ue transliteration)."""
    a = stem(fold(token)) if token != "&" else "and"
    b = stem(fold(token.translate(_TRANSLIT))) if token != "&" else "and"
    return (a,) if a == b else (a, b)


def name_keys(name: str) -> set[tuple[str, ...]]:
    """Token-key sequences under which a name is indexed."""
    toks = TOKEN.findall(name)
    if not toks:
        return set()
    seqs: list[tuple[str, ...]] = [()]
    for t in toks:
        forms = token_forms(t)
        seqs = [s + (f,) for s in seqs for f in forms][:8]
    return {s for s in seqs if any(s)}


@dataclass
class Entry:
    id: str
    type: str
    name: dict[str, str]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    seat: str | None = None
    parent: str | None = None
    portfolio: str | None = None
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    keywords: dict[str, list[str]] = field(default_factory=dict)
    home: list[tuple[str, str]] = field(default_factory=list)  # reference facts: (relation, target id)
    local: bool = False  # found in the text, not in the reference gazetteer

    def all_names(self) -> list[str]:
        out: list[str] = []
        for v in list(self.name.values()) + [a for vs in self.aliases.values() for a in vs]:
            if v not in out:
                out.append(v)
        return out

    @property
    def label(self) -> str:
        return self.name.get("en") or self.name.get("de") or next(iter(self.name.values()))

    def short(self) -> str:
        """A short label for generated names: the acronym, else the shortest name."""
        acr = self.properties.get("acronym")
        if acr:
            return str(acr)
        if self.type in (REGION, PERSON, TOPIC):
            return self.name.get("de") or self.name.get("en") or self.label
        names = [n for n in self.all_names() if n and re.search(r"[a-z]", fold(n))]
        return min(names, key=len) if names else self.label


@dataclass(frozen=True)
class Role:
    en: str
    de: tuple[str, ...]
    en_forms: tuple[str, ...]
    minister: bool = False
    government: bool = False

    def de_base(self) -> str | None:
        return self.de[0] if self.de else None


@dataclass(frozen=True)
class Hit:
    kind: str  # entity | adjective | topic | role
    ref: str  # entry id, or role english name
    lang: str | None = None


@dataclass
class Match:
    start_tok: int
    end_tok: int  # exclusive
    start: int  # char offsets in the text
    end: int
    text: str
    hits: tuple[Hit, ...]


class Gazetteer:
    """Reference entities, topics and role words, with a matcher over token sequences."""

    def __init__(self, entries: Iterable[Entry] = (), roles: Iterable[Role] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        self.roles: dict[str, Role] = {}
        self._trie: dict = {}
        self._prefix_topics: list[tuple[str, str]] = []  # (folded keyword, topic id)
        self._base: Gazetteer | None = None  # a large read-only layer (reference data), shared by copies
        for e in entries:
            self.add(e)
        for r in roles:
            self.add_role(r)

    # ------------------------------------------------------------ building
    def _index(self, name: str, hit: Hit) -> None:
        for key in name_keys(name):
            node = self._trie
            for k in key:
                node = node.setdefault(k, {})
            node.setdefault(None, [])
            if hit not in node[None]:
                node[None].append(hit)

    def add(self, e: Entry) -> None:
        self.entries[e.id] = e
        for lang, n in e.name.items():
            self._index(n, Hit("entity" if e.type != TOPIC else "topic", e.id, lang))
        for lang, vs in e.aliases.items():
            for n in vs:
                self._index(n, Hit("entity" if e.type != TOPIC else "topic", e.id, lang))
        if e.type == REGION:
            for lang, n in list(e.name.items()) + [(l, a) for l, vs in e.aliases.items() for a in vs]:
                if lang == "de" and not n[-1] in "sxzß":
                    self._index(n + "s", Hit("entity", e.id, lang))  # genitive: Sachsens
        if e.type == REGION and e.id.startswith("region:de-") and e.properties.get("level") == "city":
            de = e.name.get("de")
            if de and " " not in de:
                self._index(de + ("r" if de.endswith("e") else "er"), Hit("adjective", e.id, "de"))
        for lang, adjs in e.adjectives.items():
            for a in adjs:
                self._index(a, Hit("adjective", e.id, lang))
        for lang, kws in e.keywords.items():
            for k in kws:
                self._index(k, Hit("topic", e.id, lang))
                if lang == "de" and " " not in k and len(k) >= 6:
                    self._prefix_topics.append((fold(k), e.id))
        self._prefix_topics.sort(key=lambda x: -len(x[0]))

    def add_alias(self, id: str, name: str, lang: str) -> None:
        e = self.entries[id]
        if name not in e.all_names():
            e.aliases.setdefault(lang, []).append(name)
        self._index(name, Hit("entity", id, lang))

    def add_role(self, r: Role) -> None:
        self.roles[r.en] = r
        for n in r.de:
            self._index(n, Hit("role", r.en, "de"))
        for n in r.en_forms:
            self._index(n, Hit("role", r.en, "en"))

    def _base_ok(self, text: str, tokens: list, i: int, j: int, hits) -> bool:
        """A reference-data name must be written as the name is (after folding, a genitive -s allowed; no
        stemming: 'Zahlen' is not 'Zahlé'), capitalized, and not be the first word of a person's name
        ('Anand Sharma')."""
        surface = text[tokens[i][1]:tokens[j - 1][2]]
        if self._adjective_written(fold(surface), hits):
            return True  # "the Czech Prime Minister", "die lettische Regierung": a country's adjective
        if not surface[:1].isupper():
            return False
        f = fold(surface)
        if not self._written_as(f, hits):
            return False
        if i > 0 and text[tokens[i - 1][2]:tokens[i][1]] == " ":
            # a family name that is also a place ("Jana Roth"): not after a given name
            from .givennames import is_given_name

            if is_given_name(tokens[i - 1][0]) and not any(h.kind == "entity" for h in self._hits_of(tokens[i - 1][0])):
                return False
        if j < len(tokens) and j == i + 1:
            nxt = tokens[j]
            gap = text[tokens[i][2]:nxt[1]]
            # (an office after a country is no name of two words: "UAE Minister of State")
            if gap == " " and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", nxt[0]) and not any(
                    h.kind in ("entity", "role") for mm in [nxt[0]] for h in self._hits_of(mm)):
                return False
        return True

    def _adjective_written(self, f: str, hits) -> bool:
        """The folded surface is one of the adjectives of an adjective hit, as written or with a German
        ending ('lettische', 'rumänischen')."""
        for h in hits:
            if h.kind != "adjective":
                continue
            adjs = {fold(a) for v in self.entries[h.ref].adjectives.values() for a in v}
            if f in adjs or any(f.endswith(x) and f[:-len(x)] in adjs for x in ("e", "en", "er", "es", "em")):
                return True
        return False

    def _written_as(self, f: str, hits) -> list:
        """The hits one of whose own names is the folded surface ``f`` (a genitive -s allowed)."""
        out = []
        for h in hits:
            if h.kind != "entity":
                continue
            names = {fold(n) for n in self.entries[h.ref].all_names()}
            if f in names or (f[-1:] in ("s", "n") and f[:-1] in names):
                out.append(h)
        return out

    def _hits_of(self, word: str) -> list:
        node = self._trie
        for k in token_forms(word)[:1]:
            node = node.get(k)
            if node is None:
                return []
        return list(node.get(None, []))

    def with_base(self, base: Iterable[Entry] | "Gazetteer") -> "Gazetteer":
        """Layer this gazetteer over ``base`` (read-only, not copied by ``local_copy``). Names and ids of
        this gazetteer win: a base entry with a taken id, or a name this gazetteer already gives a region, is
        left out. A ready ``Gazetteer`` (from ``base_layer``) is used as it is."""
        own = dict(self.entries.maps[0] if isinstance(self.entries, ChainMap) else self.entries)
        if isinstance(base, Gazetteer):
            self._base = base
            self.entries = ChainMap(own, base.entries)
            return self
        keep = Gazetteer()
        for e in base:
            if e.id in own or e.id in keep.entries:
                continue
            if any(x.type == e.type for n in e.all_names() for x in self.lookup(n)):
                continue
            keep.add(e)
        self._base = keep
        self.entries = ChainMap(own, keep.entries)
        return self

    def local_copy(self) -> "Gazetteer":
        """A copy for one document, so names found in it do not leak into other documents."""
        g = Gazetteer.__new__(Gazetteer)
        own = self.entries.maps[0] if isinstance(self.entries, ChainMap) else self.entries
        local = {k: copy.deepcopy(v) for k, v in own.items()}
        g.entries = ChainMap(local, self._base.entries) if self._base is not None else local
        g.roles = dict(self.roles)
        g._trie = copy.deepcopy(self._trie)
        g._prefix_topics = list(self._prefix_topics)
        g._base = self._base
        return g

    # ------------------------------------------------------------ queries
    def get(self, id: str) -> Entry | None:
        return self.entries.get(id)

    def lookup(self, name: str, type_: str | None = None, base: bool = True) -> list[Entry]:
        """Entries with exactly this (normalized) name (``base=False``: not from the reference-data layer)."""
        out: list[Entry] = []
        for trie in (self._trie,) + ((self._base._trie,) if self._base is not None and base else ()):
            for key in name_keys(name):
                node = trie
                for k in key:
                    node = node.get(k)
                    if node is None:
                        break
                else:
                    for h in node.get(None, []):
                        if h.kind in ("entity", "topic"):
                            e = self.entries[h.ref]
                            if (type_ is None or e.type == type_) and e not in out:
                                out.append(e)
            if out:  # this gazetteer's own entries win over the base layer
                break
        return out

    def economy_ministry(self, region_id: str) -> Entry | None:
        own = self.entries.maps[0] if isinstance(self.entries, ChainMap) else self.entries
        for e in own.values():
            if e.type == ORGANIZATION and e.seat == region_id and e.portfolio == "economy":
                return e
        return None

    def match(self, text: str, tokens: list[tuple[str, int, int]]) -> list[Match]:
        """Longest non-overlapping matches over ``tokens`` ((surface, start, end) triples)."""
        forms = [token_forms(t[0]) for t in tokens]
        out: list[Match] = []
        i = 0
        n = len(tokens)
        while i < n:
            best: tuple[int, list[Hit]] | None = None
            frontier = [(self._trie, i, 0)]
            if self._base is not None:
                frontier.append((self._base._trie, i, 1))
            while frontier:
                node, j, layer = frontier.pop()
                if j > i and None in node:
                    # longest wins; at equal length this gazetteer's own hits win over the base layer
                    if best is None or j > best[0] or (j == best[0] and layer < best[2]):
                        best = (j, node[None], layer)
                if j >= n:
                    continue
                # names do not run across sentence punctuation other than - & . , ( ) '
                if j > i:
                    gap = text[tokens[j - 1][2]: tokens[j][1]]
                    if len(gap) > 3 or re.search(r"[;:!?»«\"“”„\n/|]", gap):
                        continue
                for f in forms[j]:
                    child = node.get(f)
                    if child is not None:
                        frontier.append((child, j + 1, layer))
            if best is None:
                # German compounds starting with a topic keyword: Wasserstoffwirtschaft
                ft = fold(tokens[i][0])
                for kw, tid in self._prefix_topics:
                    if ft.startswith(kw) and len(ft) > len(kw):
                        out.append(Match(i, i + 1, tokens[i][1], tokens[i][2], tokens[i][0], (Hit("topic", tid, "de"),)))
                        break
                i += 1
                continue
            j, hits, layer = best
            s, e = tokens[i][1], tokens[j - 1][2]
            if layer == 1:
                if not self._base_ok(text, tokens, i, j, hits):
                    i += 1
                    continue
                # only the entries written so ('Länder' names a place 'Lander', not London via 'Landen')
                hits = self._written_as(fold(text[tokens[i][1]:tokens[j - 1][2]]), hits) + [h for h in hits if h.kind != "entity"]
            out.append(Match(i, j, s, e, text[s:e], tuple(hits)))
            i = j
        return out


def _proper(surface: str) -> bool:
    """Reference-data names are proper nouns: capitalized, not all lower case, not a lone short word in capitals."""
    return surface[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LoadError(f"{path}: cannot read gazetteer file: {e}") from None


HOME_RELATIONS = (SUBORDINATE_TO, LOCATED_IN, PART_OF, MEMBER_OF)


def _home(raw: Any, where: str) -> list[tuple[str, str]]:
    """``home``: one ``{relation, target}`` mapping or a list of them (``region`` may stand for ``target``)."""
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    out: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, dict):
            raise LoadError(f"{where}: 'home' entries are mappings with 'relation' and 'target'")
        rel = item.get("relation")
        tgt = item.get("target") or item.get("region")
        if rel not in HOME_RELATIONS or not isinstance(tgt, str):
            raise LoadError(f"{where}: 'home' needs a relation ({', '.join(HOME_RELATIONS)}) and a target id; got {item}")
        out.append((rel, tgt))
    return out


def _as_lists(d: dict | None) -> dict[str, list[str]]:
    return {k: list(v) if isinstance(v, (list, tuple)) else [v] for k, v in (d or {}).items()}


def load_gazetteer(directory: str | Path | None = None, reference_ids=None, check_home: bool = True) -> Gazetteer:
    """Read regions.yaml, organizations.yaml, topics.yaml and roles.yaml from ``directory``.

    A ``home`` target must be an entry of the gazetteer or a region of the reference data (``refdata``:
    ISO 3166 and GeoNames ids such as ``region:in-new-delhi``); ``reference_ids`` (a callable returning the
    reference ids) is asked only when a target is not in the gazetteer itself."""
    d = Path(directory) if directory else GAZETTEER_DIR
    entries: list[Entry] = []
    type_of = {"regions.yaml": REGION, "organizations.yaml": ORGANIZATION, "topics.yaml": TOPIC}
    for fname, default_type in type_of.items():
        f = d / fname
        if not f.exists():
            continue
        for i, raw in enumerate(_load_yaml(f) or []):
            if not isinstance(raw, dict) or "id" not in raw or "name" not in raw:
                raise LoadError(f"{f}: entry {i + 1} needs 'id' and 'name'")
            entries.append(
                Entry(
                    id=raw["id"],
                    type=raw.get("type", default_type),
                    name=dict(raw["name"]),
                    aliases=_as_lists(raw.get("aliases")),
                    properties=dict(raw.get("properties") or {}),
                    seat=raw.get("seat"),
                    parent=raw.get("parent"),
                    portfolio=raw.get("portfolio"),
                    adjectives=_as_lists(raw.get("adjectives")),
                    keywords=_as_lists(raw.get("keywords")),
                    home=_home(raw.get("home"), f"{f}: entry {i + 1} ({raw['id']})"),
                )
            )
    known = {e.id for e in entries}
    unknown = [(e.id, tgt) for e in entries for _, tgt in e.home if tgt not in known] if check_home else []
    if unknown:
        ref = (reference_ids or _reference_ids)()
        for eid, tgt in unknown:
            if tgt not in ref:
                raise LoadError(f"{d}: 'home' of {eid} names {tgt}, which the gazetteer does not hold, nor do the "
                                f"reference regions (ISO 3166, GeoNames); add it to regions.yaml or use an existing id")
    roles: list[Role] = []
    rf = d / "roles.yaml"
    if rf.exists():
        for raw in _load_yaml(rf) or []:
            roles.append(Role(raw["en"], tuple(raw.get("de") or ()), tuple(raw.get("en_forms") or ()),
                              bool(raw.get("minister")), bool(raw.get("government"))))
    return Gazetteer(entries, roles)


_DEFAULT: Gazetteer | None = None


def _hand_unchecked() -> Gazetteer:
    return load_gazetteer(check_home=False)


def _reference_ids() -> set[str]:
    """Ids of the reference regions (the cached layer of ``refdata``) and of the bundled hand regions."""
    from .refdata import reference_layer

    hand = _hand_unchecked()
    return set(reference_layer(lambda: hand).entries) | {e.id for e in hand.entries.values() if e.type == REGION}


def default_gazetteer() -> Gazetteer:
    """The hand gazetteer over the reference regions (``refdata``: ISO 3166, GeoNames)."""
    global _DEFAULT
    if _DEFAULT is None:
        from .refdata import reference_layer

        layer = reference_layer(_hand_unchecked)
        _DEFAULT = load_gazetteer(reference_ids=lambda: set(layer.entries)).with_base(layer)
    return _DEFAULT
