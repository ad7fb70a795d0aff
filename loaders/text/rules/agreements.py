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
    anaphor = T.PARTNERS_ANAPHOR.search(t)
    persons = [m for m in ms if m.type == PERSON and not _witness(t, ms, m)]
    recent = bool(d.agreements) and s.index - max(d.agreements[-1].sentences or [0]) <= 2
    sign_only = not trig and bool(T.SIGN.search(t)) and persons and recent
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
    orgs = [m for m in ms if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and not _affiliation(ms, m, t)]
    if real and not orgs and all(_PLURAL.search(m.text) for m in real):
        real = []  # "Firmen schlossen Vereinbarungen ab": no one agreement, no party named
    if not real and not d.agreements:
        return
    kind = max((m.ref for m in real), key=lambda k: T.KIND_RANK[k]) if real else None
    sign = T.SIGN.search(t)
    signed = bool(sign)
    # parties named in this sentence: bodies; regions only when no body is named ("Bavaria and Jiangsu signed")
    parties: list[str] = []
    for m in orgs:
        if m.ref not in parties:
            parties.append(m.ref)
    if not orgs and not persons and sign:
        for m in ms:
            if m.kind == "entity" and m.type == REGION and m.start < sign.start() and not _PLACE_BEFORE.search(t[max(0, m.start - 8):m.start]):
                if m.ref not in parties:
                    parties.append(m.ref)
    between = _between(t, ms, real)
    if between:
        # the agreement word names its parties: other regions of the sentence are places, not parties
        parties = between + [p for p in parties if p not in between and d.entity(p).type != REGION]
    for p in persons:
        org = d.role_of.get(p.ref)
        if org and org not in parties and p.ref not in d.weak_role and d.entity(org).type in (ORGANIZATION, COMPANY, REGION):
            parties.append(org)
    ag = None
    if d.agreements:
        cur = d.agreements[-1]
        new_parties = [p for p in parties if p not in cur.parties]
        if not (len(parties) >= 2 and len(new_parties) == len(parties) and cur.parties) or sign_only:
            ag = cur
    if ag is None:
        if kind is None:
            return
        ag = AgreementObj(len(d.agreements), kind, s.index)
        d.agreements.append(ag)
    elif kind and T.KIND_RANK[kind] > T.KIND_RANK[ag.kind]:
        ag.kind = kind
    ag.sentences.append(s.index)
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
                for m in d.mentions[prev.index]:
                    if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.ref not in parties:
                        parties.append(m.ref)
        for p in parties:
            if p not in ag.parties:
                ag.parties.append(p)
                d.use(p, s.index)
    if signed:
        ag.status = "signed"
        _assign_weak_roles(d, ag, persons)
        for p in persons:
            ag.signers.append((p.ref, d.role_of.get(p.ref)))
            d.use(p.ref, s.index)
            d.fact(SIGNED, p.ref, ("agreement", ag.key), s.index, on_behalf_of=d.role_of.get(p.ref))
            tgt = d.role_of.get(p.ref)
            if tgt and tgt not in ag.parties and d.entity(tgt).type in (ORGANIZATION, COMPANY, REGION):
                ag.parties.append(tgt)
        for dm in d.dates[s.index]:
            if dm.kind in ("day", "relative", "month") and ag.signed is None:
                ag.signed = dm.start
        for m in ms:
            if m.kind == "entity" and m.type == REGION and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]):
                if ag.place is None and d.region_level(m.ref) in ("city", "state", "province"):
                    ag.place = m.ref
    partnerships.from_parties(d, ag.parties, s.index)
    _focus(d, ag, s, ms, key=("agreement", ag.key), agreement=True)


# "im Beisein von X", "in the presence of X", "witnessed by X": X watches the signing, X does not sign
_WITNESS = re.compile(r"\b(?:in\s+(?:Anwesenheit|Gegenwart)|im\s+Beisein|in\s+the\s+presence|witnessed\s+by|unter\s+den\s+Augen|"
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


def _witness(t: str, ms: list[Mention], m: Mention) -> bool:
    """Is the person named in a 'in the presence of A and B' phrase (up to the list's end), or the one who
    welcomes the signing ('X begrüßte die Unterzeichnung')?"""
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
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Ii]m|[Nn]ach|[Aa]us|[Ff]rom|[Tt]o)\s+(?:der\s+|dem\s+|the\s+)?$")


# plural agreement words ("Geschäftsvereinbarungen", "agreements", "MoUs") name no one agreement
_PLURAL = re.compile(r"(?:vereinbarungen|verträge|agreements|MoUs|memoranda|Absichtserklärungen)$", re.I)


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


def _assign_weak_roles(d: Doc, ag: AgreementObj, persons: list[Mention]) -> None:
    """Signers whose role named no body ('Governor Wei Zhang') sign for the parties not yet
    represented, in the order both are named."""
    strong = {d.role_of.get(p.ref) for p in persons if p.ref not in d.weak_role}
    free = [p for p in ag.parties if p not in strong]
    for p in persons:
        f = d.weak_role.get(p.ref)
        if f is None or not free:
            continue
        party = free.pop(0)
        d.fact(HOLDS_ROLE_AT, p.ref, party, f.sentence, **f.properties)
        d.role_of[p.ref] = party
        del d.weak_role[p.ref]


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

