"""Membership (MEMBER_OF), one member or a list of them."""

from __future__ import annotations

import re

from .. import triggers as T
from ..sentences import Sentence
from .context import LIST_GAP as _LIST_GAP, Doc, Mention, gap as _gap
from .types import COMPANY, MEMBER_OF, ORGANIZATION, REGION

_ITEM_GAP = re.compile(r"\s*(?:(?:die|der|das|dem|den|the)\s+)?(?:(?:[Ff]irma|[Uu]nternehmen|[Ff]irmen|companies|company|firms?|start-ups?|Start-ups?)\s+)?")
_HAS_MEMBERS = re.compile(r"\.?\s*(?:\([^)]*\)\s*)?(?:e\.\s?V\.\s*)?(?:hat|zählt|vereint|umfasst|has|counts|unites|brings together|includes?)\s+(?:(?:rund|über|mehr als|etwa|ca\.|knapp|around|about|over|more than|some|inzwischen|now|heute|today)\s+)*(?:[\d.,]+\s+)?")
_MEMBER_BEFORE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:aus|from|in)\s+[\w.()-]+(?:\s+[\w.()-]+)?\s*)?,?\s*(?:(?:ist|sind|is|are|war|was|were|wurde|became|seit \d{4}|since \d{4}|auch|also|selbst|itself|ebenfalls|ein|eine|einer|a|an|beide|both|alle|all|langjähriges|long-standing|neues|new)\s+)*")


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """Membership of bodies (``_body_members``) and of regions in their networks (``_region_members``)."""
    _body_members(d, s, ms)
    _region_members(d, s, ms)


# the presidency of a body of regions, and who hands it on: "die Präsidentschaft der „X“ von A an die B", "the
# presidency of the X was handed over from A to B" (both regions are members)
_PRESIDENCY = re.compile(r"(?<![\w-])(?:[Pp]residency|[Cc]hairmanship|[Pp]räsidentschaft|[Vv]orsitz)\s+(?:of\s+the|der|des)\s+[„“\"»]?$")
_HANDOVER = re.compile(r"[“”\"«]?[^.;:]{0,40}?(?<![\w-])(?:von|from|an|to)\s+(?:(?:die|den|das|the)\s+)?$")
# the regions that form a network, listed after it or before it: "des Netzwerks der europäischen Regionen A, B
# und C", "the network of the regions A and B", "die Regionen A und B (bündeln) in dem Netzwerk"
_NETWORK_OF = re.compile(r"(?<![\w-])(?:Netzwerks?|[Nn]etwork|Verbunds?|Bündnisses|[Aa]lliance)\s+(?:der|des|of(?:\s+the)?)\s+"
                         r"(?:[a-zäöü][\w-]*\s+)?(?:Regionen|[Rr]egions|Partnerregionen|Länder|[Ss]tates)\s+$")
_REGIONS_BEFORE = re.compile(r"(?<![\w-])(?:die|the)\s+(?:[a-zäöü][\w-]*\s+)?(?:Regionen|regions|Partnerregionen|member\s+regions|"
                             r"Mitgliedsregionen)\s+$")
_IN_NETWORK = re.compile(r"[^.;:]{0,30}?(?<![\w-])(?:in\s+dem|im|in\s+the|in\s+their)\s+(?:Netzwerk|network|Verbund|Bündnis|alliance)(?![\w-])")
# "A and B share membership in an alliance ... called X": the members before, the body after
_SHARE_MEMBERSHIP = re.compile(r"\s+(?:share|shares|hold|have)\s+(?:a\s+)?membership\s+in\s+[^.;:]{0,80}?$")


def _region_members(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """MEMBER_OF of regions in a network of regions: those that hand its presidency on, those listed as the
    regions of the network (the network named in the sentence or, as 'das Netzwerk', the body of regions the
    text named last), and those that 'share membership in' it."""
    t = s.text
    ents = [m for m in ms if m.kind == "entity"]
    orgs = [m for m in ents if m.type == ORGANIZATION]

    def region_list(k: int) -> list[Mention]:
        out = [ents[k]]
        for x in ents[k + 1:]:
            if x.type != REGION or not _LIST_GAP.fullmatch(_gap(t, out[-1].end, x.start)):
                break
            out.append(x)
        return out

    for o in orgs:
        if not _PRESIDENCY.search(t[max(0, o.start - 40):o.start]):
            continue
        pos = o.end
        for x in ents:
            if x.start >= pos and x.type == REGION and _HANDOVER.fullmatch(t, pos, x.start):
                d.fact(MEMBER_OF, x.ref, o.ref, s.index)
                pos = x.end
    for k, x in enumerate(ents):
        if x.type != REGION or (k and ents[k - 1].type == REGION and _LIST_GAP.fullmatch(_gap(t, ents[k - 1].end, x.start))):
            continue  # not the first of a list
        members = region_list(k)
        before = t[max(0, x.start - 60):x.start]
        body = None
        if _NETWORK_OF.search(before) or (_REGIONS_BEFORE.search(before) and _IN_NETWORK.match(t, members[-1].end)):
            after = _IN_NETWORK.match(t, members[-1].end)
            named = [o for o in orgs if after and 0 <= o.start - after.end() <= 4]
            body = named[0].ref if named else _last_network(d, s)
        else:
            body = next((o.ref for o in orgs if o.start > members[-1].end
                         and _SHARE_MEMBERSHIP.match(t, members[-1].end, o.start)), None)
        if body is None or len(members) < 2:
            continue
        for r in members:
            d.fact(MEMBER_OF, r.ref, body, s.index)


def _last_network(d: Doc, s: Sentence) -> str | None:
    """The body of regions the text named last before this sentence: one whose presidency it spoke of or that
    is no ministry or government (the body 'das Netzwerk' refers back to)."""
    for i in range(s.index - 1, 0, -1):
        for m in reversed(d.mentions.get(i, [])):
            if m.kind == "entity" and m.type == ORGANIZATION:
                kind = (d.gaz.get(m.ref).properties.get("kind") if d.gaz.get(m.ref) else None)
                if kind not in ("ministry", "government", "chamber", "university", "agency"):
                    return m.ref
    return None


def _body_members(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """MEMBER_OF from membership words, one member or a list of them:
    'Mitglieder von X e. V., darunter A' / 'members of X such as A and B' (list after the body);
    'X-Mitglied A', 'X members such as A and B', 'das Clustermitglied A' (body before the word);
    'X hat rund 120 Mitglieder, darunter A' / 'X has 90 members, including A and B';
    'A, Mitglied von X' / 'A und B, beide Mitglieder des X' / 'A is a member of X' (members before)."""
    t = s.text
    ents = [m for m in ms if m.kind == "entity"]
    bodies = (COMPANY, ORGANIZATION)

    def listed(i: int) -> list[Mention]:
        """The org/company mentions from ents[i] on that form one list ('A, B und C')."""
        out = [ents[i]]
        j = i + 1
        while j < len(ents):
            x = ents[j]
            if x.ref == out[-1].ref:  # "Silicon Saxony e. V. (SiSax)"
                j += 1
                continue
            if x.type in bodies and _LIST_GAP.fullmatch(_gap(t, ents[j - 1].end, x.start)):
                out.append(x)
                j += 1
                continue
            break
        return [m for m in out if m.type in bodies]

    def first_after(pos: int, gap: re.Pattern) -> int | None:
        for i, x in enumerate(ents):
            if x.start >= pos:
                return i if gap.fullmatch(t[pos:x.start]) and x.type in bodies else None
        return None

    def member(a: Mention, body: Mention) -> None:
        if a.ref != body.ref and body.type == ORGANIZATION:
            d.fact(MEMBER_OF, a.ref, body.ref, s.index)

    for mm in T.MEMBER.finditer(t):
        word = mm.group(0).lower()
        before = [x for x in ents if x.end <= mm.start()]
        # the body right before the word: "Silicon Saxony Mitglied A", "OptoNet members such as A"
        body_before = before[-1] if before and before[-1].type == ORGANIZATION and re.fullmatch(r"\.?[\s-]?", _gap(t, before[-1].end, mm.start())) else None
        if word.startswith(("clustermitglied", "netzwerkmitglied")) and body_before is None:
            i = first_after(mm.end(), _ITEM_GAP)
            clusters = [e for e in d.used if d.gaz.get(e) and d.gaz.get(e).properties.get("kind") == "cluster"]
            if i is not None and clusters:
                best = sorted(clusters, key=lambda c: -len(d.node_sentences.get(c, [])))[0]
                for a in listed(i):
                    if a.ref != best:
                        d.fact(MEMBER_OF, a.ref, best, s.index)
            continue
        if body_before is not None:
            cue = T.MEMBER_LIST_CUE.match(t, mm.end())
            i = first_after(cue.end() if cue else mm.end(), _ITEM_GAP)
            if i is not None:
                for a in listed(i):
                    member(a, body_before)
            continue
        # "Its member companies such as A and B": the body named last before (this or the previous sentence)
        if re.search(r"\b(?:its|their|seine|ihre|dessen|deren)\s+$", t[max(0, mm.start() - 8):mm.start()], re.I):
            cue = T.MEMBER_LIST_CUE.match(t, mm.end())
            i = first_after(cue.end(), _ITEM_GAP) if cue else None
            prev = [x for x in before if x.type == ORGANIZATION]
            if not prev and s.index > 1 and d.sent(s.index - 1).paragraph == s.paragraph:
                prev = [x for x in d.mentions[s.index - 1] if x.kind == "entity" and x.type == ORGANIZATION]
            if i is not None and prev:
                for a in listed(i):
                    member(a, prev[-1])
            continue
        # "X hat rund 120 Mitglieder, darunter A": the body is the subject before the count
        subj = before[-1] if before and before[-1].type == ORGANIZATION else None
        if subj is not None and _HAS_MEMBERS.fullmatch(_gap(t, subj.end, mm.start())):
            cue = T.MEMBER_LIST_CUE.match(t, mm.end())
            i = first_after(cue.end(), _ITEM_GAP) if cue else None
            if i is not None:
                for a in listed(i):
                    member(a, subj)
            continue
        # "Mitglieder des X (, u.a. A und B)" / "A, Mitglied von X"
        m_of = re.match(r"\s+(?:des|der|im|in|of|vom|von|bei|beim)\s+(?:the\s+)?", t[mm.end():])
        if not m_of:
            continue
        j = first_after(mm.end() + m_of.end(), re.compile(r"\s{0,2}"))
        if j is None or ents[j].type != ORGANIZATION:
            continue
        body = ents[j]
        k = j
        while k + 1 < len(ents) and ents[k + 1].ref == body.ref:
            k += 1
        cue = T.MEMBER_LIST_CUE.match(t, ents[k].end)
        if cue:
            i = first_after(cue.end(), _ITEM_GAP)
            if i is not None:
                for a in listed(i):
                    member(a, body)
                continue
        # members named before the word: the closest body (or list of bodies) in front
        cands = [x for x in before if x.type in bodies and x.ref != body.ref]
        if not cands or not _MEMBER_BEFORE.fullmatch(_gap(t, cands[-1].end, mm.start())):
            continue
        group = [cands[-1]]
        for x in reversed(cands[:-1]):
            if _LIST_GAP.fullmatch(_gap(t, x.end, group[-1].start)):
                group.append(x)
            elif x.ref != group[-1].ref:
                break
        if len(group) > 1 and not re.search(r"\b(?:beide|both|alle|all|sind|are|were|waren)\b", _gap(t, cands[-1].end, mm.start())):
            group = group[:1]
        for a in group:
            member(a, body)
