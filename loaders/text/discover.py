"""Finding names the gazetteer does not know: acronym definitions, organization
and company names (legal forms, head nouns), and persons (next to a role word,
an honorific or a verb of saying). Found names are added to the document's own
copy of the gazetteer, so that later mentions (also the bare family name
'Dulig' or the acronym 'KOSME') are recognized.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.text import fold, slug

from .gazetteer import Entry, Gazetteer, Hit, token_forms, tokenize
from .legalforms import legal_pattern
from .givennames import is_given_name
from .personnames import NAME_LOWER, NAME_PARTICLE, NAME_UPPER, family_after_office, family_first, given_name_candidates, lone_family_after_title
from .orgnames import (COORD_EN, HEADS_FOREIGN, LIST_INTRO, generic_en_name, cued_bodies, PAIRS_INTRO, bullet_item, bullet_names, name_like, name_lists, is_common_noun, described_companies, enumerated_companies, headed_companies, is_generic,
                       org_candidates, party_names, split_coordinated)
from .sentences import Sentence
from .refcompanies import listed_companies
from .typenames import COMPANY, ORGANIZATION, PERSON as PERSON_T, REGION, TOPIC

UPPER = "A-ZÄÖÜ"
# one way to match each word (a digit run cannot be split between \d and \w: that was exponential)
# a word starts at a word start, and its letters are never given back: a run of words is matched
# from each of its word starts at most, not from every character (linear-time rules)
_CAPWORD = rf"(?<![\w'’-])(?:[{UPPER}][\w'’]*+(?:-[\w'’]*+)*+|\d[\w-]*+)"
_CONN = r"(?:für|und|of|and|for|the|de|des|der|du|&|am|an|in|on|zu|,)"
# legal forms: German and English ones and cleanco's (``legalforms``)
_LEGAL = legal_pattern()
_RUN = rf"{_CAPWORD}(?:\s+(?:{_CONN}\s+)*{_CAPWORD})*"
_ACRONYM_DEF = re.compile(rf"(?P<long>{_RUN}(?:\s+{_LEGAL})?)\s*\((?P<acr>[{UPPER}][A-Za-z0-9&_\-]{{1,11}})\)")
# a legal form ends a name: "Kerner Optik GmbH and Brauer Laser AG" are two names
_CAPWORD_NL = rf"(?!{_LEGAL}(?![\w]))(?:{_CAPWORD})"
_RUN_NL = rf"{_CAPWORD_NL}(?:\s+(?:{_CONN}\s+)*{_CAPWORD_NL})*"
_LEGAL_NAME = re.compile(rf"(?P<name>{_RUN_NL})\s+(?P<legal>{_LEGAL})(?![\w])")
_HEAD_EN = (r"(?:Agency|Association|Chambers?|Institute|University|Ministry|Corporation|Foundation|Council|Cluster|Network|"
            r"Organi[sz]ation|Accelerator|Center|Centre|Society|Federation|Authority|Alliance|Hub|Campus|Board|School|"
            r"Commission|Bureau|Secretariat|Department|Chancellery|Committee|Office|"
            # a park is a body only as a science or technology park ("Science Park Saar"), not "Central Park"
            r"(?:(?<=Science )|(?<=Technology )|(?<=Research )|(?<=Innovation )|(?<=Industrial ))Park)")
# a head first, then its field: "the Agency for Regional Growth", "Department of Industries and Commerce"
_HEAD_FIRST_EN = re.compile(
    rf"(?<![\w-])(?P<name>(?:Ministry|Agency|Department|Office|Institute|Council|Commission|Bureau|Chamber|Authority|"
    rf"Board|Centre|Center|Foundation|Association|Chancellery|Committee|Embassy|Consulate(?:[- ]General)?|"
    rf"Federation|Confederation|Government)"
    # "Department for Promotion of Industry and Internal Trade": a second "of" inside the field
    rf"\s+(?:of|for)(?:\s+(?:the\s+)?{_CAPWORD})+(?:\s+(?:of|for)(?:\s+{_CAPWORD}){{1,3}}(?=\s+and\s))?"
    rf"(?:(?:,\s+{_CAPWORD})*,?\s+and(?:\s+{_CAPWORD})+)?)"
    # the place of the body after its field: "Chamber of Commerce and Industry of Stuttgart" (kept only for a region)
    rf"(?P<of>\s+(?:of|in)\s+(?P<place>{_CAPWORD}(?:\s+{_CAPWORD})?))?")
# a level of government in lower case before "Government of X" ("the provincial Government of ...")
_LEVEL_BEFORE_EN = {"provincial", "federal", "state", "regional", "municipal", "national", "local", "prefectural"}
# a name in capitals after the head belongs to it ("Political Network STRING")
# "Ministry of Industry and Trade", not "X Hub and the Port of Y" (a second name after "and the")
# a field list after "of"/"for" ends with "and" ("Ministry for Economic Affairs, Regional Development and Energy")
# an office after "and" ends a body's name ("the State Chancellery and Minister of State for X")
_OFFICE_EN = r"(?:Minister|President|Secretary|Governor|Head|Director|Mayor|Premier|Chairman|Chairwoman|Chair|CEO|Ambassador|Consul)"
_HEAD_NAME_EN = re.compile(rf"(?P<name>{_RUN}\s+{_HEAD_EN}(?:\s+(?:of|for)(?:\s+(?:the\s+)?{_CAPWORD})+(?:(?:,\s+{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}){{1,3}},?(?=\s+and\s))?|\s+and(?!\s+{_OFFICE_EN}\b)(?:\s+{_CAPWORD})+)*(?:\s+[A-Z]{{3,}}(?![\w-]))?)(?P<place>\s+{_CAPWORD})?(?![\w])")
# "the Council for Joint Projects with the Republic of Poland": a cooperation body named with its partner
_COOPERATION_BODY_EN = re.compile(rf"(?<![\w-])(?P<name>(?:Board|Commission|Council|Committee|Office|Centre|Center|Forum)\s+(?:of|for)\s+"
                                  rf"(?:{_CAPWORD}\s+){{0,2}}(?:Cooperation|Co-operation|Relations|Partnership)\s+with\s+(?:the\s+)?"
                                  rf"(?P<place>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}))")
# words after a head that make the whole a programme, an event or a prize, not a body
_PROGRAMME_WORD = re.compile(r"Initiative|Programme|Program|Project|Fund|Award|Awards|Prize|Platform|Forum|Conference|Summit|"
                             r"Week|Days|Day|Festival|Challenge|Strategy|Act|Plan|Fair|Expo|Congress|Convention|Symposium|"
                             r"Workshop|Webinar|Series|Lecture|Meeting|Dialogue|Talks")
# "Scottish Government", "Indonesian Government": a national or regional adjective before Government/Parliament
_GOVERNMENT_EN = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][a-z]+(?:ish|ian|ese|an|ic|i|sh)|U\.S\.|US|UK|Basque|Thai|Swiss|Dutch|French|"
                            r"Greek|Czech|Catalan|Flemish|Walloon|Quebec)\s+(?:(?:State|Provincial|Federal|Regional|Municipal)\s+)?"
                            r"(?:Government|Parliament|National\s+Assembly|Senate|Embassy|Consulate(?:[- ]General)?))(?![\w-])"
                            # "the German Embassy in Ottawa": a mission's town belongs to its name as written
                            r"(?:[ \t]+in[ \t]+(?P<r>[A-Z][\w]*(?:-[A-Z][\w]*)*)(?![\w-]))?")
# "Botschaft der Republik Korea", "Generalkonsulat der Volksrepublik China", "Konsulat von Japan": a mission of a country
_MISSION_DE = re.compile(r"(?<![\w-])(?P<name>(?:Botschaft|Generalkonsulat|Konsulat)\s+(?:der|des|von)\s+(?:(?:Republik|Volksrepublik|"
                         r"Bundesrepublik|Königreichs?|Föderativen\s+Republik|Vereinigten\s+Staaten\s+von)\s+)?"
                         r"(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*))(?![\w-])")
# "the Hamburg State Government": a region the text names, then its state government (a bare "X government"
# is the region X in the seed gold: "Busan Metropolitan City government")
_REGION_GOVERNMENT_EN = re.compile(r"(?<![\w-])(?P<r>[A-Z][\w]*(?:\s?-\s?[A-Z][\w]*|\s[A-Z][\w]*){0,2})\s+"
                                   r"(?:State|Provincial|state|provincial)\s+(?:Government|government)(?![\w-])")
# "das indische Generalkonsulat", "der Deutschen Botschaft": a country's mission named by the country's adjective
# ("der deutschen Botschaft in Lima": the town it sits in belongs to the name); so is a country's parliament
# ("die polnische Nationalversammlung", "das dänische Parlament", "der italienische Senat")
_MISSION_ADJ_DE = re.compile(r"(?<![\w-])(?P<name>(?P<adj>[A-Za-zÄÖÜäöü][a-zäöüß-]*(?:e|en|es|er|em))\s+"
                             r"(?:Generalkonsulat|Botschaft|Konsulat|Nationalversammlung|Parlament|Nationalrat|Senat)(?:e?s)?)(?![\w-])"
                             r"(?:[ \t]+in[ \t]+(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*)(?![\w-]))?")
# "Bavaria's economy ministry", "Ohio's state economic development department": a region's body by its field
_POSSESSIVE_BODY = re.compile(r"(?<![\w-])(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?:'s|’s)\s+(?P<rest>(?:state\s+|regional\s+|provincial\s+)?"
                              r"(?P<field>economy|economics|economic(?:\s+affairs)?|finance|foreign|interior|science|education|"
                              r"environment|agriculture|health|transport|trade|labou?r|culture|digital)\s+"
                              r"(?:development\s+)?(?P<head>ministry|department|agency))\b")
# "IHK Berlin", "HWK Dresden", "IHK zu Kiel"
_CHAMBER_ABBR = re.compile(rf"(?<![\w-])(?P<name>(?:IHK|HWK|AHK)\s+(?:(?:zu|für)\s+)?(?P<place>{_CAPWORD}))")
_UNI_ABBR = re.compile(rf"(?<![\w-])(?P<name>(?:TU|TH|FH|HS|BTU|HTW|HTWK|HAW|OTH|HfT|HfWU)\s+(?P<place>{_CAPWORD}))")
# "Tongji Universität": a name before the German head (not an adjective: "Technische Universität")
_UNI_BEFORE = re.compile(rf"(?<![\w-])(?P<name>[A-Z][\w]*+\s+Universität)(?![\w-])")
_UNI = re.compile(rf"(?P<name>(?:Technische\s+)?Universität\s+{_CAPWORD}|University\s+of\s+{_CAPWORD}|"
                  # "Dresden University of Applied Sciences": the field after "of" belongs to the name
                  rf"{_CAPWORD}\s+University(?:\s+of(?:\s+(?:the\s+)?{_CAPWORD}){{1,4}}(?:\s+and\s+{_CAPWORD})?)?|"
                  rf"Hochschule\s+{_CAPWORD}(?:\s+{_CAPWORD})?)")
# a foreign type word and the name after it, with the particles of those languages inside ("Université X",
# "Universidad de Y", "Istituto per la Z"): the name ends at its last capitalized word
_FOREIGN_BODY = re.compile(rf"(?<![\w-])(?P<name>{HEADS_FOREIGN}(?:[ \t]+(?:(?:de|del|della|delle|di|do|da|dos|das|du|des|la|le|per|para|pour)[ \t]+){{0,2}}{_CAPWORD}){{1,4}})")
# a body whose presidency or chair passes between its members ("die Präsidentschaft der „X für Y“", "the
# presidency of the X for Y"): the name after the cue, in quotes or as a run of capitalized words
_NAME_QUOTED = r"[„“\"»](?P<q>[A-ZÄÖÜ][^„“”\"«»]{2,60}?)[“”\"«]"
_PRESIDED_BODY = re.compile(rf"(?<![\w-])(?:[Pp]residency|[Cc]hairmanship|[Pp]räsidentschaft|[Vv]orsitz)\s+(?:of\s+the|der|des)\s+"
                            rf"(?:{_NAME_QUOTED}|(?P<name>{_RUN}))")
# a group of states or regions introduced by what it is and its name ("an alliance of regions called the X",
# "ein Netzwerk namens X"); the English article before the name is part of it as written
_CALLED_BODY = re.compile(rf"(?<![\w-])(?:alliance|network|association|group|league|Netzwerk|Bündnis|Verbund|Zusammenschluss)\s+"
                          rf"(?:of\s+(?:[a-z]+\s+){{1,3}})?(?:called|named|known\s+as|namens|mit\s+dem\s+Namen)\s+"
                          rf"(?:{_NAME_QUOTED}|(?:the\s+)?(?P<name>{_RUN}))")
# a city state's department named after its senator ("Der Senator für Wirtschaft und Häfen teilt mit"): the
# office with its fields and an article before it, no name after it or after a comma (then it is a person's office:
# "der Senatorin für Wirtschaft, Erika Muster")
_SENATOR_DEPT = re.compile(r"(?<![\w-])(?:[Dd]er|[Dd]ie|des|dem|den|beim|vom)\s+(?P<name>Senator(?:in|s)?\s+für\s+[A-ZÄÖÜ][\w-]*+"
                           r"(?:(?:,\s+|\s+und\s+)[A-ZÄÖÜ][\w-]*+){0,4}+)(?![\w-])(?![ \t]+[A-ZÄÖÜ]|,[ \t]+[A-ZÄÖÜ])")
# a region's office abroad, as English releases write it in lower case: "the Saxon liaison office", "a Lower
# Silesian office in Saxony", "its representation office in Montreal"; the town after "in" belongs to the name
_REGION_OFFICE_EN = re.compile(r"(?<![\w-])(?:(?P<adj>(?:(?:Lower|Upper|Northern|Southern|Eastern|Western)\s+)?[A-Z][a-z]+(?:ian|ish|an|ese|ic|on))"
                               r"|(?P<own>its|their))\s+(?P<kind>(?:liaison|representation|representative|trade)\s+)?office(?![\w-])"
                               r"(?:[ \t]+in[ \t]+(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?![\w-]))?")
_REGION_AGENCY = r"(?:Invest|International|Trade\s*&\s*Invest|Global\s+Business|Innovativ|Business\s+Development)"
_APPOSITION = re.compile(
    rf"(?P<name>{_RUN}),\s+(?:the|die|der|das|a|an|eine|ein)\s+(?:[\w'’-]+\s+){{0,4}}?(?P<head>agency|Agentur|Wirtschaftsförderung|Wirtschaftsfördergesellschaft|association|Verband|cluster|Cluster|network|Netzwerk|ministry|Ministerium|chamber|Kammer|institute|Institut|university|Universität)\b"
)

STOP = {
    "die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "the", "a", "an", "mit",
    "bei", "von", "vom", "für", "auch", "im", "in", "am", "an", "auf", "aus", "zum", "zur", "nach", "und", "oder", "als",
    "wie", "so", "bereits", "dazu", "dabei", "zudem", "sowie", "unter", "über", "durch", "both", "as", "at", "by", "for",
    "from", "with", "on", "to", "this", "these", "that", "its", "their", "our", "his", "her", "diese", "dieser", "dieses",
    "diesem", "unsere", "unser", "ihre", "ihr", "sein", "seine", "all", "alle", "neue", "neuen", "new", "herr", "frau",
    "mr", "ms", "mrs", "während", "nun", "jetzt", "heute", "today", "gestern", "zwischen", "between", "neben", "beim",
    "ziel", "doch", "gerade", "organisiert", "angeführt", "unterschrieben", "unterzeichnet", "vertreter", "vertreterin",
    "vertretern", "delegation", "geschäftsführer", "geschäftsführerin", "präsident", "präsidentin", "vorsitzende",
    "vorsitzender", "anschließend", "zum", "abschluss", "zusammen", "gemeinsam", "veranstalter", "mitglied", "member",
    "members", "mitglieder", "partner", "kooperationspartner", "ansprechpartner", "ansprechpartnerin", "tel", "e-mail",
    "telefon", "fax", "telefax", "links", "foto", "quelle", "source", "medien", "hinweis", "im", "rund", "ca", "seit",
    # sentence adverbs before a name ("Later Velden University signed ...")
    "later", "then", "also", "now", "meanwhile", "afterwards", "yesterday", "recently", "finally", "additionally",
    "furthermore", "moreover", "besides", "meanwhile", "später", "danach", "außerdem", "zudem", "ebenso",
    # titles written without a full stop ("Dr Tschentscher", British style)
    "dr", "prof", "herrn", "sir", "dame",
}
_OPEN_QUOTE, _CLOSE_QUOTE = "„“\"‚'»«", "“”\"‘'«»"


def _quoted(t: str, a: int, b: int) -> bool:
    """The name stands alone in quotation marks (a company or a title: „Hero Cycles“), not a person."""
    return a > 0 and t[a - 1] in _OPEN_QUOTE and t[b:b + 1] != "" and t[b] in _CLOSE_QUOTE
NAME_PREFIX_FAMILIES = {"fraunhofer", "max-planck", "max planck", "leibniz", "helmholtz", "steinbeis"}
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

# capitalized function words mid-line mark an English headline in title case
_TITLE_WORDS = re.compile(r"\s(?:With|From|To|In|On|At|As|By|After|Over|Into|Amid|Ahead|Via)\s")
_TITLE_BREAK = re.compile(r"(?<![\w-])(?:With|From|To|In|On|At|As|By|After|Over|Into|Amid|Via|Between|Among|Announces|Announced)\s+")


def title_case(sentence: str, lang: str = "en") -> bool:
    """An English headline in title case: no final punctuation, and a capitalized function word mid-line or
    nearly every longer word capitalized ("Governor Leads Trade Mission to Germany to Strengthen Ties")."""
    t = sentence.rstrip()
    if lang != "en" or not t or t[-1] in ".!?\"”:;)":
        return False
    longer = re.findall(r"(?<![\w'’-])[A-Za-z][\w'’-]{3,}", t)
    caps = sum(1 for w in longer if w[0].isupper())
    return bool(_TITLE_WORDS.search(t)) or (len(longer) >= 5 and caps >= 0.8 * len(longer))


_NAME_JOIN = re.compile(r",\s+|\s+(?:and|und|sowie|&)\s+")
# a company's short name written in capitals ("BASF", "SCHOTT"), not an acronym of two letters
_CAPS_NAME = re.compile(r"[A-ZÄÖÜ]{3,}")
# a name of hyphen-joined capitalized parts ("Rhein-Port", "Main-Nord-Hub"): a name of its own before "and"
_JOINED_NAME = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ0-9][\w]*)+")


def _cut_joined_names(full: str, gaz: Gazetteer, lang: str) -> str:
    """The last name of a run of names before a legal form ("BASF und Velden AG" -> "Velden"): a known body,
    a short name in capitals ("BASF") or a hyphen-joined name ("Rhein-Port") before "und"/"and" is a name of
    its own (the latter two are registered as companies); cut as often as the run holds such names."""
    cut = True
    while cut:
        cut = False
        for j in _NAME_JOIN.finditer(full):
            first = full[:j.start()]
            if any(e.type in (ORGANIZATION, COMPANY) for e in gaz.lookup(first)):
                full, cut = full[j.end():], True
                break
            if (_CAPS_NAME.fullmatch(first) or _JOINED_NAME.fullmatch(first)) \
                    and j.group(0).strip() in ("und", "and", "sowie") and not gaz.lookup(first):
                _register_org(gaz, first, lang, type_override=COMPANY)
                full, cut = full[j.end():], True
                break
    return full


LEGAL_COMPANY = re.compile(rf"(?<![\w])(?:{_LEGAL}|Co\.)(?![\w])")


def classify(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """(node type, organization kind) for a name found in the text."""
    low = fold(name)
    # an Asian or Anglo-American company form at the end ("... Investment Management Co., Ltd."): a company,
    # whatever words it has ("Investment" would make it an agency)
    if re.search(r"(?:\bCo\.,?\s*Ltd|\bLtd|\bInc|\bLLC|\bCorp|\bPLC|\bPte\.?\s*Ltd|\bJSC)\.?$", name):
        return COMPANY, None
    if re.search(r"ministeri|ministry|departement|department of", low):
        return ORGANIZATION, "ministry"
    if re.search(r"kammer|chamber|\bahk\b|\bihk\b", low):
        return ORGANIZATION, "chamber"
    if re.search(r"cluster|netzwerk|network", low):
        return ORGANIZATION, "cluster"
    if re.search(r"universit|hochschule|college", low):
        return ORGANIZATION, "university"
    if re.search(r"institut|fraunhofer|forschungszentrum|research|laborator|max planck|helmholtz|leibniz", low):
        return ORGANIZATION, "research_institute"
    if re.search(r"agentur|agency|forderung|promotion|invest|accelerator|development|marketinggesellschaft|business center", low):
        return ORGANIZATION, "agency"
    if re.search(r"regierung|government|prefecture|metropolitan city|provinz|chancellery|kanzlei", low):
        return ORGANIZATION, "government"
    if re.search(r"verband|association|verein|federation|\be v\b|society|alliance|council", low):
        return ORGANIZATION, "association"
    # "<Region> International GmbH" and the like: a public promotion agency
    first = name.split()[0] if name.split() else ""
    if re.search(r"\binternational\b|\bglobal\b", low) and any(e.type == REGION for e in gaz.lookup(first)):
        return ORGANIZATION, "agency"
    if LEGAL_COMPANY.search(name):
        return COMPANY, None
    return ORGANIZATION, "other"


# a legal form written before the name: Indonesian "PT" (Perseroan Terbatas), "PT." ("PT Velden Nusantara")
_LEGAL_LEAD = r"PT\.?[ \t]+"
_LEAD_LEGAL_NAME = re.compile(rf"(?<![\w.-])(?P<name>{_LEGAL_LEAD}[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){{0,3}})")


# "Velden Foods Co.": "Co." after a name (not the start of "Co., Ltd." or "Co. KG", read as legal forms)
_CO_NAME = re.compile(rf"(?P<name>{_RUN_NL})\s+Co\.(?![\w])(?!,?\s*(?:Ltd|KG|Kg|LLC|Inc)\b)")


_ACRONYM_FIRST = re.compile(rf"(?<![\w-])(?P<acr>[{UPPER}][A-Z0-9&]{{1,11}})\s*\((?P<long>{_RUN})\)")


def strip_legal(name: str) -> str:
    return re.sub(rf"^{_LEGAL_LEAD}", "", re.sub(rf"\s+{_LEGAL}$", "", name)).strip()


def _trim_left(run: str) -> str:
    words = run.split(" ")
    while words and (words[0].lower().strip(",") in STOP or words[0] in (",",)):
        words = words[1:]
    while words and words[-1] in (",", "und", "and", "&", "of", "for", "für"):
        words = words[:-1]
    return " ".join(words).strip(" ,")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper() and not re.fullmatch(_LEGAL, w))


def _is_subsequence(acr: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in acr)


def best_long_form(run: str, acr: str) -> str | None:
    """The part of a capitalized run that the acronym abbreviates ('Vertreter der Japan
    External Trade Organization' + 'JETRO' -> 'Japan External Trade Organization')."""
    words = run.split()
    a = acr.lower().replace("-", "").replace("_", "").replace("&", "")
    cands = []
    for i, w in enumerate(words):
        if not w[:1].isupper() or w[0].lower() != a[:1]:
            continue
        cand = words[i:]
        if cand[0].lower().strip(",") in STOP:
            continue
        ini = _initials(cand).lower()
        text = " ".join(cand).lower()
        if ini == a:
            cands.append((0, i))
        elif _is_subsequence(a, text.replace(" ", "")):
            cands.append((1, -i))
    if not cands:
        # acronyms of another language ('IKTS' for 'Fraunhofer Institute for Ceramic
        # Technologies and Systems'): the whole run when it names an institution
        run2 = _trim_left(run)
        if len(run2.split()) >= 3 and re.search(_HEAD_EN + r"|Institut|Agentur|Gesellschaft|Verband|Kammer", run2) and a[:1] in _initials(run2.split()).lower():
            words2 = run2.split()
            # start at the first word whose initial is the acronym's or that opens a research-family name
            for i, w in enumerate(words2):
                if fold(w) in NAME_PREFIX_FAMILIES or (w[:1].isupper() and w[0].lower() == a[:1]):
                    return " ".join(words2[i:])
            return run2
        return None
    cands.sort()
    tier, i = cands[0]
    i = abs(i)
    # research family names in front: "Fraunhofer Institute for ..."
    if i > 0 and fold(words[i - 1]) in NAME_PREFIX_FAMILIES:
        i -= 1
    out = " ".join(words[i:]).strip(" ,")
    return out if len(out) > len(acr) else None


@dataclass
class Found:
    entry: Entry
    sentence: int


def _new_id(prefix: str, label: str, gaz: Gazetteer) -> str:
    base = f"{prefix}:{slug(label)}"
    nid, n = base, 2
    while nid in gaz.entries:
        nid, n = f"{base}-{n}", n + 1
    return nid


def _names_it(e: Entry, name: str, type_override: str | None) -> bool:
    """Whether a region or topic the lookup found is really named so. Lookup also tries inflected forms
    ("Kelmer" -> a district "Kelmė"); a name a company cue stands by ("Maschinenbauer Kelmer") must be the
    region's own name, or a reference-data name of it, as written (folded) to be taken for it."""
    if type_override != COMPANY:
        return True
    return fold(name) in {fold(n) for n in e.all_names()}


def _register_org(gaz: Gazetteer, name: str, lang: str, acr: str | None = None, hint: str | None = None,
                  type_override: str | None = None) -> Entry | None:
    name = name.strip(" ,")
    if (len(name) < 3 and not type_override) or is_generic(name) or COORD_EN.fullmatch(name):
        return None
    parts = split_coordinated(name) if not type_override else [name]
    if len(parts) > 1:  # two bodies joined by "and": each one on its own
        for p in parts:
            _register_org(gaz, p, lang, hint=hint)
        return None
    known = gaz.lookup(name)
    known = [e for e in known if e.type in (ORGANIZATION, COMPANY)] or ([] if not acr else [e for e in gaz.lookup(acr) if e.type in (ORGANIZATION, COMPANY)])
    if known:
        e = known[0]
        for n in (name, strip_legal(name), acr):
            if n and n not in e.all_names():
                gaz.add_alias(e.id, n, lang)
        return e
    if any(e.type in (REGION, TOPIC) and _names_it(e, name, type_override) for e in gaz.lookup(name)):
        return None
    # a span that contains a known body ("Verbände World Class 300 und High Potential ... Association") is not one name
    short = strip_legal(name)
    # (the name after a legal form in front, "PT <Company> Indonesia", is read as the name itself)
    seen = short if re.match(_LEGAL_LEAD, name) else name
    for mm in gaz.match(seen, tokenize(seen)):
        if any(h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY) for h in mm.hits):
            # a company's branch in a region is a company of its own: "<Company> Sachsen GmbH"
            rest = short[mm.end:].strip()
            branch = (mm.start == 0 and short != name and rest
                      and any(e.type == REGION for e in gaz.lookup(rest)))
            # "National Velden University of Science and Technology" is not "National Velden University"
            # ("X Chamber of Commerce of the Southern States": a regional chapter of a known body, named in full)
            field = (mm.start == 0 and re.match(r"(?:of|for)\s+(?:the\s+)?[A-Z]", rest)
                     and not any(e.type == REGION for e in gaz.lookup(re.sub(r"^(?:of|for)\s+(?:the\s+)?", "", rest))))
            # "Siemens Energy" in a list of companies: a company named after a known one
            sister = (type_override == COMPANY and mm.start == 0 and len(rest.split()) == 1 and rest[:1].isupper()
                      and any(gaz.entries[h.ref].type == COMPANY for h in mm.hits if h.kind == "entity"))
            branch = branch or bool(field) or sister
            if mm.end - mm.start < len(short) - 1 and not branch:
                return None
    type_, kind = classify(name, gaz)
    if hint and kind in ("other", "association", None):
        type_, kind = classify(f"{hint} {name}", gaz)
    if type_override:
        type_, kind = type_override, (None if type_override == COMPANY else kind)
    prefix = "company" if type_ == COMPANY else "org"
    short = strip_legal(name)
    nid = _new_id(prefix, acr or short, gaz)
    props = {}
    if kind:
        props["kind"] = kind
    if acr:
        props["acronym"] = acr
    m = re.search(rf"{_LEGAL}$", name)
    if m:
        props["legal_form"] = m.group(0)
    aliases = [a for a in (acr, short if short != name else None) if a]
    e = Entry(nid, type_, {lang: name}, {lang: aliases} if aliases else {}, props, local=True)
    gaz.add(e)
    return e


def _stub_only_in_coordinations(stub: str, doc_forms: Counter, doc_text: str) -> bool:
    """True when the word ``stub`` ('Verkehrs') occurs in the document only as the first part of a coordinated
    compound ('Verkehrs-, Umwelt- und Finanzministerium'), so that it can stand for the whole compound.
    ``doc_forms`` counts the document's token forms (``token_forms``), ``doc_text`` is its sentences joined."""
    as_word = max(doc_forms[f] for f in token_forms(stub))
    as_stub = len(re.findall(rf"(?<![\w-]){re.escape(stub)}-(?=,|\s)", doc_text))
    return as_word == as_stub


def _form_counts(sentences: list[Sentence]) -> Counter:
    out: Counter = Counter()
    for s in sentences:
        for tok, _, _ in tokenize(s.text):
            out.update(set(token_forms(tok)))
    return out


_MONTHS = {"januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
           "dezember", "january", "february", "march", "may", "june", "july", "october", "december", "montag",
           "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday",
           "thursday", "friday", "saturday", "sunday"}
# a place word before a town name: "in Kelmsund", "aus Kelmsund", "near Kelmsund", "Stadt Kelmsund"
_PLACE_CUE = re.compile(r"(?<![\w-])(?:in|aus|nach|bei|from|to|near|Stadt|Städte|Städten|city of|town of|cities of|towns of|Standort|Werk in|plant in|"
                        r"besuchte[n]?|besucht|visited|visiting|Gemeinde|Kleinstadt|zwischen|between|"
                        # a sentence that opens with the place: "In Kelmsund produziert ..."
                        r"^(?:In|Aus|Nach|Bei|From|Near))\s+"
                        r"(?P<n>[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
# more towns of the same list: "in Kelmsund und Tarnow", "between Kelmsund and Tarnow"
_MORE_TOWNS = re.compile(r"(?:\s*,\s*|\s+(?:und|and|sowie|or|oder)\s+)(?P<n>[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")


# a dateline in capitals opens the text: "KELMSUND: ...", "(dpa) KELMSUND - ...", "KELMSUND/BERLIN. ..."
_CAPS_DATELINE = re.compile(r"\s*(?:\([\w/ .-]{1,20}\)\s*)?(?P<n>[A-ZÄÖÜ]{3,})(?=\s*[:–—/,.]|\s+-\s)")


def discover_places(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Towns below the gazetteer's size limit (``refdata.small_towns``) where the text places something in
    them ("ein Werk in Kelmsund"): added to the document's gazetteer, so that every mention of them counts."""
    from .refdata import small_towns

    towns = small_towns()
    for s in sentences:
        found = []
        for m in _PLACE_CUE.finditer(s.text):
            found.append(m)
            pos = m.end("n")
            while (more := _MORE_TOWNS.match(s.text, pos)) is not None and fold(more.group("n")) in towns:
                found.append(more)
                pos = more.end("n")
        caps = _CAPS_DATELINE.match(s.text)
        if caps:
            found.append(caps)
        for m in found:
            name = m.group("n")
            if name.isupper():
                name = name.title()
            hit = towns.get(fold(name)) or towns.get(fold(name.split()[0]))
            if hit is None or hit[0] in gaz.entries or gaz.lookup(hit[1]) or fold(name) in _MONTHS:
                continue
            # "according to Sachin Kulkarni": a given name before a capitalized word is a person, not a town
            if is_given_name(name.split()[0]) and fold(name) not in towns and (
                    " " in name or re.match(r"[ \t]+[A-ZÄÖÜ]", s.text[m.end("n"):m.end("n") + 2])):
                continue
            rid, town = hit
            gaz.add(Entry(rid, REGION, {lang: town}, {}, {"level": "city"}, parent=rid.split("-")[0], local=True))


# an area named by a compass word joined to a known region ("Süddeutschland", "Ostbayern", "Nordchina")
_COMPASS_AREA = re.compile(r"(?<![\w-])(?P<c>Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Mittel|Zentral)"
                           r"(?P<r>[a-zäöü][a-zäöüß]{3,})(?![\w-])")
# an area named as the space or region around something, with a hyphen: "ASEAN-Raum", "Rhein-Main-Region"
_HYPHEN_AREA = re.compile(r"(?<![\w-])(?P<n>[A-ZÄÖÜ][\wÄÖÜäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)?)-(?:Raum|Region)(?![\w-])"
                          # the area around a sea or lake, in one word: "Ostseeraum", "Bodenseeregion"
                          r"|(?<![\w-])[A-ZÄÖÜ][a-zäöü]+see(?:raum|region)(?![\w-])")


# first parts of '-Region' / '-Raum' that name a field or a kind, not a place
_AREA_NOT = {"Technologie", "Innovation", "Innovations", "Wirtschaft", "Wirtschafts", "Wissenschaft", "Wissenschafts",
             "Energie", "Industrie", "Modell", "Zukunft", "Zukunfts", "Wachstum", "Wachstums", "Forschung", "Forschungs",
             "Lebens", "Kultur", "Bildung", "Bildungs", "Gesundheit", "Gesundheits", "Digital", "Start"}


def _add_area(gaz: Gazetteer, name: str, lang: str, parent: str | None) -> None:
    rid = f"region:area-{slug(name)}"
    if rid not in gaz.entries and not gaz.lookup(name):
        gaz.add(Entry(rid, REGION, {lang: name}, {}, {"level": "area"}, parent=parent, local=True))


def discover_areas(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Areas the gazetteer cannot list: a compass word joined to a region it knows ("Süddeutschland";
    part of that region where the region is a country) and hyphenated '-Raum' / '-Region' names."""
    for s in sentences:
        for m in _COMPASS_AREA.finditer(s.text):
            base = m.group("r")[0].upper() + m.group("r")[1:]
            known = [e for e in gaz.lookup(base, REGION) if base in e.all_names()]
            if known and not gaz.lookup(m.group(0)):
                country = known[0].properties.get("level") == "country"
                _add_area(gaz, m.group(0), lang, known[0].id if country else None)
        for m in _HYPHEN_AREA.finditer(s.text):
            parts = (m.group("n") or "").split("-")
            if any(p in _AREA_NOT or any(e.type == TOPIC for e in gaz.lookup(p)) for p in parts):
                continue  # "Mikroelektronik-Region", "Technologie-Raum": a field of work, not a place
            _add_area(gaz, m.group(0), lang, None)


def discover_organizations(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Bodies and companies the gazetteer does not hold, added to the document's gazetteer, in three passes
    over the sentences: names a text defines (acronym, legal form), names by a type word or a cue, and names
    by an English head word or a body's kind (government, mission, chamber, university, apposition)."""
    # towns in context first: a body named after its town ("Hafen Kelmsund") then sees a region
    discover_places(gaz, sentences, lang)
    discover_areas(gaz, sentences, lang)
    # three passes, so that a name with a legal form or an acronym ('X-Cluster Y e. V.') is known before
    # a shorter type-word name inside it ('X-Cluster' in a headline) could claim the span
    for s in sentences:
        _defined_names(gaz, s.text, lang)
    forms = _DocumentForms(sentences)
    for s in sentences:
        _typed_names(gaz, s.text, lang, forms)
    _listed_companies(gaz, sentences, lang)
    _company_companions(gaz, sentences, lang)
    for s in sentences:
        _headed_names(gaz, s.text, lang)


def _defined_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """First pass, one sentence: names the text defines, by an acronym in brackets or a legal form."""
    _acronym_definitions(gaz, t, lang)
    _legal_form_names(gaz, t, lang)
    _acronyms_first(gaz, t, lang)
    for m in _LEAD_LEGAL_NAME.finditer(t):
        _register_org(gaz, m.group("name"), lang, type_override=COMPANY)
    _co_names(gaz, t, lang)


def _acronym_definitions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Long Name (ACR)': the long form the acronym abbreviates, a new body or an alias of the known one."""
    for m in _ACRONYM_DEF.finditer(t):
        acr = m.group("acr")
        if acr.isdigit() or not re.search(r"[A-Z].*[A-Z]|^[A-Z]{2,}", acr):
            continue
        long = best_long_form(m.group("long"), acr)
        acr_known = [e for e in gaz.lookup(acr) if e.type in (ORGANIZATION, COMPANY)]
        if long is None:
            continue
        long_known = [e for e in gaz.lookup(long) if e.type in (ORGANIZATION, COMPANY)]
        if acr_known and not long_known:
            long = _best_tail(long, gaz)
            inner = [h for mm in gaz.match(long, tokenize(long)) for h in mm.hits
                     if h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY)]
            if long and not inner and len(long.split()) <= 12:
                gaz.add_alias(acr_known[0].id, long, lang)
        elif not acr_known:
            _new_acronym_body(gaz, m.group("long"), long, acr, lang)


def _new_acronym_body(gaz: Gazetteer, run: str, long: str, acr: str, lang: str) -> None:
    """A body first met with its acronym. "Nebraska Department of Economic Development (DED)": a region right
    before the words the acronym abbreviates belongs to the name; the shorter form is an alias."""
    head = run[: len(run) - len(long)].split() if run.endswith(long) else []
    region = next((" ".join(head[-k:]) for k in (1, 2) if len(head) >= k
                   and any(x.type == REGION for x in gaz.lookup(" ".join(head[-k:])))), None)
    if region and re.match(_HEAD_EN, long):
        e = _register_org(gaz, f"{region} {long}", lang, acr)
        if e is not None and long not in e.all_names():
            gaz.add_alias(e.id, long, lang)
    else:
        _register_org(gaz, long, lang, acr)


def _legal_form_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """A name before a legal form ('Velden Tools GmbH'), with the word in front as a hint of its kind."""
    for m in _LEGAL_NAME.finditer(t):
        full = _trim_left(m.group("name"))
        if not full or not full[0].isupper():
            continue
        # "Toyota Motor Corporation and Velden Tools GmbH": a known body before "and" is a name of its own
        # ("BASF und Velden AG": so is a single word in capitals, a company's short name of its own)
        # ("Nord-Fonds, Rhein-Port und Velden Systeme GmbH": a cut name may be followed by more of them)
        full = _cut_joined_names(full, gaz, lang)
        name = _best_tail(full, gaz)
        if name:
            dropped = full[: len(full) - len(name)].strip()
            # the word in front says what it is: "the photonics network OptoNet e. V."
            before = re.search(r"([\w-]+)\s+$", t[: m.start()])
            hint = " ".join(x for x in (dropped, before.group(1) if before else "") if x)
            _register_org(gaz, f"{name} {m.group('legal')}", lang, hint=hint or None)


def _acronyms_first(gaz: Gazetteer, t: str, lang: str) -> None:
    """"KOTRA (Korea Trade-Investment Promotion Agency)": a known body's acronym, then its long form in brackets."""
    for m in _ACRONYM_FIRST.finditer(t):
        known = [e for e in gaz.lookup(m.group("acr")) if e.type in (ORGANIZATION, COMPANY)]
        long = m.group("long")
        if known and len(long.split()) >= 2 and not any(e.type in (ORGANIZATION, COMPANY, REGION) for e in gaz.lookup(long)):
            gaz.add_alias(known[0].id, long, lang)


def _co_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Velden Foods Co.': a company, or an alias of a known 'X Company' ("Co." short for "Company")."""
    for m in _CO_NAME.finditer(t):
        full = _best_tail(_trim_left(m.group("name")), gaz)
        words = (full or "").split()
        same = [(w, e) for k in range(len(words)) for w in [" ".join(words[k:])]
                for e in gaz.lookup(f"{w} Company") if e.type in (ORGANIZATION, COMPANY)]
        if same:
            gaz.add_alias(same[0][1].id, f"{same[0][0]} Co.", lang)
        elif full and full[0].isupper() and not any(e.type in (REGION, PERSON_T) for e in gaz.lookup(full)):
            e = _register_org(gaz, f"{full} Co.", lang, type_override=COMPANY)
            if e is not None and full not in e.all_names():
                gaz.add_alias(e.id, full, lang)  # the name without "Co." names it too


class _DocumentForms:
    """The document's token-form counts and joined text, computed on first use (only the stub of a
    coordinated compound needs them)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.forms: Counter | None = None
        self.text = ""

    def stub_only_in_coordinations(self, stub: str) -> bool:
        if self.forms is None:
            self.forms, self.text = _form_counts(self.sentences), "\n".join(x.text for x in self.sentences)
        return _stub_only_in_coordinations(stub, self.forms, self.text)


def _typed_names(gaz: Gazetteer, t: str, lang: str, forms: _DocumentForms) -> None:
    """Second pass, one sentence: names by type words and cues, parties, companies of enumerations,
    descriptions and reference lists."""
    _type_word_bodies(gaz, t, lang, forms)
    # (before companies by their head word: "the X Motors for Europe" is a network, not "X Motors")
    for rx in (_PRESIDED_BODY, _CALLED_BODY):
        for m in rx.finditer(t):
            _network_body(gaz, m.group("q") or m.group("name"), lang)
    for p in party_names(t):
        _register_org(gaz, p, lang, type_override=ORGANIZATION)
    _enumerated_companies(gaz, t, lang)
    _cued_bodies(gaz, t, lang)
    _reference_companies(gaz, t, lang)


def _type_word_bodies(gaz: Gazetteer, t: str, lang: str, forms: _DocumentForms) -> None:
    """Names by type words, coordinated compounds, parties, companies in enumerations (``orgnames``)."""
    for name, hint, alias in org_candidates(t, lambda n: any(e.type == REGION for e in gaz.lookup(n)), lang,
                                            lambda w: _region_adjective(gaz, w)):
        # the short form of a body found with its full name ('Chemie-Cluster' for 'Chemie-Cluster Nord e. V.')
        longer = [e for e in gaz.entries.maps[0].values() if e.local and e.type in (ORGANIZATION, COMPANY)
                  and any(n.startswith(name + " ") for n in e.all_names())] if hasattr(gaz.entries, "maps") else []
        if longer:
            if name not in longer[0].all_names():
                gaz.add_alias(longer[0].id, name, lang)
            continue
        # "Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA)": the body the acronym names
        acr = re.search(re.escape(name) + r"\s*\((?P<a>[A-ZÄÖÜ][\w&-]{1,11})\)", t)
        by_acr = [x for x in gaz.lookup(acr.group("a")) if x.type in (ORGANIZATION, COMPANY)] if acr else []
        if by_acr and not any(x.type in (ORGANIZATION, COMPANY) for x in gaz.lookup(name)):
            gaz.add_alias(by_acr[0].id, name, lang)
            continue
        e = _register_org(gaz, name, lang, hint=hint)
        if alias and alias.endswith("-"):  # a part of a coordinated compound ("Verkehrs-, ... ministerium")
            alias = alias[:-1] if forms.stub_only_in_coordinations(alias[:-1]) else None
        if e is not None and alias and alias not in e.all_names():
            gaz.add_alias(e.id, alias, lang)


def _headed_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """Third pass, one sentence: names by an English head word, governments and missions, chambers,
    universities, appositions and a region's offices and agencies."""
    _head_names_en(gaz, t, lang)
    _cooperation_bodies(gaz, t, lang)
    _head_first_names(gaz, t, lang)
    _governments_and_missions(gaz, t, lang)
    _possessive_bodies(gaz, t, lang)
    _chambers_and_universities(gaz, t, lang)
    _appositions(gaz, t, lang)
    _senator_departments(gaz, t, lang)
    _region_offices(gaz, t, lang)
    _foreign_bodies(gaz, t, lang)
    _region_agencies(gaz, t, lang)


def _possessive_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Bavaria's economy ministry": a region's body by its field (``_possessive_body``)."""
    for m in _POSSESSIVE_BODY.finditer(t):
        _possessive_body(gaz, m, lang)


def _senator_departments(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Der Senator für Wirtschaft und Häfen teilt mit": a city state's department (German texts)."""
    for m in _SENATOR_DEPT.finditer(t) if lang == "de" else ():
        _register_org(gaz, m.group("name"), lang, hint="ministry")


def _region_offices(gaz: Gazetteer, t: str, lang: str) -> None:
    """"the Saxon liaison office": a region's office abroad (English texts; ``_region_office``)."""
    for m in _REGION_OFFICE_EN.finditer(t) if lang == "en" else ():
        _region_office(gaz, m, lang)


def _foreign_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Université X", "Universidad de Y": a foreign type word and the name after it."""
    for m in _FOREIGN_BODY.finditer(t):
        _register_org(gaz, m.group("name"), lang)


def _region_agencies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"<Region> Invest", "<Region> International": a region's promotion agency."""
    for m in re.finditer(rf"(?P<name>{_CAPWORD}(?:-{_CAPWORD})?\s+{_REGION_AGENCY})(?![\w])(?!\s+[A-Z])", t):
        first = m.group("name").split()[0]
        if any(e.type == REGION for e in gaz.lookup(first)):
            _register_org(gaz, m.group("name"), lang)


def _head_names_en(gaz: Gazetteer, t: str, lang: str) -> None:
    """A capitalized run that ends in an English head word ('Velden Trade Agency', 'X Chamber of Commerce')."""
    headline = title_case(t, lang)
    for m in _HEAD_NAME_EN.finditer(t):
        nm = m.group("name")
        if _PROGRAMME_WORD.fullmatch((m.group("place") or "").strip()):
            continue  # "the Digital Hub Initiative", "the Velden University Summit": a programme or an event
        # a field list does not run into persons ("the Ministry of Finance, Tom Harris and Jane Porter")
        items = re.split(r",\s+|\s+and\s+", nm)
        if len(items) > 1 and any(is_given_name(i.split()[0]) for i in items[1:] if i):
            nm = nm.split(",")[0]
        if headline:  # "Saxony Strengthens Cooperation With X Association": the name starts after "With"
            cut = list(_TITLE_BREAK.finditer(nm))
            nm = nm[cut[-1].end():] if cut else nm
        # "the X Chamber of Commerce and Industry and the Y Association": each name on its own
        parts = split_coordinated(_trim_left(nm))
        for k, part in enumerate(parts):
            place = (m.group("place") or "").strip() if k == len(parts) - 1 else ""
            _head_name_part(gaz, part, k == 0, place, headline, lang)


def _head_name_part(gaz: Gazetteer, part: str, first: bool, place: str, headline: bool, lang: str) -> None:
    """One name of a run read by ``_head_names_en`` (``first``: the run's first name; ``place``: the word
    after the run, for its last name)."""
    # "Tom Velden, Chief Executive, Velden Computer Board": a comma ends what came before the name,
    # unless a field list goes on after "of" ("Ministry of Trade, Industry and Energy")
    before, comma, after = part.rpartition(", ")
    # ("Ministry for Economic Affairs, Transport, Housing and X": the list runs on after "for")
    if comma and not re.search(r"\b(?:of|for|für)\b", before.rpartition(", ")[2]) and not (
            re.search(rf"{_HEAD_EN}\s+(?:of|for)\s", before) and re.search(r"\sand\s", after)):
        part = _trim_left(after)
    name = _cut_at_office(_best_tail(part, gaz) if first else _trim_left(part))
    # "Germany’s Lower Saxony Ministry for ...": the possessive region is not part of the name
    poss = re.match(r"(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?:'s|’s)\s+(?=[A-Z])", name or "")
    if poss and any(x.type == REGION for x in gaz.lookup(poss.group("r"))) and len(name[poss.end():].split()) >= 2:
        name = name[poss.end():]
    # a place right after the head names the branch ("German Institute Taipei")
    if name and place and any(e.type == REGION for e in gaz.lookup(place)):
        name = f"{name} {place}"
    # a year before the name ("© 2024 State Chancellery of X", a copyright line) is no name
    if name and len(name.split()) >= 2 and not generic_en_name(name, headline or lang != "en") and not name[0].isdigit():
        e = _register_org(gaz, name, lang)
        # "Velden Computer Board of the Republic of Tarn": the name without its country is an alias
        cut = re.search(r"\s+of\s+(?:the\s+)?(?=[A-Z])", name)
        short = name[:cut.start()] if cut else ""
        if e is not None and cut and len(short.split()) >= 2 and not re.match(_HEAD_EN, short) \
                and re.search(rf"{_HEAD_EN}$", short) \
                and any(x.type == REGION for x in gaz.lookup(name[cut.end():])):
            gaz.add_alias(e.id, short, lang)


def _cooperation_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """'the Council for Joint Projects with the Republic of Poland': a body named with its partner region."""
    for m in _COOPERATION_BODY_EN.finditer(t):
        place = m.group("place").split()
        for k in range(len(place), 0, -1):  # the longest run of words that is a known region
            if any(e.type == REGION for e in gaz.lookup(" ".join(place[:k]))):
                _register_org(gaz, t[m.start("name"):m.start("place")] + " ".join(place[:k]), lang)
                break


def _head_first_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """A head word first, then its field: 'the Agency for Regional Growth', 'Government of X'."""
    for m in _HEAD_FIRST_EN.finditer(t):
        prev = re.search(r"(\S+)\s+$", t[max(0, m.start() - 40):m.start()])
        # after a capitalized word the name began earlier (``_HEAD_NAME_EN`` reads it whole)
        # "a Chamber of Commerce", "the local Chamber of Commerce", "their Ministry of Finance": a kind of body
        if prev is not None and prev.group(1) in ("a", "an", "local", "several", "each", "every", "any", "another",
                                                  "other", "its", "their", "our", "his", "her", "respective"):
            continue
        # (a comma or a colon ends what came before: "Tom Berg, Counsellor, Embassy of India")
        if prev is None or not prev.group(1)[:1].isupper() or fold(prev.group(1)) in STOP or prev.group(1)[-1] in ",;:":
            _head_first_name(gaz, m, prev.group(1) if prev is not None else None, lang)


def _head_first_name(gaz: Gazetteer, m: re.Match, prev: str | None, lang: str) -> None:
    """One match of ``_HEAD_FIRST_EN`` (``prev``: the word before it): a body, with the place it is of when
    that is a known region; a mission or a government only of a region the text names."""
    name = m.group("name")
    name = _cut_at_office(name)
    in_region = m.group("place") and any(e.type == REGION for e in gaz.lookup(m.group("place")))
    if in_region:
        name += m.group("of")
    # an embassy, a consulate, a government is one of a country or region the text names
    mission = re.match(r"(?:Embassy|Consulate|Government)\b", name)
    if mission and not in_region and not any(
            e.type == REGION for e in gaz.lookup(re.sub(r"^\S+(?:[- ]General)?\s+(?:of|for)\s+(?:the\s+)?", "", m.group("name")))):
        return
    # "the provincial Government of X": the level written before the head belongs to the name
    level = prev is not None and prev in _LEVEL_BEFORE_EN
    if level:
        name = f"{prev} {name}"
    elif mission and mission.group(0) == "Government" and not in_region:
        return  # "the Government of Japan" stands for the region (a party to its agreements)
    e = _register_org(gaz, name, lang, hint="government" if mission else None)
    if e is not None and e.local and e.seat is None and mission and mission.group(0) == "Government":
        # the government of a region the name states sits there (its region stands for it)
        where = m.group("place") if in_region else re.sub(r"^\S+\s+(?:of|for)\s+(?:the\s+)?", "", m.group("name"))
        regions = [x for x in gaz.lookup(where) if x.type == REGION]
        e.seat = regions[0].id if regions else None


def _governments_and_missions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Scottish Government', 'Botschaft der Republik Korea', 'the Hamburg State Government', 'das indische
    Generalkonsulat': a government, parliament or mission of a region the text names."""
    for m in _GOVERNMENT_EN.finditer(t):
        e = _register_org(gaz, m.group("name"), lang, hint="government")
        if e is not None and m.group("r") and re.search(r"Embassy|Consulate", m.group("name")) \
                and any(x.type == REGION for x in gaz.lookup(m.group("r"))):
            gaz.add_alias(e.id, m.group(0), lang)  # the mission with its town names it too
    for m in _MISSION_DE.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("r"))):
            _register_org(gaz, m.group("name"), lang, hint="government")
    for m in _REGION_GOVERNMENT_EN.finditer(t) if lang == "en" else ():
        words = re.split(r"(?<=\w)\s(?=[A-Z])", m.group("r"))
        if len(words) > 1 and words[-1] in ("State", "Provincial"):
            words = words[:-1]  # the regex's greedy run took the body's own word
        for k in range(len(words)):
            r = " ".join(words[k:])
            if any(e.type == REGION for e in gaz.lookup(r)):
                _register_org(gaz, t[m.start("r") + m.group("r").index(r):m.end()], lang, hint="government")
                break
    for m in _MISSION_ADJ_DE.finditer(t) if lang == "de" else ():
        adj = m.group("adj")
        if any(h.kind == "adjective" and gaz.entries[h.ref].properties.get("level") == "country"
               for mm in gaz.match(adj, tokenize(adj)) if mm.start == 0 and mm.end == len(adj) for h in mm.hits):
            e = _register_org(gaz, m.group("name"), lang, hint="government")
            if e is not None and m.group("r") and any(x.type == REGION for x in gaz.lookup(m.group("r"))):
                gaz.add_alias(e.id, m.group(0), lang)  # the mission with its town names it too


def _chambers_and_universities(gaz: Gazetteer, t: str, lang: str) -> None:
    """'IHK Berlin', 'BTU Cottbus-Senftenberg', 'Tongji Universität', 'Universität X', 'X University', and
    the universities of a list ('die japanischen Universitäten Yamagata und Tohoku')."""
    for m in _CHAMBER_ABBR.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("place"))):
            _register_org(gaz, m.group("name"), lang, hint="Kammer")
    # "BTU Cottbus-Senftenberg", "HTW Dresden": a university's type acronym and its town
    for m in _UNI_ABBR.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("place").split("-")[0])):
            _register_org(gaz, m.group("name"), lang, hint="Hochschule")
    for m in _UNI_BEFORE.finditer(t):
        first = m.group("name").split()[0]
        if not re.search(r"(?:e|en|er|es|em)$", first) and fold(first) not in STOP:
            _register_org(gaz, m.group("name"), lang)
    for m in _UNI.finditer(t):
        # "National Taiwan University": the run is read whole by ``_HEAD_NAME_EN``, not from its middle
        prev = re.search(r"(\S+)\s+$", t[max(0, m.start() - 40):m.start()])
        if prev and prev.group(1)[:1].isupper() and fold(prev.group(1)) not in STOP and not m.group("name").startswith(("University", "Universität", "Technische", "Hochschule")):
            continue
        _register_org(gaz, _trim_left(m.group("name")), lang)
    # "die japanischen Universitäten Yamagata und Tohoku"
    for m in re.finditer(rf"\b(?:Universitäten|universities)\s+(?P<list>{_CAPWORD}(?:\s*(?:,|und|and)\s*{_CAPWORD})+)", t):
        for nm in re.split(r"\s*(?:,|und|and)\s*", m.group("list")):
            known = [e for form in (f"{nm} University", f"Universität {nm}", f"{nm}-Universität") for e in gaz.lookup(form) if e.type == ORGANIZATION]
            if known:
                gaz.add_alias(known[0].id, f"Universität {nm}", lang)
            else:
                _register_org(gaz, f"Universität {nm}" if lang == "de" else f"{nm} University", lang)


def _appositions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'X, the regional development agency': a name followed by what it is."""
    for m in _APPOSITION.finditer(t):
        name = _trim_left(m.group("name"))
        name = _best_tail(name, gaz)
        if name and (re.search(r"[A-Z]{2,}", name) or len(name.split()) >= 2):
            _register_org(gaz, name, lang, hint=m.group("head"))
    # "organised by saaris, the Saarland economic development agency": a lower-case name in apposition
    for m in re.finditer(r"\b(?:by|von|durch|with|mit)\s+(?P<name>[a-z][\w-]{2,}),\s+(?:the|die|der|das)\s+(?:[\w'’-]+\s+){0,4}?(?:agency|Agentur|Wirtschaftsförderung|association|Verband|cluster|network|Netzwerk|chamber|Kammer)\b", t):
        _register_org(gaz, m.group("name"), lang, hint=m.group(0).rsplit(" ", 1)[-1])


def _region_office(gaz: Gazetteer, m: re.Match, lang: str) -> None:
    """A region's office: after a known state's or region's adjective ('Saxon liaison office'; a country's says
    as often where the office is: 'a German trade office'); after another adjective
    or 'its' only with a known region after 'in' and, for 'its', a kind word ('its liaison office in X')."""
    place = m.group("r")
    if place and not any(e.type == REGION for e in gaz.lookup(place)):
        place = place.split()[0] if any(e.type == REGION for e in gaz.lookup(place.split()[0])) else None
    known_adj = m.group("adj") is not None and _region_adjective(gaz, m.group("adj"))
    if known_adj and _region_adjective(gaz, m.group("adj"), "country"):
        known_adj = False  # "a Japanese office" of a company, "to open a German trade office" (where it will be)
    if not (known_adj or (place and (m.group("adj") or m.group("kind")))):
        return
    head = m.group(0)[m.start("kind") - m.start():] if m.group("own") else m.group(0)
    head = head[:head.index(" office") + 7]
    _register_org(gaz, f"{head} in {place}" if place else head, lang, hint="office")


def _network_body(gaz: Gazetteer, name: str, lang: str) -> None:
    """A body named after a presidency or 'called': not a region or a body the text names otherwise, and at
    least two words ('the presidency of the European Union' finds the known union, 'of Lombardy' no body)."""
    name = _trim_left(name.strip())
    if len(name.split()) < 2 or any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name)):
        return
    _register_org(gaz, name, lang)


def _region_adjective(gaz: Gazetteer, word: str, level: str | None = None) -> bool:
    """The word is, as a whole, the adjective of a region the gazetteer knows (of that level, if given)."""
    return any(h.kind == "adjective" and (level is None or gaz.entries[h.ref].properties.get("level") == level)
               for mm in gaz.match(word, tokenize(word)) if mm.start == 0 and mm.end == len(word) for h in mm.hits)


def _cut_at_office(name: str) -> str:
    """'Department of Resources and Economic Development Commissioner Jane Roe' -> 'Department of Resources and
    Economic Development': a title after the head word, before a name, ends the body's name ('Office of the
    Governor' stays)."""
    head = re.search(_HEAD_EN, name or "")
    if not head:
        return name
    office = re.compile(rf"\s+(?={_OFFICE}\s+[A-ZÄÖÜ])").search(name, head.end())
    return name[:office.start()] if office else name


def _possessive_body(gaz: Gazetteer, m: re.Match, lang: str) -> None:
    """'Bavaria's economy ministry': the region's economy ministry of the gazetteer when the field is the
    economy (the text's words become an alias), else a body of that name; nothing when X is no region."""
    regions = [e for e in gaz.lookup(m.group("r")) if e.type == REGION]
    if not regions:
        return
    name = m.group(0)
    ministry = gaz.economy_ministry(regions[0].id) if m.group("head") == "ministry" and m.group("field").startswith("econom") else None
    if ministry is not None:
        if name not in ministry.all_names():
            gaz.add_alias(ministry.id, name, lang)
        return
    _register_org(gaz, name, lang, hint="ministry" if m.group("head") == "ministry" else "agency")


def _enumerated_companies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Companies of an enumeration, a description ('the carmaker X') or a company head word (``orgnames``);
    longer names first: 'LG Chem' before 'LG' (a name containing a known body is not registered)."""
    for c in sorted(dict.fromkeys(enumerated_companies(t, lang) + described_companies(t, lang) + headed_companies(t)),
                    key=lambda n: -len(n)):
        if not any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(c, base=False)):
            _register_org(gaz, c, lang, type_override=COMPANY)


def _cued_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Bodies named by what a sentence says of them (``orgnames.cued_bodies``): a company's office holder
    "of" it, its seat ("Munich-based X", "X, headquartered in Y", "X mit Sitz in Y"), its parent. A company
    unless its head word says otherwise; not a person, a place or a topic; a seat must be a known region."""
    for name, place in cued_bodies(t, lang):
        if place is not None and not any(e.type == REGION for e in gaz.lookup(place)):
            continue
        if any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name, base=False)) or any(
                e.type == REGION for e in gaz.lookup(name)):
            continue
        if any(c.start == 0 for c in given_name_candidates(name)) or fold(name.split()[0]) in STOP:
            continue  # "Sarah Cole, based in Munich": a person
        type_, kind = classify(name, gaz)
        e = _register_org(gaz, name, lang, type_override=COMPANY if kind in (None, "other") else None)
        if e is not None and name.endswith("-Gruppe") and name[:-7] not in e.all_names():
            gaz.add_alias(e.id, name[:-7], lang)  # "die WKW-Gruppe" ... "WKW"


def _reference_companies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Listed companies (``refcompanies``: index constituents from ``pytickersymbols``) the sentence names
    with the guards of that module; never a name the text already has as a region, a person or a body."""
    for name in listed_companies(t, STOP):
        if any(e.type != COMPANY for e in gaz.lookup(name)):
            continue
        _register_org(gaz, name, lang, type_override=COMPANY)


def _company_companions(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """The other names of a list that names a company the gazetteer knows ('Bosch, Velden Tools and Orsbach
    Systems'): companies too, when no item is a region, a person, a body or a common word; in German only
    items written like names (``orgnames.name_like``), as every noun is capitalized there."""
    for s in sentences:
        for items in name_lists(s.text):
            kinds = []
            for it in items:
                known = gaz.lookup(it)
                kinds.append(known[0].type if known else None)
            if COMPANY not in kinds or any(k not in (None, COMPANY) for k in kinds):
                continue
            for it, k in zip(items, kinds):
                if k is not None or is_generic(it) or fold(it.split()[0]) in STOP:
                    continue
                if any(c.start == 0 for c in given_name_candidates(it)) or classify(it, gaz)[1] not in (None, "other"):
                    break  # a person or a body in the list: not a list of companies
                # a plain German word is a name too where two items or more are companies already
                # ("bei Velden, Orsbach und Kelmer"), unless it is written like a common noun
                if lang == "de" and not name_like(it) and (kinds.count(COMPANY) < 2 or is_common_noun(it)):
                    continue
                _register_org(gaz, it, lang, type_override=COMPANY)


def _listed_companies(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Names in the bulleted lines after a line that announces companies ("Teilnehmende Unternehmen:"): a
    company each, or the body its head word says ("- Velden University"); the list ends at the first line
    without a bullet. A person ("- Dr. Jana Orlik", "- Jana Orlik, CEO") or a region is not made a company."""
    listing = None
    for s in sentences:
        item = bullet_item(s.text)
        if item is None:
            listing = "companies" if LIST_INTRO.search(s.text) else "parties" if PAIRS_INTRO.search(s.text) else None
            continue
        # a person in the list: a title before the name, or an office after it ("- Jana Orlik, CEO")
        if listing is None or re.match(HONORIFIC, item).end() or _NAME_THEN_OFFICE.search(s.text):
            continue
        names = bullet_names(s.text)
        if listing == "parties":  # only lines of names; a given name first may be a person there
            names = [n for n in names if not any(c.start == 0 for c in given_name_candidates(n))]
        elif not names:
            names = [item]
        for name in names:
            if any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name, base=False)):
                continue
            type_, kind = classify(name, gaz)
            _register_org(gaz, name, lang, type_override=COMPANY if kind in (None, "other") else None)


_DESCRIPTOR_ALWAYS = {"firma", "unternehmen", "company", "firm", "hersteller", "zulieferer", "start-up", "startup"}
# a German compound that says what the company is ("des Automobilzulieferers X", "des Pharmaunternehmens X")
_DESCRIPTOR_COMPOUND = re.compile(r"^[a-zäöüß-]{3,}(?:zulieferers?|herstellers?|unternehmens?|konzerns?|dienstleisters?|anbieters?|produzenten)$")
_DESCRIPTOR = re.compile(r"(?i)(?:netzwerk|network|cluster|verband|verein|association|initiative)$")


def _best_tail(name: str, gaz: Gazetteer) -> str:
    """Drop leading words that are generic nouns or other entities ('Vertreter der X GmbH' -> 'X GmbH',
    'Jenaer Firma Optovis GmbH' -> 'Optovis GmbH', 'Medizintechnik-Netzwerk MedTech Thüringen' -> 'MedTech Thüringen')."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        w = words[i].strip(",").lower()
        nxt = words[i + 1]
        # "Political Network STRING": an English head inside a capitalized run is part of the name
        in_run = i > 0 and words[i][:1].isupper() and " " not in w and words[i - 1][:1].isupper() \
            and words[i - 1].lower() not in STOP and re.fullmatch(r"(?i)network|cluster|association|initiative", w)
        if w in _DESCRIPTOR_ALWAYS or _DESCRIPTOR_COMPOUND.search(w) or (_DESCRIPTOR.search(w) and not in_run and not any(e.type == REGION for e in gaz.lookup(nxt)) and re.search(r"[A-Z].*[A-Z]|^[A-Z]{2}", nxt)):
            words = words[i + 1:]
            break
    # cut at the last lowercase connector followed by a new capitalized run that starts a name
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1] in ("der", "des", "die", "dem", "den", "von", "vom", "the", "of", "bei", "mit") and i >= 1:
            # "Department of Commerce", "Port of X Authority": what follows "of" after a head belongs to the name
            if words[i - 1] in ("of", "for") and i >= 2 and re.fullmatch(rf"{_HEAD_EN}|Port|Bank|Government", words[i - 2]):
                continue
            head = " ".join(words[:i - 1])
            # "X Agency and the Y Institute": two names; the tail is this one (the head one is read on its own)
            if words[i - 1] in ("the", "der", "die", "das", "dem", "den") and i >= 2 and words[i - 2] in ("and", "und", "sowie"):
                words = words[i:]
                break
            if head and not re.search(rf"(?i)institut|ministeri|universit|kammer|verband|{_HEAD_EN}", head):
                words = words[i:]
                break
    return _trim_left(" ".join(words))


def _named_exactly(gaz: Gazetteer, w: str, types: tuple[str, ...], base: bool = False) -> list[Entry]:
    """Entries of these types one of whose names is ``w`` as written (after folding; a genitive -s allowed),
    not only after stemming ('Bösche' is not 'Bosch')."""
    f = fold(w)
    out = []
    for e in gaz.lookup(w, base=base):
        if e.type in types:
            names = {fold(n) for n in e.all_names()}
            if f in names or (f.endswith("s") and f[:-1] in names):
                out.append(e)
    return out


def _name_ok(given: str, family: str, gaz: Gazetteer, company_family: bool = False) -> bool:
    for w in (given, family):
        if w.lower() in STOP:
            return False
        if re.search(r"(?i)(?:ische[nrsm]?|forum|workshop|webinar|symposium|reise|delegation|programm|projekt|kolleg(?:e|en|in)?)$", w):
            return False
        if re.fullmatch(_OFFICE, w):
            return False
        # a given name may also be a place somewhere (Paul, Cape Verde): only the hand gazetteer counts
        hits = _named_exactly(gaz, w, (REGION, ORGANIZATION, COMPANY, TOPIC))
        if not hits and len(w) > 4 and w.endswith("s") and w[0].isupper():
            # a place in the genitive after an office ("Landwirtschaftsminister Minnesotas"): no family name
            hits = _named_exactly(gaz, w[:-1], (REGION,))
        if company_family and w == family:  # companies are named after their founders ("Vietz")
            hits = [e for e in hits if not (e.local and e.type == COMPANY)]
        if hits:
            return False
        if w.lower().rstrip(".") in ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                                      "oktober", "november", "dezember", "january", "february", "march", "may", "june",
                                      "july", "october", "december"):
            return False
    return True


# the last word of an office that the name cue stops before ("Head of State X", "Minister-Plenipotentiary
# Adv X") and forms of address ("HE", "Hon."): no part of the name
_LEAD_TITLE = re.compile(r"(?:(?:State|Adv\.?|Advocate|Hon\.|HE|H\.\s?E\.|S\.\s?E\.|(?:(?:His|Her)\s+)?Excellency|Dr|Prof)\s+)+(?=[A-Z])")


def _last_word_apart(doc: str, words: list[str]) -> bool:
    """The document names the next-to-last word alone ('Brenner sagte', 'Brenners') and the last word
    without it ('in Posen'): the last word follows the name without belonging to it."""
    if len(words) < 3:
        return False
    prev, last = re.escape(words[-2]), re.escape(words[-1])
    alone = re.search(rf"(?<!{re.escape(words[-3])}\s)(?<![\w-]){prev}(?!\s+{last})(?:s|’s|'s)?(?![\w-])", doc)
    apart = re.search(rf"(?<!{prev}\s)(?<![\w-]){last}(?![\w-])", doc)
    return bool(alone and apart)


_AND_PERSON = re.compile(rf"\s+(?:und|and|sowie)\s+(?P<given>{_GIVENWORD})\s+(?P<family>{_FAMILY})(?![\w-])")


def _coordinated_person(t: str, end: int, gaz: Gazetteer) -> re.Match | None:
    """'die Abgeordneten Jana Roth und Sven Kowalke Seite an Seite': a second name joined by 'und' to a name
    found by its office; its given name must be one the name list knows."""
    m = _AND_PERSON.match(t, end)
    if m is None or not is_given_name(m.group("given")) or not _name_ok(m.group("family"), m.group("family"), gaz):
        return None
    return m


def discover_persons(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Persons the gazetteer does not hold, added to the document's gazetteer: names after a cue (a role
    word, an honorific, a verb of saying, an office), names by their shape alone, and at the end of the
    document a family name alone after an office."""
    lone_after_office: list = []
    doc = "\n".join(s.text for s in sentences)
    for s in sentences:
        t = s.text
        toks = tokenize(t)
        matches = gaz.match(t, toks)
        cued = _cued_persons(gaz, t, lang, matches, doc)
        lone_after_office += _shaped_persons(gaz, t, lang, matches, cued)
    # a family name alone after an office, once the whole document is read: not when a person of that
    # family name is named in full somewhere ("Ministerpräsident Wüst" in the headline, the full name later)
    for c, lg in lone_after_office:
        if not any(e.type == PERSON_T for e in gaz.lookup(c.family)) and _name_ok(c.family, c.family, gaz):
            _add_person(gaz, lg, "", c.family, None, c.family)


def _cue_starts(t: str, matches: list) -> tuple[list[int], set[int], set[int]]:
    """Where a name may start in the sentence ``t`` (``matches``: its gazetteer matches): after a role word
    or before one ("Name, Role ..."), after an honorific, a verb of saying or a leader cue. Also returned:
    the starts after an office or title that needs no gazetteer entry, and the starts of initials after one."""
    starts: list[int] = []
    for m in matches:
        if any(h.kind == "role" for h in m.hits):
            pm = PERSON.match(t, m.end + (1 if t[m.end:m.end + 1] in " \u00a0" else 0))
            if pm and t[m.end:pm.start()].strip() == "":
                starts.append(pm.start())
            # "Name, Role ..." : the name right before a role
            before = t[: m.start]
            bm = re.search(rf"(?P<p>{HONORIFIC}{_NAMEWORD}\s+(?:(?:von|van|de|zu)\s+)?{_NAMEWORD}),\s*(?:\w+\s+)?$", before)
            if bm:
                starts.append(bm.start("p"))
    for m in _HON_PERSON.finditer(t):
        starts.append(m.start())
    for m in _SAY.finditer(t):
        starts.append(m.end())
    for m in re.finditer(r"\b(?:unter (?:der )?Leitung von|angeführt von|led by|headed by)\s+", t):
        starts.append(m.end())
    for m in matches:
        if any(h.kind == "role" for h in m.hits):
            am = re.match(rf"[^.;:»«\"]{{0,120}}?\([\w&-]+\),\s+(?={_NAMEWORD}\s+{_NAMEWORD}\s*,)", t[m.end:])
            if am:
                starts.append(m.end + am.end())
    # office and title context that needs no gazetteer entry
    extra: set[int] = set()
    for rx in (_OFFICE_BEFORE, _OFFICE_APPOS, _MR, _SAY_CAPS, _SHEIKH):
        extra |= {m.end() for m in rx.finditer(t)}
    for rx in (_NAME_THEN_OFFICE, _NAME_PARTY):
        extra |= {m.start("p") for m in rx.finditer(t)}
    initials = {m.end() for rx in (_OFFICE_INITIALS, _OFFICE_APPOS_INITIALS) for m in rx.finditer(t)}
    starts += sorted(extra | initials)
    return starts, extra, initials


def _cued_persons(gaz: Gazetteer, t: str, lang: str, matches: list, doc: str) -> list[tuple[int, int]]:
    """The persons named after a cue in the sentence ``t`` (``doc``: the whole document), added to the
    gazetteer with a second name joined to them by 'und'; returns the spans they cover."""
    starts, extra, initials = _cue_starts(t, matches)
    role_starts = {m.start: m.end for m in matches if any(h.kind == "role" for h in m.hits)}
    headline = title_case(t, lang)
    cued: list[tuple[int, int]] = []  # names found by a cue: a shorter reading inside them is no second person
    for st in sorted(set(starts)):
        while st in role_starts:
            st = role_starts[st] + 1
        lead = _LEAD_TITLE.match(t, st)
        st = lead.end() if lead else st
        pm = _name_at(gaz, t, st, st in extra, st in initials, headline, doc)
        if not pm:
            continue
        if st in extra and re.search(r"(?i)ministeri|ministry|universit|institut|agentur|agency|gmbh", pm.group(0)):
            continue
        given, family = pm.group("given").strip(), pm.group("family")
        if not all(_name_ok(w, family, gaz) for w in given.split()) or _quoted(t, pm.start("given"), pm.end()):
            continue
        # an English headline in title case ("Governor Leads Trade Mission to X"): every word is capitalized,
        # so only a given name the name list knows or an East-Asian name makes a person
        if headline and not (is_given_name(given.split()[0]) or family_first(given.split()[0], family)):
            continue
        _add_person(gaz, lang, given, family, " ".join(pm.group("hon").split()) or None)
        cued.append((pm.start("given"), pm.end()))
        co = _coordinated_person(t, pm.end(), gaz)
        if co is not None:
            _add_person(gaz, lang, co.group("given"), co.group("family"), None)
            cued.append((co.start("given"), co.end("family")))
    return cued


def _name_at(gaz: Gazetteer, t: str, st: int, after_office: bool, after_initials: bool, headline: bool,
             doc: str) -> re.Match | None:
    """The name that starts at ``st`` after a cue: three to five name words where they hold, else two; after an
    office also family names in capitals (``after_office``) or given names as initials (``after_initials``)."""
    pm = PERSON3.match(t, st)
    if pm and _last_word_apart(doc, pm.group("given").split() + [pm.group("family")]):
        pm = None  # "Minister Karl Brenner Posen" at a sentence end: the place he visited
    if pm and not all(_name_ok(w, pm.group("family"), gaz) for w in pm.group("given").split()):
        pm = None
    if pm and headline and not is_given_name(pm.group("given").split()[-1]):
        pm = None  # "Governor Tim Walz Leads ...": two name words in a headline
    if pm is None:
        pm = PERSON.match(t, st)
    if pm is None and after_office:
        pm = PERSON_X.match(t, st)
    if pm is None and after_initials:
        pm = PERSON_INIT.match(t, st)
    return pm


def _shaped_persons(gaz: Gazetteer, t: str, lang: str, matches: list, cued: list[tuple[int, int]]) -> list:
    """Persons by name shape alone in the sentence ``t``, added to the gazetteer: a given name the name list
    knows, an East-Asian family name first, or a lone family name after an office and a title
    (``personnames``); never inside a known body or place or a name a cue found (``cued``). Returns the lone
    family names right after an office, (candidate, language) each, to be judged once the document is read."""
    # (a company named after its founder may be the family name: "Eginhard Vietz" of the firm Vietz)
    covered = [(m.start, m.end, all(gaz.entries[h.ref].local and gaz.entries[h.ref].type == COMPANY
                                    for h in m.hits if h.kind == "entity"))
               for m in matches
               if any(h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY, REGION, TOPIC)
                      for h in m.hits)]
    office_ends = {m.end() for m in _OFFICE_PHRASE.finditer(t)}
    lone_after_office = [(c, lang) for c in family_after_office(t, office_ends)
                         if not any(a < c.end and c.start < b for a, b, _ in covered)
                         and not _NAME_NEXT.match(t, c.end)]
    for c in given_name_candidates(t) + lone_family_after_title(t, office_ends):
        if any(a < c.end and c.start < b and not (founder and b == c.end and t[a:b] == c.family)
               for a, b, founder in covered):
            continue
        if any(a < c.end and c.start < b for a, b in cued):
            continue
        words = c.given.split() + [c.family]
        if not all(_name_ok(w, c.family, gaz, company_family=True) for w in words) or _quoted(t, c.start, c.end):
            continue
        _add_person(gaz, lang, c.given, c.family, None, c.name)
        co = _coordinated_person(t, c.end, gaz)
        if co is not None and not any(a < co.end() and co.start("given") < b for a, b, _ in covered):
            _add_person(gaz, lang, co.group("given"), co.group("family"), None)
    return lone_after_office


def _add_person(gaz: Gazetteer, lang: str, given: str, family: str, hon: str | None, name: str | None = None) -> None:
    full = name or f"{given} {family}".strip()
    if name is None and " " not in given and family_first(given, family):  # as written: family name first
        given, family = family, given
    if [e for e in gaz.lookup(full) if e.type == PERSON_T]:
        return
    nid = _new_id("person", full, gaz)
    props = {"family_name": family.split()[-1]}
    if given:
        props = {"given_name": given, **props}
    if hon and hon not in ("Herr", "Herrn", "Frau", "Mr.", "Ms.", "Mrs."):
        props["honorific"] = hon
    e = Entry(nid, PERSON_T, {lang: full}, {}, props, local=True)
    gaz.add(e)
    # the bare family name refers to the same person within this document
    gaz._index(family.split()[-1], Hit("entity", nid, lang))
