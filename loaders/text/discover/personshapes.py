"""The shapes of a person's name and of the cues around it, as regular expressions: name words,
honorifics, offices (also as German compounds), verbs of saying, initials, a party after a name."""

from __future__ import annotations

import re

from ..personnames import NAME_LOWER, NAME_PARTICLE, NAME_UPPER
from .names import UPPER

HONORIFIC = r"(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.|Mr\.|Ms\.|Mrs\.|Herrn|Herr|Frau|Sheikh|Sheikha)\s+)*"
# a name word; family names with an inner capital after a prefix: McAllister, MacLeod, DeSantis, LaSalle, O'Brien
# (letters beyond ASCII and the umlauts: Dąbrowski, Kalniņa, Ștefănescu, Nguyễn)
_NAMEWORD = rf"[{NAME_UPPER}](?:(?:c|ac|e|a|['’])[{UPPER}])?[{NAME_LOWER}]+(?:-[{NAME_UPPER}{NAME_LOWER}][{NAME_LOWER}]+)?"
# a given or middle name is no particle ("Al" in "Hamad Said Al Mansoori" belongs to the family name)
_GIVENWORD = rf"(?!{NAME_PARTICLE}\s){_NAMEWORD}"
_FAMILY = rf"(?:{NAME_PARTICLE}\s+)?{_NAMEWORD}"
# after two or more name words, German 'von X' is rather 'of X' (a place): only particles that are no German word
_FAMILY3 = rf"(?:(?:Al|El|al|el|bin|bint|ibn|Ibn|Abu|Bou|Ben|ben|da|dos|das|do|de la|de los|de las|del|de|van der|van den|van)\s+)?{_NAMEWORD}"
PERSON = re.compile(rf"(?P<hon>{HONORIFIC})(?P<given>{_GIVENWORD})\s+(?P<family>{_FAMILY})(?![\w-])")
# two to four name words before the family name: "Ana Paula Fava", "Hamad Said Al Mansoori", and the
# longer Arabic and Portuguese names with a father's name or a second family name
PERSON3 = re.compile(rf"(?P<hon>{HONORIFIC})(?P<given>{_GIVENWORD}(?:\s+(?:(?:bin|bint|ibn)\s+)?{_GIVENWORD}){{1,2}})\s+(?P<family>{_FAMILY3})(?![\w-])")
_HON_PERSON = re.compile(rf"(?P<hon>(?:(?:Prof\.|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.|Mr\.|Ms\.|Mrs\.|Sheikh|Sheikha)\s+)+)(?P<given>{_NAMEWORD})\s+(?P<family>(?:(?:von|van|de|zu)\s+)?{_NAMEWORD})(?![\w-])")
_SAY = re.compile(rf"\b(?:sagt|sagte|so|erklärt|erklärte|betont|betonte|ergänzt|ergänzte|erläutert|erläuterte|unterstreicht|said|says|added|explained|stressed|according to)\s+(?={HONORIFIC}{_NAMEWORD}\s+{_NAMEWORD})")
# "said Minjoon KANG, the ...": a family name in capitals after a verb of saying and before a comma
_SAY_CAPS = re.compile(rf"\b(?:sagt|sagte|erklärte|betonte|said|says|added|explained|stressed)\s+(?={_NAMEWORD}\s+[A-Z]{{2,}}\s*,)")
# Offices a name stands next to, also as German compounds ("Wissenschaftsminister", "Generalkonsulin").
_OFFICE_WORDS = ("minister", "präsident", "senator", "sekretär", "botschafter", "konsul", "bürgermeister", "direktor",
                 "geschäftsführer", "vorsitzende", "beauftragte", "landrat", "landrät", "rektor", "chef", "leiter",
                 "sprecher", "abgeordnete", "gouverneur", "staatsrat", "staatsrät", "regierungschef", "kanzler",
                 "dezernent", "referent", "vorstand", "intendant", "professor")
_OFFICE_DE = ("(?:" + "|".join(_OFFICE_WORDS) + "|" + "|".join(w.capitalize() for w in _OFFICE_WORDS)
              + ")(?:in|innen|r|en|n)?")  # (n: "die Abgeordneten")
_OFFICE = (rf"(?:(?:[A-ZÄÖÜ][a-zäöüß]*)?{_OFFICE_DE}|(?:(?:Deputy|Vice|Prime|Chief|State|Lord)[ -])?(?:Minister|Senator|Ambassador|"
           r"Consul(?:[- ]General)?|Councillor|Governor|Mayor|CEO|Chairman|Chairwoman|Chair|President|Director|"
           r"Secretary|Premier|Chancellor|Commissioner|Executive|Officer|Head|Professor|Representative))(?![\w])")
_NAMEWORD_X = rf"(?:{_NAMEWORD}|[A-Z]{{2,}}(?![\w]))"  # family names in capitals: KIM, NGUYEN
# two to four name words; the family name may open with a particle ("Zainab Hisham Al Nuaimi")
_NAME2 = rf"{_NAMEWORD_X}\s+(?:{_NAMEWORD_X}\s+){{0,2}}(?:{NAME_PARTICLE}\s+)?{_NAMEWORD_X}(?![\w-])"
# given names as initials after an office: "Chief Minister M K Stalin", "Chairman C.C. Wei"
_INITIALS = r"(?:[A-Z]\.[ \t]?){1,3}|(?:[A-Z][ \t]){1,3}"
PERSON_INIT = re.compile(rf"(?P<hon>)(?P<given>(?:[A-Z]\.[ \t]?){{1,3}}|(?:[A-Z][ \t]){{1,3}})[ \t]*(?P<family>{_NAMEWORD})(?![\w-])")
PERSON_X = re.compile(rf"(?P<hon>{HONORIFIC})(?P<given>{_NAMEWORD_X}(?:\s+{_NAMEWORD_X})?)\s+(?P<family>{_NAMEWORD_X})(?![\w-])")
_PARTIES = r"(?:(?:alle|beide|both|all)\s+)?(?:CDU|CSU|SPD|FDP|Grüne|Grünen|Bündnis 90/Die Grünen|Die Linke|Linke|AfD|BSW|SSW|Freie Wähler|the Greens|Greens|parteilos)"
_OFFICE_BEFORE = re.compile(rf"(?<![\w-]){_OFFICE}\s+(?:(?:Dr\.|Prof\.|Professor|Mr\.?|Ms\.?|Mrs\.?|Herrn|Herr|Frau|S\.\s?E\.|H\.\s?E\.)\s+)*(?={_NAME2})")
_OFFICE_INITIALS = re.compile(rf"(?<![\w-]){_OFFICE}\s+(?=(?:{_INITIALS})[ \t]*{_NAMEWORD}(?![\w-]))")
# the same after the office's portfolio and a comma: "Minister for Rural Industries, K.R. Gowda said"
_OFFICE_APPOS_INITIALS = re.compile(rf"(?<![\w-]){_OFFICE}[^,.;:()»«\"\n]{{0,80}},\s+(?=(?:{_INITIALS})[ \t]*{_NAMEWORD}(?![\w-]))")
_OFFICE_APPOS = re.compile(rf"(?<![\w-]){_OFFICE}[^,.;:()»«\"\n]{{0,80}},\s+(?:(?:Dr\.|Prof\.|Mr\.?|Ms\.?|Mrs\.?|Herrn|Herr|Frau)\s+)*(?={_NAME2}\s*(?:[,(]|\.(?!\w)))")
# a person's name right after a comma ("..., Jan Roe", "..., K.R. Gowda"): the word before the comma ended the
# office's portfolio ("Minister for Rural Crafts, Jan Roe"), it is no lone family name
_NAME_NEXT = re.compile(r",[ \t]+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?[ \t]+)*(?:[A-Z][a-zäöüß'-]+[ \t]+[A-Z][a-zäöüß]|(?:[A-Z]\.[ \t]?)+[A-Z])")
_OFFICE_PHRASE = re.compile(rf"(?<![\w-]){_OFFICE}(?:-[A-Z][a-z]+(?![\w-]))?(?:\s+(?:of|for|für)\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*+(?:\s+(?:and|und|&)\s+[A-ZÄÖÜ][\w-]*+)?)?")
_NAME_THEN_OFFICE = re.compile(rf"(?<![\w-])(?P<p>{_NAME2}),\s+(?:(?:der|die|the|a|an|seit|since)\s+)?(?:[\w-]+\s+){{0,3}}?{_OFFICE}")
_NAME_PARTY = re.compile(rf"(?<![\w-])(?P<p>{_NAME2})\s+\({_PARTIES}\)")
# the Gulf states' title before a name with 'bin' inside ("Sheikh Khalid bin Saif bin Ahmed")
_SHEIKH = re.compile(r"(?<![\w-])(?:Sheikh|Sheikha|Scheich|Scheicha)\s+(?=[A-Z])")
_MR = re.compile(rf"(?<![\w-])(?:Mr|Mrs|Ms|Herrn|Herr|Frau|S\.\s?E\.|H\.\s?E\.)\.?\s+(?={_NAME2})")
# the last word of an office that the name cue stops before ("Head of State X", "Minister-Plenipotentiary
# Adv X") and forms of address ("HE", "Hon."): no part of the name
_LEAD_TITLE = re.compile(r"(?:(?:State|Adv\.?|Advocate|Hon\.|HE|H\.\s?E\.|S\.\s?E\.|(?:(?:His|Her)\s+)?Excellency|Dr|Prof)\s+)+(?=[A-Z])")
_AND_PERSON = re.compile(rf"\s+(?:und|and|sowie)\s+(?P<given>{_GIVENWORD})\s+(?P<family>{_FAMILY})(?![\w-])")
