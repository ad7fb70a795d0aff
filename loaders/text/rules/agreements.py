"""Agreements: the agreement a text describes, its parties, signatories, date and place, and what
it is about (SIGNED, PARTY_TO, FOCUSES_ON)."""

from __future__ import annotations

import re

from .. import triggers as T
from ..sentences import Sentence
from . import partnerships
from .context import LIST_GAP as _LIST_GAP, AgreementObj, Doc, Mention, gap as _gap
from .types import COMPANY, FOCUSES_ON, HOLDS_ROLE_AT, ORGANIZATION, PERSON, REGION, SIGNED


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    trig = [m for m in ms if m.kind == "agreement"]
    if not trig:
        # "unterschrieben eine entsprechende Erklärung", "signed a declaration": a declaration that is signed
        dm = _SIGNED_DECLARATION.search(t)
        if dm and _SIGN_VERB.search(t):
            ms = sorted(ms + [Mention("agreement", "loi", dm.start("w"), dm.end("w"), dm.group("w"))], key=lambda x: (x.start, -x.end))
            trig = [m for m in ms if m.kind == "agreement"]
    anaphor = T.PARTNERS_ANAPHOR.search(t)
    persons = [m for m in ms if m.type == PERSON and not _witness(t, ms, m)]
    if len(persons) > 1:
        # "The MoU was signed by A and B, said spokesperson C": who speaks about the signing does not sign,
        # unless no one else is named
        sg = T.SIGN.search(t)
        speakers = [m for m in persons if sg and m.start > sg.end() and _speaker(t, m)]
        if speakers and len(speakers) < len(persons):
            persons = [m for m in persons if m not in speakers]
    recent = bool(d.agreements) and s.index - max(d.agreements[-1].sentences or [0]) <= 2
    sg = T.SIGN.search(t)
    sign_only = not trig and sg is not None and not _hypothetical(t, sg) and bool(persons) and recent
    if not trig and not sign_only:
        if anaphor and d.agreements:
            ag = d.agreements[-1]
            _focus(d, ag, s, ms, key=("agreement", ag.key))
        elif recent and T.AIM.match(t) and d.sent(s.index - 1).paragraph == s.paragraph:
            # "Ziel ist es, ..." right after the agreement: what it is about
            ag = d.agreements[-1]
            _focus(d, ag, s, ms, key=("agreement", ag.key))
        elif d.agreements:
            # "Durch die Zusammenarbeit mit TIPA ... in Zukunftsindustrien wie der Wasserstoffwirtschaft":
            # the cooperation with a party of one agreement is that agreement
            ag = _cooperation_with_party(d, t, ms)
            cue = T.FOCUS.search(t) or T.TOPIC_CUE.search(t)
            if ag is not None and cue:
                _focus(d, ag, s, [m for m in ms if m.kind != "topic" or m.start > cue.start()], key=("agreement", ag.key))
        return
    real = [m for m in trig if m.ref != "anaphor"]
    if not persons and trig and (_BOTH_SIGN.match(t) or _BOTH_WANT.search(t)):
        persons = _two_persons_before(d, s)
    elif not persons and trig and _HE_SIGNED.search(t):
        persons = _one_person_before(d, s)
    orgs = [m for m in ms if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and not _affiliation(ms, m, t)
            and not _SOURCE_BEFORE.search(t[max(0, m.start - 40):m.start])]
    tail = _relative_tail(t, trig)
    if tail is not None:
        # "signed a deal ..., which X builds with Siemens": a body in a clause that comments on the deal is no party
        orgs = [m for m in orgs if m.start < tail]
    if real and not orgs and all(_PLURAL.search(m.text) for m in real):
        real = []  # "Firmen schlossen Vereinbarungen ab": no one agreement, no party named
    if not real and not d.agreements:
        return
    counter: list[str] = []  # the side after "with": the signers of this sentence are the other side
    sign = T.SIGN.search(t) or (_RENEW.search(t) if real else None)  # "renewed their agreement": signed again
    if sign and _hypothetical(t, sign):
        sign = None  # "Für eine Unterzeichnung könnte sich 2025 anbieten", "a signing could follow": no one signs
    signed = bool(sign)
    if signed and len(real) > 1:
        # "Zum 20. Jahrestag der Vereinbarung zwischen A und B unterzeichneten X und Y eine Absichtserklärung":
        # the old agreement is read on its own, the sentence's signing goes to the new one
        olds = [m for m in real if _OLD.search(t[: m.start])]
        if olds and len(olds) < len(real):
            _old_agreement(d, s, ms, olds[0])
            real = [m for m in real if m not in olds]
    renewed_ag = None
    if signed and real and d.agreements and not d.agreements[-1].old:
        # "put their names to a charter to renew their friendship agreement", "zur Verlängerung des Abkommens": the agreement
        # renewed is an earlier one; the signing is of the agreement read before
        renewed = [m for m in real if _RENEWS.search(t[max(0, m.start - 50):m.start])]
        if renewed and len(renewed) == len(real):
            cur = d.agreements[-1]
            _old_agreement(d, s, ms, renewed[0], fresh=True)
            renewed_ag = d.agreements[-1]
            d.agreements.remove(cur)
            d.agreements.append(cur)  # the one read before stays the current one
            real = []
    if real and d.agreements and d.agreements[-1].status == "signed" and not d.agreements[-1].old:
        # "Bereits 2015 hatten beide Länder eine Kooperationsvereinbarung geschlossen", "the cooperation agreement
        # the two regions concluded in 2003": an earlier agreement beside the one signed now
        older = [m for m in real if _earlier(d, t, m, d.agreements[-1])]
        if older:
            cur = d.agreements[-1]
            _old_agreement(d, s, ms, older[0], fresh=True)
            if not d.agreements[-1].parties and _SIDES.search(t):
                d.agreements[-1].parties.extend(cur.parties)
            return  # the sentence is about the earlier agreement
    extras: list[tuple[Mention, list[str]]] = []
    if len(real) > 1:
        # "eine Absichtserklärung zwischen A und B sowie ein Kooperationsvertrag zwischen C und D": each word
        # that names parties of its own is an agreement of its own
        named = [(m, _between(t, ms, [m])) for m in real]
        named = [(m, b) for m, b in named if b]
        if len({tuple(sorted(b)) for _, b in named}) >= 2:
            extras = named[1:]
            real = [m for m in real if all(m is not x for x, _ in extras)]
    kind = max((m.ref for m in real), key=lambda k: T.KIND_RANK[k]) if real else None
    planned = signed and bool(_PLANNED.search(t))
    # parties named in this sentence: bodies; regions only when no body is named ("Bavaria and Jiangsu signed")
    parties: list[str] = []
    for m in orgs:
        if m.ref not in parties:
            parties.append(m.ref)
    if not orgs and not persons and sign:
        place_end = None
        for m in ms:
            if m.kind == "entity" and m.type == REGION and m.start < sign.start():
                if _PLACE_BEFORE.search(t[max(0, m.start - 12):m.start]) or (
                        place_end is not None and LIST_GAP_PARTY.fullmatch(t[place_end:m.start])):
                    place_end = m.end  # "durch Japan und Korea": every region of the list is a place
                    continue
                place_end = None
                if re.match(r"(?:'s|’s)\s+[A-ZÄÖÜ]", t[m.end:m.end + 4]):
                    continue  # "Germany's ThyssenKrupp signed": the region names whose body signs
                if m.ref not in parties:
                    parties.append(m.ref)
        # "Die Vereinbarung unterzeichneten Bayern und Ontario", "... haben A und die Provinz B Bilanz gezogen":
        # two regions named together, wherever they stand
        for p in _region_pair(t, ms):
            if p not in parties:
                parties.append(p)
    if real or (trig and signed):
        # "signed an MoU with the Canadian province of X", "hat mit der Region X eine Vereinbarung geschlossen"
        counter = _with_parties(t, ms, trig)
        for p in counter:
            if p not in parties:
                parties.append(p)
    pair = _clause_pair(t, ms, real) if (real and signed) else []
    if pair:
        # "... Pressemitteilung ... Hessen und der US-Bundesstaat Ohio haben eine Vereinbarung
        # geschlossen": the two regions of the agreement's own clause; bodies named outside it are no parties
        clause_start = _clause_start(t, min(m.start for m in real))
        parties = pair + [p for p in parties if p not in pair and any(
            x.ref == p and x.start >= clause_start for x in ms if x.kind == "entity")]
    between = _between(t, ms, real)
    if between:
        # the agreement word names its parties: other regions of the sentence are places, not parties
        parties = between + [p for p in parties if p not in between and d.entity(p).type != REGION]
    if extras:
        parties = [p for p in parties if not any(p in b for _, b in extras)]
    if sign and not orgs and not persons:
        parties = _relative_partner(t, ms, sign, parties)
    behalf = {p.ref: _signs_for(t, ms, p) for p in persons} if signed else {}
    for p in persons:
        org = behalf.get(p.ref) or d.role_of.get(p.ref)
        if org and org not in parties and (p.ref not in d.weak_role or behalf.get(p.ref)) and d.entity(org).type in (ORGANIZATION, COMPANY, REGION):
            if not behalf.get(p.ref) and _state_ministry_of_party(d, org, parties):
                continue  # "Wirtschaftsminister X" of the ministry signs for the state that is a party
            parties.append(org)
    ag = None
    if d.agreements:
        cur = d.agreements[-1]
        new_parties = [p for p in parties if p not in cur.parties]
        if not (len(parties) >= 2 and len(new_parties) == len(parties) and cur.parties) or sign_only:
            ag = cur
        if ag is not None and real and signed and not sign_only and _another(t, real, parties, cur):
            ag = None  # "also signed an agreement on ...", a new signing after an old agreement: another agreement
        elif ag is not None and real and signed and between and not sign_only and _other_kind(d, s, real, between, cur):
            ag = None  # a declaration of the two states, later "zwischen Firma A und B wurde ein Kooperationsvertrag
            # unterzeichnet": another kind of agreement between other parties, in a paragraph of its own
    if ag is None:
        if kind is None:
            return
        ag = AgreementObj(len(d.agreements), kind, s.index)
        d.agreements.append(ag)
    elif kind and T.KIND_RANK[kind] > T.KIND_RANK[ag.kind]:
        ag.kind = kind
    ag.sentences.append(s.index)
    if real and not ag.old and _OLD.search(t[: min(m.start for m in real)]):
        ag.old = True
    if not parties and not ag.parties and anaphor and len(d.agreements) > 1 and signed:
        # "Am Montag unterzeichneten beide Seiten eine Absichtserklärung": the sides of the agreement before
        parties = list(d.agreements[-2].parties)
    if not real and not signed:
        # "im Rahmen der Partnerschaft": a word that refers to the agreement makes no body named nearby a party
        parties = [p for p in parties if d.entity(p).type == REGION]
    if signed or len(parties) >= 2 or not ag.parties:
        if len(parties) < 2 and not ag.parties and T.WE.search(t):
            sp = d.speaker_org(s)
            if sp and sp not in parties:
                parties.append(sp)
        if len(parties) < 2 and not ag.parties and s.index > 1:
            prev = d.sent(s.index - 1)
            if prev.paragraph == s.paragraph:
                pms = d.mentions[prev.index]
                for m in pms:
                    if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.ref not in parties \
                            and not _affiliation(pms, m, prev.text) and not _SOURCE_BEFORE.search(prev.text[max(0, m.start - 40):m.start]):
                        parties.append(m.ref)
                if not parties and real and signed and not persons and not any(
                        prev.index in o.sentences for o in d.agreements if o is not ag):
                    # "A und die Provinz B wollen enger zusammenarbeiten. In B wurde eine Absichtserklärung
                    # unterzeichnet": a signing that names no side is of the two regions named together just before
                    parties.extend(_region_pair(prev.text, pms))
        for p in parties:
            if p not in ag.parties:
                ag.parties.append(p)
                d.use(p, s.index)
    if signed:
        if planned:
            ag.status = ag.status or "planned"
        else:
            ag.status = "signed"
        for p in persons:
            _sign_for(d, p.ref, behalf.get(p.ref), s.index)
        _assign_weak_roles(d, ag, persons, counter, s)
        for p in persons:
            ag.signers.append((p.ref, d.role_of.get(p.ref)))
            d.use(p.ref, s.index)
            for_ = behalf.get(p.ref) or d.role_of.get(p.ref)
            d.fact(SIGNED, p.ref, ("agreement", ag.key), s.index, on_behalf_of=for_)
            if for_ and for_ not in ag.parties and d.entity(for_).type in (ORGANIZATION, COMPANY, REGION):
                ag.parties.append(for_)
        if not planned:
            for dm in d.dates[s.index]:
                if dm.kind in ("day", "relative", "month") and ag.signed is None:
                    ag.signed = dm.start
        for m in ms:
            if m.kind == "entity" and m.type == REGION and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]):
                if ag.place is None and d.region_level(m.ref) in ("city", "state", "province"):
                    ag.place = m.ref
    if renewed_ag is not None and not renewed_ag.parties:
        renewed_ag.parties.extend(ag.parties)  # one renews one's own agreement: the sides of the one signed now
        for p in ag.parties:
            d.use(p, s.index)
    partnerships.from_parties(d, ag.parties, s.index)
    _focus(d, ag, s, ms, key=("agreement", ag.key), agreement=True)
    for m, named in extras:
        other = AgreementObj(len(d.agreements), m.ref, s.index, parties=list(named), sentences=[s.index])
        other.status = ag.status if signed else None
        d.agreements.append(other)
        for p in named:
            d.use(p, s.index)
        partnerships.from_parties(d, other.parties, s.index)


def _relative_partner(t: str, ms: list[Mention], sign: re.Match, parties: list[str]) -> list[str]:
    """"A, B und C, mit dem X einen Vertrag geschlossen hat": the signing is told in a relative clause, so of
    the regions before it only the last one (the word the clause refers to) is a party, with those inside it."""
    rel = _WITH_WHOM.search(t, 0, sign.start())
    if rel is None:
        return parties
    before = [m for m in ms if m.kind == "entity" and m.type == REGION and m.end <= rel.start()]
    drop = {m.ref for m in before[:-1]} - {before[-1].ref} if before else set()
    return [p for p in parties if p not in drop]


# a relative clause whose signing names its partner as the word before it: "..., mit dem X einen Vertrag
# geschlossen hat", "..., with which X signed an agreement"
_WITH_WHOM = re.compile(r",\s*(?:mit\s+(?:dem|der|denen)|with\s+(?:which|whom))\s")


# "Beide unterzeichneten ...", "Die beiden Minister unterzeichneten ...", "The two signed ...", "Both leaders signed ..."
_BOTH_SIGN = re.compile(r"\s*(?:[Bb]eide|[Dd]ie\s+beiden|[Tt]he\s+two|[Bb]oth)(?:\s+(?:Politiker\w*|Minister\w*|Regierungschefs?|Seiten|men|women|leaders|ministers|officials|politicians|sides))?"
                       r"\s+(?:(?:haben|hatten|have|had|then|dann|anschließend|also|auch)\s+)?(?:unterzeichn|unterschrieb|sign)", re.I)


# "..., wollen beide eine gemeinsame Erklärung unterzeichnen", "both will sign": the two persons just named
_BOTH_WANT = re.compile(r"\b(?:wollen|werden|haben|hatten|sollen|will|have|had|then)\s+(?:beide|both)\s+(?:eine?n?|an?|the)\s+[^.;:]{0,60}?(?:unterzeichn|unterschreib|sign)", re.I)
# "wie die Staatskanzlei mitteilte", "laut X", "according to X": the source of the news, no party
_SOURCE_BEFORE = re.compile(r"\b(?:[Ww]ie|[Ll]aut|[Aa]ccording\s+to|[Zz]ufolge)\s+(?:(?:die|der|das|dem|des|the)\s+)?$")
# "eine entsprechende Erklärung", "a declaration", "die Charta"
_SIGNED_DECLARATION = re.compile(r"\b(?:[Ee]ine|[Dd]ie|[Dd]iese|[Aa]|[Tt]he|[Tt]his)\s+(?:[\w-]+\s+){0,2}?(?P<w>Erklärung|[Dd]eclaration|Charta|[Cc]harter)\b")
_SIGN_VERB = re.compile(r"unterzeichn|unterschrieb|unterschrieben|\bsign(?:ed|s|ing)?\b", re.I)


# "Ein Abkommen habe er ... unterzeichnet", "he signed an MoU": the one person the sentence before names
_HE_SIGNED = re.compile(r"\b(?:habe|hat|hatte)\s+er\b[^.;]{0,120}?\b(?:unterzeichnet|unterschrieben)\b|\b(?:[Ee]r|[Hh]e|[Ss]he)\s+(?:also\s+|auch\s+)?"
                        r"(?:signed|unterzeichnete|unterschrieb|has\s+signed|had\s+signed|hat\s+(?:[^.;]{0,80}?)unterzeichnet)\b")


def _other_kind(d: Doc, s: Sentence, real: list[Mention], between: list[str], cur: AgreementObj) -> bool:
    """The sentence's agreement word is of another kind than the current agreement's, names its own parties
    ("zwischen A und B"), none of them a party of the current one, and stands in another paragraph."""
    if any(m.ref == cur.kind for m in real) or any(p in cur.parties for p in between):
        return False
    return d.sent(cur.first_sentence).paragraph != s.paragraph


def _one_person_before(d: Doc, s: Sentence) -> list[Mention]:
    if s.index < 2 or d.sent(s.index - 1).paragraph != s.paragraph:
        return []
    ps = {m.ref: m for m in d.mentions[s.index - 1] if m.kind == "entity" and m.type == PERSON}
    if len(ps) != 1:
        return []
    m = next(iter(ps.values()))
    return [Mention(m.kind, m.ref, len(s.text) + 1, len(s.text) + 1, m.text, m.type, m.lang)]


def _two_persons_before(d: Doc, s: Sentence) -> list[Mention]:
    """The two persons the paragraph named last, in the two sentences before: who 'both' refers to."""
    seen: list[Mention] = []
    for i in (s.index - 1, s.index - 2):
        if i < 1 or d.sent(i).paragraph != s.paragraph:
            break
        for m in reversed(d.mentions[i]):
            if m.kind == "entity" and m.type == PERSON and m.ref not in {x.ref for x in seen}:
                seen.append(m)
        if len(seen) >= 2:
            break
    # the mentions belong to other sentences: offsets past this one's end keep them out of in-sentence checks
    return [Mention(m.kind, m.ref, len(s.text) + 1, len(s.text) + 1, m.text, m.type, m.lang) for m in seen] if len(seen) == 2 else []


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ALREADY = re.compile(r"\b(?:[Bb]ereits|[Ss]chon|already|back)\b")
_SIDES = re.compile(r"\b(?:beide[nr]?|both|the\s+two)\b", re.I)


def _earlier(d: Doc, t: str, m: Mention, cur: AgreementObj) -> bool:
    """Does the sentence date the agreement word m before the agreement signed now (a year before it, or
    'bereits'/'already' with a year)?"""
    years = [int(y.group(0)) for y in _YEAR.finditer(t)]
    if not years:
        return False
    ref = cur.signed[:4] if cur.signed else (d.published[:4] if d.published else None)
    if ref is not None:
        return min(years) < int(ref) and (m.ref != cur.kind or T.INDEFINITE.search(t[max(0, m.start - 40):m.start]) is not None)
    return bool(_ALREADY.search(t))


def _old_agreement(d: Doc, s: Sentence, ms: list[Mention], m: Mention, fresh: bool = False) -> None:
    """The agreement of an anniversary ('20 Jahre nach der Unterzeichnung der X zwischen A und B'): the one read
    before if that was an old one too, else a new one, with the parties its word names."""
    ag = d.agreements[-1] if d.agreements and d.agreements[-1].old and not fresh else None
    if ag is None:
        ag = AgreementObj(len(d.agreements), m.ref, s.index, old=True)
        d.agreements.append(ag)
    ag.sentences.append(s.index)
    for p in _between(s.text, ms, [m]):
        if p not in ag.parties:
            ag.parties.append(p)
            d.use(p, s.index)
    partnerships.from_parties(d, ag.parties, s.index)


# "renewed their cooperation agreement", "haben ihr Abkommen erneuert / verlängert": a new signing (not "zu erneuern")
_RENEW = re.compile(r"\b(?:renew(?:s|ed)|erneuer(?:t|te|ten)|verlänger(?:t|te|ten))\b", re.I)
# "to renew the X Agreement", "zur Verlängerung des X": an agreement word that names the one being renewed
_RENEWS = re.compile(r"\b(?:to\s+(?:renew|extend|prolong)|renewing|extending|(?:zur\s+)?(?:Verlängerung|Erneuerung))\s+(?:of\s+)?"
                     r"(?:the|their|its|des|der|ihres|ihrer)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a signing the text only considers or proposes
_HYPOTHETICAL = re.compile(r"\b(?:könnte|könnten|würde|würden|could|might|would|vorgeschlagen|schlug\w*\s+(?:\w+\s+){0,3}?vor|proposed|suggested|erwägt|erwägen|considers?|considering)\b", re.I)


def _hypothetical(t: str, sign: re.Match) -> bool:
    """A modal or proposal word in the clause of the signing word (between commas, quotes, colons)."""
    lo = max(t.rfind(c, 0, sign.start()) for c in ",;:\"„“”«»") + 1
    his = [i for i in (t.find(c, sign.end()) for c in ",;:.\"„“”«»") if i != -1]
    return bool(_HYPOTHETICAL.search(t, lo, min(his) if his else len(t)))


# "soll ... unterzeichnet werden", "is to be signed", "will sign": a signing the text plans
_PLANNED = re.compile(r"\b(?:soll|sollen|sollte|sollten|wird|werden|will|wollen)\b[^.;:]{0,180}?\b(?:unterzeichnen|unterschreiben|abschließen|schließen|"
                      r"unterzeichnet\s+werden|unterschrieben\s+werden|geschlossen\s+werden|abgeschlossen\s+werden)\b"
                      r"|\b(?:is|are)\s+(?:(?:due|expected|set|scheduled|planned|going)\s+)?to\s+be\s+signed\b"
                      r"|\b(?:will|shall|plans?\s+to|intends?\s+to|(?:is|are)\s+(?:due|expected|set|scheduled|going)\s+to)\s+(?:(?:also|jointly|formally)\s+)?sign\b"
                      r"|\b(?:geplant|vorgesehen)\w*\s+(?:[\w-]+\s+){0,2}?(?:Unterzeichnung|Abschluss)\b|\bplanned\s+signing\b", re.I)
# "20 Jahre nach der Unterzeichnung der ...", "the 20th anniversary of the ...", "seit zehn Jahren besteht das ...":
# the agreement word names one signed long ago
_OLD = re.compile(r"(?:\b(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|"
                  r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+"
                  r"(?:Jahre|Jahren|years?)\s+(?:nach|seit|of|since|after|ago)\b|\b(?:seit|vor)\s+(?:\d+|zwei|drei|vier|fünf|zehn|zwanzig|dreißig)\s+Jahren\b"
                  r"|\banniversary\s+of\b|\bJubiläum\w*|\bJahrestag\w*)"
                  r"[^.;:]{0,60}$", re.I)
# what marks another agreement beside the one already read: "also", "weitere", "another", "second"
_ANOTHER = re.compile(r"\b(?:another|(?:a|an|ein|eine|einen|einer)\s+(?:second|third|further|additional|weitere[nrms]?|zweite[nrms]?|dritte[nrms]?|zusätzliche[nrms]?))"
                      r"\s+(?:\S+\s+){0,2}$", re.I)
_ALSO = re.compile(r"\b(?:also|ebenfalls)\b", re.I)


def _another(t: str, real: list[Mention], parties: list[str], cur: AgreementObj) -> bool:
    """Does a signing sentence name another agreement than the one read so far? Its agreement word is
    indefinite ('an agreement', 'eine weitere Vereinbarung'), and the one before was signed long ago, or
    the sentence says 'another' / 'a second', or 'also' with parties of its own."""
    first = min(m.start for m in real)
    if _ANOTHER.search(t[max(0, first - 40):first]):
        return True
    if not any(T.INDEFINITE.search(t[max(0, m.start - 40):m.start]) for m in real):
        return False
    if cur.old:
        return True
    if not _ALSO.search(t[max(0, first - 80):first]):
        return False
    if not parties:
        return True  # "Representatives of the agencies also signed an agreement on ...": one more, sides unnamed
    return not set(parties) <= set(cur.parties)


# "with the Canadian province of X", "mit der Region X", "mit dem US-Bundesstaat X", "with Ohio": the other side
_WITH_PARTY = re.compile(r"\b(?:with|mit)\s+(?:(?:the|der|dem|den|seiner|ihrer|its|their)\s+)?(?:[\w-]+(?:an|ian|ese|ish|en|er|em)\s+)?"
                         r"(?:(?:partner\s+)?(?:province|state|region|city|prefecture|county|government|Provinz|Region|Bundesstaat|US-Bundesstaat|"
                         r"Stadt|Präfektur|Regierung|Woiwodschaft|Wojewodschaft|Partnerregion|Partnerprovinz|Landesregierung|Provinzregierung)\s+"
                         r"(?:(?:of|von)\s+(?:the\s+)?)?)?$")


def _with_parties(t: str, ms: list[Mention], trig: list[Mention]) -> list[str]:
    """The bodies and regions named right after 'with' / 'mit' in an agreement sentence, and those listed with them;
    the 'with' belongs to the agreement (after its word or its signing verb, or before its word in the same clause),
    not to another noun ('trade with China')."""
    out: list[str] = []
    prev_end = None
    for m in ms:
        if m.kind != "entity" or m.type not in (REGION, ORGANIZATION, COMPANY):
            if m.kind == "entity":
                prev_end = None
            continue
        if prev_end is not None and LIST_GAP_PARTY.fullmatch(t[prev_end:m.start]):
            if m.ref not in out:
                out.append(m.ref)
            prev_end = m.end
            continue
        prev_end = None
        w = _WITH_PARTY.search(t[max(0, m.start - 70):m.start])
        if w and _with_of_agreement(t, max(0, m.start - 70) + w.start(), m, trig):
            i = ms.index(m)
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if m.type == REGION and re.match(r"(?:'s|’s)\s", t[m.end:m.end + 3]) and not (
                    nxt is not None and nxt.kind == "entity" and nxt.type in (ORGANIZATION, COMPANY)):
                continue  # "with Kelmland's trade agency": the region owns a party the text does not name
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if m.type == REGION and nxt is not None and nxt.kind == "entity" and nxt.type in (ORGANIZATION, COMPANY) \
                    and re.fullmatch(r"(?:'s|’s|s)?\s+", t[m.end:nxt.start]):
                m = nxt  # "mit Taiwans Forschungsverbund X", "with Ohio's chamber X": the body, not its region
            if m.ref not in out:
                out.append(m.ref)
            prev_end = m.end
    return out


# nouns a 'with' may belong to instead of the agreement: "trade with China", "Zusammenarbeit mit Japan"
_RELATION_NOUN = re.compile(r"\b(?:Handel\w*|Zusammenarbeit|Kooperation|Beziehungen|Austausch|Partnerschaft|Verbindungen|Kontakte|Gespräche\w*|"
                            r"trade|cooperation|co-operation|relations|relationship|ties|exchanges?|partnership|collaboration|business|talks|links)\b", re.I)


def _with_of_agreement(t: str, w_start: int, m: Mention, trig: list[Mention]) -> bool:
    anchors = [x.end for x in trig if x.end <= w_start] + [x.end() for x in T.SIGN.finditer(t, 0, w_start)]
    if anchors:
        between = t[max(anchors):w_start]
        if len(between) <= 60 and not re.search(r"[,;]", between) and not _RELATION_NOUN.search(between):
            return True
    after = [x.start for x in trig if x.start >= m.end]
    if after:
        between = t[m.end:min(after)]
        if len(between) <= 60 and not re.search(r"[,;]", between) and not _RELATION_NOUN.search(t[max(0, w_start - 30):w_start]):
            return True
    return False


LIST_GAP_PARTY = re.compile(r"\s*(?:,|und|and|sowie|as well as|&)\s*(?:(?:die|der|dem|den|das|the)\s+)?")


_CLAUSE_END = re.compile(r"[.;:!?]\s|\n|\s[-–]\s")


_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|die|der|das|deren|dessen|wo|welche[rs]?)\b")


def _relative_tail(t: str, trig: list[Mention]) -> int | None:
    """Where a relative clause after the agreement word and its signing verb starts."""
    if not trig:
        return None
    sg = T.SIGN.search(t)
    after = max([m.end for m in trig] + ([sg.end()] if sg else []))
    r = _RELATIVE.search(t, after)
    return r.start() if r else None


def _clause_start(t: str, pos: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(t, 0, pos)]
    return ends[-1] if ends else 0


def _clause_pair(t: str, ms: list[Mention], real: list[Mention]) -> list[str]:
    """Two regions joined by 'und' in the clause of the agreement word, before it, with no body named there."""
    first = min(m.start for m in real)
    start = _clause_start(t, first)
    inside = [m for m in ms if start <= m.start < first]
    if any(m.kind == "entity" and m.type in (ORGANIZATION, COMPANY, PERSON) for m in inside):
        return []
    return _region_pair(t, inside)


def _state_ministry_of_party(d: Doc, org: str, parties: list[str]) -> bool:
    """A ministry or government (no seat, or seated in the state) beside a German state that is a party."""
    e = d.entity(org)
    if e.type != ORGANIZATION or e.properties.get("kind") not in ("ministry", "government", "chancellery"):
        return False
    states = [p for p in parties if d.gaz.get(p) is not None and d.state_of(p) == p]
    return bool(states) and (e.seat is None or d.state_of(e.seat) in states)


def _region_pair(t: str, ms: list[Mention]) -> list[str]:
    """Two (or more) regions joined by 'und' / 'and' ('Sachsen-Anhalt und die polnische Wojewodschaft Masowien'),
    none of them after a word that makes it a place ('in', 'aus', 'to')."""
    regs = [m for m in ms if m.kind == "entity" and m.type == REGION]
    for i in range(len(regs) - 1):
        a, b = regs[i], regs[i + 1]
        if _PLACE_BEFORE.search(t[max(0, a.start - 8):a.start]) or a.ref == b.ref:
            continue
        if _PAIR_GAP.fullmatch(t[a.end:b.start]) and not any(x.kind == "entity" and a.end <= x.start < b.start for x in ms):
            return [a.ref, b.ref]
    return []


_PAIR_GAP = re.compile(r"\s+(?:und|and|&)\s+(?:(?:die|der|dem|das|the)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:province|state|region|prefecture)\s+of\s+)?(?:[A-Za-z]+-)?")


# "X für den Freistaat Bayern", "X, Minister, signed on behalf of Y", "X signed the agreement on Y's behalf"
_FOR_RIGHT_AFTER = re.compile(r"\s*(?:für|for|on\s+behalf\s+of|im\s+Namen\s+(?:des|der|von))\s+(?:(?:den|die|das|des|der|the)\s+)?"
                              r"(?:(?:Freistaat|Land|Bundesland|Provinz|Region|Stadt|[Ss]tate\s+of|[Pp]rovince\s+of|[Cc]ity\s+of)\s+)?")
_SIGNED_FOR = re.compile(r"\b(?:signed|signs|unterzeichnete|unterzeichneten|unterschrieb|unterschrieben|unterzeichnet)\s+(?:[\w-]++\s+){0,3}?"
                         r"(?:on\s+behalf\s+of|for|für|im\s+Namen\s+(?:des|der|von))\s+(?:(?:den|die|das|des|der|the)\s+)?$")
_FOR_BEFORE = re.compile(r"(?:^|[,;]\s*)(?:[Ff]ür|[Ff]or|[Oo]n\s+behalf\s+of|[Ii]m\s+Namen\s+(?:des|der|von))\s+(?:(?:den|die|das|des|der|the)\s+)?$")


_BEHALF_OF_BEFORE = re.compile(r"\b(?:on\s+behalf\s+of|[Ff]ür|im\s+Namen\s+(?:des|der|von))\s+(?:(?:den|die|das|des|der|the)\s+)?$")
_BY = re.compile(r"\s+(?:by|von|durch)\s+(?:[^,;()]{0,60}?\s)?")


def _signs_for(t: str, ms: list[Mention], p: Mention) -> str | None:
    """The body or region a signer signs for, as the text says it: right after the name ('A für Bayern'),
    after the signing verb of the name's clause ('A, Minister, signed on behalf of Ohio', 'signed the
    agreement on Ohio's behalf'), or opening the clause ('Für die WFBB unterschrieb A')."""
    if p not in ms:
        return None  # named in a sentence before ("Beide unterzeichneten ...")
    i = ms.index(p)
    for m in ms[i + 1:]:
        if m.kind == "entity" and m.type == PERSON and m.ref != p.ref:
            break
        if m.kind != "entity" or m.type not in (REGION, ORGANIZATION, COMPANY):
            continue
        pre = t[p.end:m.start]
        if len(pre) > 160:
            break
        if _FOR_RIGHT_AFTER.fullmatch(pre) or _SIGNED_FOR.search(pre):
            return m.ref
        if re.match(r"(?:'s|’s)?\s+behalf\b", t[m.end:m.end + 10]) and re.search(r"\b(?:signed|signs)\b[^,;]*\bon\s+$", pre):
            return m.ref
    # "signed on behalf of Ohio by Paul Tremblay", "für die Provinz von Vizegouverneur Li Wei"
    before = [m for m in ms[:i] if m.kind == "entity"]
    if before and before[-1].type in (REGION, ORGANIZATION, COMPANY) and _BEHALF_OF_BEFORE.search(t[max(0, before[-1].start - 40):before[-1].start]) \
            and _BY.fullmatch(t[before[-1].end:p.start]):
        return before[-1].ref
    clause_start = max(t.rfind(",", 0, p.start), t.rfind(";", 0, p.start), -1) + 1
    for m in ms[:i]:
        if m.kind == "entity" and m.type in (REGION, ORGANIZATION, COMPANY) and m.start >= clause_start and _FOR_BEFORE.search(t[:m.start]):
            if not any(x.kind == "entity" and x.type == PERSON for x in ms if m.end <= x.start < p.start):
                return m.ref
    return None


def _sign_for(d: Doc, person: str, party: str | None, sentence: int) -> None:
    """A signer whose office named no body ('Ministerin A für Bayern') holds it at the party signed for."""
    if party is None or person not in d.weak_role or d.entity(party).type not in (ORGANIZATION, COMPANY, REGION):
        return
    f = d.weak_role.pop(person)
    d.fact(HOLDS_ROLE_AT, person, party, f.sentence, **f.properties)
    d.role_of[person] = party


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|sagte|sagt|betonte|betont|erklärte|erklärt|so)\s+(?:[\w.-]+\s+){0,4}?$", re.I)
_SPEECH_AFTER = re.compile(r"\s*(?:,[^,;]{0,80},\s*)?(?:said|says|sagte|sagt|betonte|betont|erklärte|erklärt)\b", re.I)


def _speaker(t: str, m: Mention) -> bool:
    return bool(_SPEECH_BEFORE.search(t[max(0, m.start - 60):m.start]) or _SPEECH_AFTER.match(t, m.end))


# "im Beisein von X", "in the presence of X", "witnessed by X": X watches the signing, X does not sign
_WITNESS = re.compile(r"\b(?:in\s+(?:Anwesenheit|Gegenwart)|im\s+Beisein|in\s+the\s+presence|witnessed\s+by|unter\s+den\s+Augen|"
                      r"(?:led|headed|organi[sz]ed|hosted|accompanied)\s+by|(?:angeführt|geleitet|begleitet|organisiert)\s+von|unter\s+(?:der\s+)?Leitung\s+von|"
                      r"unter\s+(?:der\s+)?Schirmherrschaft|under\s+the\s+(?:auspices|patronage)|watched\s+by)\b", re.I)
# what a list of witnesses is made of, token by token (no nested quantifiers: linear time)
_WITNESS_TOKEN = re.compile(r"\([^)]{0,80}\)|[^\s,()]+|,")
_WITNESS_WORDS = {"von", "des", "der", "dem", "of", "the", "by", ",", "und", "and", "sowie", "as", "well", "Dr.", "Prof."}
_OFFICE_ENDINGS = ("in", "er", "ent", "or", "ister", "är", "ärin")


def _witness_list(gap: str) -> bool:
    for tok in _WITNESS_TOKEN.findall(gap):
        if tok in _WITNESS_WORDS or tok[0] == "(" or tok[0].isupper() or (tok[0].islower() and tok.endswith(_OFFICE_ENDINGS)):
            continue
        return False
    return True


# "X begrüßte die Unterzeichnung", "X welcomed the signing": X speaks about the signing, X does not sign
_ABOUT_SIGNING = re.compile(r"\b(?:begrüß\w*|lob\w*|würdig\w*|welcom\w*|prais\w*|hail\w*)\s+(?:die|the|den)\s+(?:[\w-]+\s+){0,2}?(?:Unterzeichnung|Abschluss|signing|conclusion)\b", re.I)


# "..., which Minister A and B attended", "an der A und B teilnahmen": who attends the signing does not sign
_ATTENDED = re.compile(r"\b(?:attended|were\s+present|was\s+present|looked\s+on|teilnahmen|teilnahm|beiwohnten|beiwohnte|anwesend\s+waren|anwesend\s+war)\b", re.I)


# "Gov. X today announced that A and B have signed", "X gab bekannt, dass ...": X reports the signing
_ANNOUNCED = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,;]{0,80},\s*)?(?:[\w.]+\s+){0,2}?(?:announced|announces|reported|reports|confirmed|"
                        r"gab\s+(?:\w+\s+){0,3}?bekannt|gibt\s+(?:\w+\s+){0,3}?bekannt|teilte\s+(?:\w+\s+){0,3}?mit|teilt\s+(?:\w+\s+){0,3}?mit|verkündete|berichtete)\b", re.I)


def _witness(t: str, ms: list[Mention], m: Mention) -> bool:
    """Is the person named in a 'in the presence of A and B' phrase (up to the list's end), the one who
    welcomes the signing ('X begrüßte die Unterzeichnung'), or one who attended it ('..., which A attended')?"""
    ann = _ANNOUNCED.match(t, m.end)
    if ann:
        sg = T.SIGN.search(t, ann.end())
        if sg and re.search(r"\b(?:that|dass|,)", t[ann.end():sg.start()]) and any(x.type == PERSON or x.kind == "entity" for x in ms if x.start >= ann.end()):
            return True
    att = _ATTENDED.search(t, m.end)
    if att and att.start() - m.end <= 120 and not T.SIGN.search(t, m.end, att.start()) \
            and re.search(r"\b(?:which|that|where|die|der|das|an\s+der|an\s+dem|bei\s+der|bei\s+dem)\b", t[max(0, m.start - 150):m.start]):
        return True
    about = _ABOUT_SIGNING.search(t)
    if about and m.end <= about.start() and not any(x.type == PERSON and m.end <= x.start < about.start() for x in ms) \
            and about.start() - m.end <= 60:
        return True
    for w in _WITNESS.finditer(t[: m.start]):
        if not (m.start - w.end() <= 160 and _witness_list(t[w.end():m.start])):
            continue
        if not t[: w.start()].strip():
            # "In the presence of X, A and B signed ...": an opening phrase ends at the comma after its first name
            first = next((x for x in ms if x.type == PERSON and x.start >= w.end()), None)
            comma = t.find(",", first.end) if first is not None else -1
            if comma != -1 and comma < m.start:
                continue
        return True
    return False


# a region after "in", "aus", ... (also capitalized at the start of a sentence: "In Kassel ...") is a place
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Ii]m|[Nn]ach|[Aa]us|[Ff]rom|[Tt]o|[Dd]urch|[Tt]hrough|[Aa]cross|[Ii]nto)\s+(?:der\s+|dem\s+|den\s+|die\s+|the\s+)?$")


# plural agreement words ("Geschäftsvereinbarungen", "agreements", "MoUs") name no one agreement
_PLURAL = re.compile(r"(?:vereinbarungen|verträge|agreements|MoUs|memoranda|Absichtserklärungen|deals)$", re.I)


def _affiliation(ms: list[Mention], m: Mention, t: str) -> bool:
    """'Minister X (FDP)': a body in brackets right after a person is the person's party, not a party to an agreement."""
    i = ms.index(m)
    return i > 0 and ms[i - 1].type == PERSON and re.fullmatch(r"\s*\(", t[ms[i - 1].end:m.start]) is not None


_BETWEEN = re.compile(
    r"\s+(?:[\w-]++\s+){0,6}?(?:between|zwischen)\s+(?:the\s+|den\s+|dem\s+|der\s+)?"
    r"(?:(?:states|regions|provinces|governments|cities|Ländern|Regionen|Bundesländern|Provinzen|Regierungen|Städten)\s+(?:of\s+)?)?")


def _between(t: str, ms: list[Mention], trig: list[Mention]) -> list[str]:
    """'an MoU between the states of A and B', 'eine Vereinbarung zwischen A und B':
    the parties the agreement word names (regions as well as bodies)."""
    for tr in trig:
        b = _BETWEEN.match(t, tr.end)
        if not b:
            continue
        out: list[str] = []
        prev_end = b.end()
        for m in ms:
            if m.start < prev_end:
                continue
            g = t[prev_end:m.start]
            if m.kind == "entity" and m.type in (REGION, ORGANIZATION, COMPANY) and (not out and g == "" or out and _LIST_GAP.fullmatch(g)):
                if m.ref not in out:
                    out.append(m.ref)
                prev_end = m.end
                continue
            if out and m.kind == "entity" and out[-1] == m.ref:
                prev_end = m.end
                continue
            break
        if len(out) >= 2:
            return out[:4]
    return []


def _assign_weak_roles(d: Doc, ag: AgreementObj, persons: list[Mention], counter: list[str] = (), s: Sentence | None = None) -> None:
    """Signers whose role named no body ('Governor Wei Zhang') sign for the parties not yet
    represented, in the order both are named; not for the side named after 'with' ('Ministerin A
    unterzeichnete eine Absichtserklärung mit Ohio'). An office only one side holds (a governor abroad, a
    Minister-President at home) goes to a party of that side only. Where the sentence names no such party:
    the sides of the old agreement renewed, the two regions the sentences just before name together
    ('Die Beziehung zwischen Brandenburg und Niederschlesien ... A und B unterzeichneten'), the one partner
    region or visited state abroad, and for a Minister-President the text's German state."""
    weak = list({p.ref: p for p in persons if p.ref in d.weak_role}.values())  # once per person
    if not weak:
        return
    strong = {d.role_of.get(p.ref) for p in persons if p.ref not in d.weak_role}
    free = [p for p in ag.parties if p not in strong and (p not in counter or len(persons) > 1)]
    pool: list[str] = []
    if ag.key > 0 and d.agreements[ag.key - 1].old:
        # signing at the anniversary of an agreement: its sides sign again
        pool += [p for p in d.agreements[ag.key - 1].parties if p not in strong]
    if s is not None:
        pool += [p for p in _pair_before(d, s) if p not in strong]
    if any(_government(d, d.weak_role[p.ref]) for p in weak):
        # "eine Absichtserklärung mit seinem Amtskollegen, Gouverneur X": the governor of the one region the
        # text names as partner of a party; "reiste nach Ohio ... traf Gouverneur X": of the one state abroad visited
        partner = _partner_region(d, ag)
        if partner is None and any(_OFFICE_SIDE.get(d.weak_role[p.ref].properties.get("role")) is False for p in weak):
            partner = _visited_state(d)
        if partner and partner not in strong:
            pool.append(partner)
    if d.home and d.home not in strong:
        pool.append(d.home)
    for p in weak:
        f = d.weak_role.get(p.ref)
        if f is None:  # settled by an earlier person of this sentence
            continue
        side = _OFFICE_SIDE.get(f.properties.get("role"))
        if side and not f.properties.get("role_de"):
            side = None  # English "Premier" is the Minister-President's word and a premier's abroad
        if side is None:
            # an office either side holds ('Minister'): a party the sentence names, else one of the sides of the
            # renewed agreement or of the pair named just before, else the one partner region, in order
            party = free[0] if free else next((x for x in pool if x != d.home), None)
        else:
            party = next((x for x in free if _german(d, x) == side), None)
            if party is None:
                party = next((x for x in pool if _german(d, x) == side and (side or x != d.home)), None)
                if party is None and side and f.properties.get("role") == "Minister-President":
                    party = d.home if d.home and d.home not in strong else None
        if party is None:
            continue
        if party in free:
            free.remove(party)
        strong.add(party)
        pool = [x for x in pool if x != party]
        d.fact(HOLDS_ROLE_AT, p.ref, party, f.sentence, **f.properties)
        d.role_of[p.ref] = party
        del d.weak_role[p.ref]


def _pair_before(d: Doc, s: Sentence) -> list[str]:
    """Two regions the one or two sentences before (same paragraph) name together."""
    for i in (s.index - 1, s.index - 2):
        if i < 1 or d.sent(i).paragraph != s.paragraph:
            break
        prev = d.sent(i)
        ms = [m for m in d.mentions[i] if not m.dateline]
        pair = _region_pair(prev.text, ms) or _between_regions(prev.text, ms)
        if pair:
            return pair
    return []


_ZWISCHEN = re.compile(r"\b(?:zwischen|between)\s+(?:(?:den|dem|der|the)\s+)?$")


def _between_regions(t: str, ms: list[Mention]) -> list[str]:
    regs = [m for m in ms if m.kind == "entity" and m.type == REGION]
    for a, b in zip(regs, regs[1:]):
        if _ZWISCHEN.search(t[max(0, a.start - 14):a.start]) and _PAIR_GAP.fullmatch(t[a.end:b.start]):
            return [a.ref, b.ref]
    return []


# offices only one side holds: German states have no governors, regions abroad no Minister-Presidents
_OFFICE_SIDE = {"Governor": False, "Vice Governor": False, "Party Secretary": False, "Chief Minister": False,
                "Marshal": False, "Minister-President": True, "Deputy Minister-President": True}


def _german(d: Doc, party: str) -> bool:
    e = d.gaz.get(party)
    where = party if party.startswith("region:") else (e.seat if e else None)
    return bool(where and (where == "region:de" or where.startswith("region:de-")))


def _government(d: Doc, f) -> bool:
    role = d.gaz.roles.get(f.properties.get("role"))
    return bool(role and (role.government or role.minister))


def _visited_state(d: Doc) -> str | None:
    out = {v for ev in d.events for v in ev.visited
           if d.gaz.get(v) is not None and d.region_level(v) in ("state", "province") and not _german(d, v)}
    return out.pop() if len(out) == 1 else None


def _partner_region(d: Doc, ag: AgreementObj) -> str | None:
    """The one region the text made a partner (PARTNER_OF) of a region party to the agreement."""
    edge, _ = partnerships._config()
    out = set()
    for f in d.facts:
        if f.type != edge:
            continue
        for a, b in ((f.source, f.target), (f.target, f.source)):
            if a in ag.parties and b not in ag.parties and isinstance(b, str) and d.gaz.get(b) is not None and d.entity(b).type == REGION:
                out.add(b)
    return out.pop() if len(out) == 1 else None


_WITH = re.compile(r"(?:Zusammenarbeit|Kooperation|cooperation|collaboration|partnership)\s+(?:mit|with)\s+(?:der|dem|den|the\s+)?\s*$")


def _cooperation_with_party(d: Doc, t: str, ms: list[Mention]):
    for m in ms:
        if m.kind == "entity" and _WITH.search(t[max(0, m.start - 40):m.start]):
            ags = [a for a in d.agreements if m.ref in a.parties]
            return ags[0] if len(ags) == 1 else None
    return None


def _focus(d: Doc, obj, s: Sentence, ms: list[Mention], key, agreement: bool = False) -> None:
    t = s.text
    first_trig = min((m.start for m in ms if m.kind == "agreement"), default=None)
    for i, m in enumerate(ms):
        if m.kind != "topic":
            continue
        if agreement and first_trig is not None:
            # the agreement's subject matter: after the agreement is named, or after a focus word;
            # not the topic in a body's description ("das Medizintechnik-Netzwerk X")
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt is not None and nxt.kind == "entity" and re.fullmatch(r"[\s-]*(?:[Nn]etzwerk|network|[Cc]luster|[Vv]erband|association)\s+", _gap(t, m.end, nxt.start)):
                continue
            if m.start < first_trig and not T.FOCUS.search(t[: m.start]):
                continue
        d.fact(FOCUSES_ON, key, m.ref, s.index)

