"""Word patterns several of the event rules share: who takes part, who hosts, where a clause ends."""

from __future__ import annotations

import re


# words that say a person takes part (also in a sentence that does not name the event again)
# ("Auch X und Y sind dabei.": being there, said at the sentence's end)
_JOINS = re.compile(r"\b(?:teilnehm\w*|(?:nimmt|nahmen?|nehmen)\s[^!?;]{0,160}?\bteil|participat\w*|attend\w*|joined|begleite\w*|accompan\w*|mit dabei"
                    r"|(?:ist|sind|war|waren)\s+(?:auch\s+|ebenfalls\s+)?dabei(?=\s*[.!]?\s*$))\b", re.I)

# "finanziert vom X", "funded by the X", "vom X ... gefördert": the one who pays, named after the cue
_PAID_BY = re.compile(r"\b(?:finanziert|gefördert|funded|financed|sponsored)\s+(?:wird\s+|wurde\s+)?(?:vom|von\s+der|von\s+den|von|durch\s+die|durch\s+das|durch\s+den|durch|by)\s+(?:the\s+)?|\b(?:vom|von\s+der|by)\s+(?:the\s+)?(?=\S[^.;]{0,120}?\b(?:finanziert|gefördert|funded|financed)\b)")

# "die den Minister nach X begleitet hatten": travelling with the trip
_ACCOMPANY = re.compile(r"\b(?:[Bb]egleite\w*|[Aa]ccompan\w*)\b")

# "im Zuge des Besuchs", "during the visit": a person named there takes part in the event
_DURING = re.compile(r"\b(?:[Ii]m Zuge|[Ii]m Verlauf|[Ww]ährend|[Aa]nlässlich|[Zz]um Abschluss|[Zz]um Auftakt|[Dd]uring|[Ii]n the course of|[Aa]s part of|[Ii]m Rahmen|[Bb]ei|[Aa]uf|[Oo]n|[Aa]t the (?:end|start|close) of|[Oo]n the (?:first|last|final) day of)\s+(?:des|der|dieses|dieser|seines|ihres|seiner|ihrer|einer|eines|the|this|his|her|a|an)\s+(?:[\w-]+\s+)?[\w-]*(?:[Bb]esuch|[Rr]eise|[Dd]elegation|[Ff]orum|[Ww]orkshop|[Ss]ymposium|[Vv]isit|trip|mission|[Mm]ission|[Kk]onferenz|[Kk]ongress|[Mm]esse|Tage|[Ee]mpfang|[Vv]eranstaltung|[Cc]onference|[Ss]ummit|[Ff]air|[Ee]vent|[Rr]eception)\w*")

_ORIGIN_BEFORE = re.compile(r"\b(?:aus|from|von)\s+(?:der\s+|dem\s+|den\s+|the\s+)?(?:[\w-]+\s+){0,2}$")

_SAID_THAT = re.compile(r"\s*(?:said|says|added|stated|sagte|sagt|erklärte|erklärt|betonte|betont)\b(?:\s+that\b|,?\s+dass\b|,?\s+(?:es|man|sie|er)\s)")

# a person named in a possessive ("Aigner's ministry", "Marx's hometown") is not the one who takes part
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|')(?!\w)")

# "a delegation led by X", "angeführt von X", "unter (der) Leitung von X": the delegation's head
_LED_BY = re.compile(r"\b(?:led|headed|spearheaded)\s+by\b|\b[Aa]ngeführt\s+von\b|\bunter\s+(?:der\s+)?Leitung\s+(?:von|des|der)\b")

# "A und B begrüßten die Gäste", "X welcomed the guests": the hosts of the event told about just before
_GREETS = re.compile(r"\bbegrüß(?:t|te|ten)\s+(?:[\w-]+\s+){0,2}?(?:die|alle|zahlreiche|rund|über)\s+(?:[\w-]+\s+)?(?:Gäste|Teilnehmer\w*|Besucher\w*)\b"
                     r"|\bwelcom(?:ed|es)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:guests|participants|attendees|visitors)\b")

# "Der Gouverneur ist ... zu Gast", "besuchte der Botschafter die Firma X": the office holder named before
_DEFINITE_BEFORE = re.compile(r"\b(?:der|die|den|dem|des|the)\s+(?:[a-zäöü][\w-]*\s+)?$", re.I)

_ACCOMPANIED_BY = re.compile(r"\b(?:[Bb]egleitet\s+(?:wird\s+|wurde\s+|werden\s+|wurden\s+)?(?:(?:der|die|den|das|er|sie|the)\s+)?(?:[\w-]+\s+)?(?:von|durch)|[Ii]n\s+Begleitung\s+(?:von|des|der)|[Aa]ccompanied\s+by)\b")

_CLAUSE_END = re.compile(r"[;:]|,\s*(?:die|der|das|den|wo|wie|which|who|where|when|als|um|and\s+(?:he|she|they)|und\s+(?:er|sie))\b|\s(?:und|and)\s+(?:wurde|wird|trifft|traf|meets?|met)\b")

# the verbs of receiving a guest; a host also "hosts" and, in the plural, "begrüßten"
_RECEIVE_WORDS = r"empf(?:ängt|ing|ingen|angen)|begrüßt|begrüßte|received|receives|welcomed|welcomes"

_HOST_VERB = re.compile(rf"\b(?:{_RECEIVE_WORDS}|begrüßten|hosted|hosts)\b")

_BY_HOST = re.compile(r"\b(?:von|vom|by)\s+(?:[\w.-]+\s+){0,3}$")

_PASSIVE = re.compile(r"\b(?:wurde|wurden|wird|werden|was|were|is|are)\b")

_ON_BEHALF = re.compile(r"\b(?:in\s+Vertretung\s+(?:von|des|der)|im\s+Auftrag\s+(?:von|des|der)|on\s+behalf\s+of|"
                        r"representing)\s+(?:[\w.-]+\s+){0,3}$", re.I)
