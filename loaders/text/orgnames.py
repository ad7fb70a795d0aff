"""Organization and company names that no gazetteer holds, found by their shape:

* German type words with their adjectives and the name after them ("Statistisches Landesamt",
  "Technische Universität Berlin", "Deutsch-Polnische Gesellschaft Sachsen-Anhalt", "Staatskanzlei");
* coordinated German compounds ("Verkehrs-, Wissenschafts- und Sozialministerium" -> three ministries);
* English names joined by "and" that share their head ("X University and Y University" -> two);
* political parties named next to a person ("Name (SPD)");
* companies in enumerations ("Firmen wie A und B", "companies such as A, B and C");
* companies after a word that says what they are ("des Pharmaunternehmens Sirio", "die Firma Re-Fire",
  "battery maker Kestrel Cells", "electronics giant Samsung", "X, a chemical conglomerate", "Opel-Mutterkonzern").

Generic words (MoU, Absichtserklärung, Delegation) never become organizations (``is_generic``).
Every pattern starts at a word start and has bounded repetition (linear time per sentence).
"""

from __future__ import annotations

import re

from .givennames import is_given_name
from .triggers import AGREEMENT

_HEADS_DE = ("ministerium", "staatskanzlei", "senatskanzlei", "kanzlei", "landesamt", "bundesamt", "amt", "kammer",
             "verband", "gesellschaft", "institut", "universität", "hochschule", "agentur", "kommission", "behörde",
             "stiftung", "akademie", "zentrum", "verwaltung", "senatsverwaltung", "regierung", "landtag",
             "vertretung", "generaldelegation", "büro", "werft", "werften", "fraktion", "kommission", "orchester",
             "bürgerschaft", "abgeordnetenhaus", "generalkonsulat", "repräsentanz",
             "quartett", "schule", "hafen", "hub", "cluster", "campus", "netzwerk", "wirtschaftsförderung", "bank")
# heads after which a plain capitalized word is a name ("Innovationszentrum Nordhafen", "Hafen Kelmsund"), when
# a preposition, a conjunction or punctuation follows it (``_DE_NEXT``): other heads take a name only when it is
# a region ("Technische Universität Berlin") or with für/des/der
_NAMED_HEADS = ("zentrum", "institut", "hafen", "hub", "cluster", "campus", "akademie", "werft", "netzwerk",
                "wirtschaftsförderung", "stiftung")
# heads that describe the name after them more often than they name a body ("das Chemie-Cluster Foo e. V.")
_DESCRIBING_HEADS = ("cluster", "netzwerk")
# heads that are places or generic as often as bodies: only with a name after them ("Hafen Kelmsund"), never
# with an adjective or a first part alone ("im Hamburger Hafen", "Uni-Campus")
_NEEDS_NAME = ("hafen", "campus", "hub", "wirtschaftsförderung", "büro")
# words that end in a head without naming a body
_NOT_BODIES = ("datenbank", "werkbank", "sitzbank", "parkbank", "sandbank", "schulbank",
               # what a body is to another ("eine Tochtergesellschaft der X AG"), not a name
               "tochtergesellschaft", "muttergesellschaft", "partnergesellschaft", "partneruniversität",
               "partnerhochschule", "partnerinstitut", "partnerorganisation", "partnerkammer", "partneragentur")
# a bare one-word head that names one body in context (other bare heads are too generic)
_BARE_OK = {"staatskanzlei", "senatskanzlei", "landtag", "staatsministerium"}
_ADJ = r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:e|en|er|es)\s+)"
_HEAD_WORD = (r"(?P<pre>(?:[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*/)?[A-ZÄÖÜ][\w]*-(?:[A-ZÄÖÜ][\w]*-){0,2})?(?P<head>(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:" + "|".join(_HEADS_DE)
              + "|" + "|".join(h.capitalize() for h in _HEADS_DE) + r")(?:s|es)?)(?![\w-])")
# an adjective by its ending ("Chemischen", "Deutscher", "Regionalen"), not a noun ending in -er ("Verkehr")
_ADJ_FORM = r"[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|ig|sch|al|ell|är)(?:e|en|er|es)"
# a field list after "für" ends with "und" ("für Wirtschaft, Arbeit und Tourismus"): a comma alone does not
# go on ("des Amtes für Statistik, Peter Lenz" - the comma ends the name)
# an adjective before the noun after "der"/"des" ("Landesverband der Freien Berufe"): by its ending, before a
# capitalized word
_ADJ_BEFORE_NOUN = r"[A-ZÄÖÜ][a-zäöüß]+(?:en|er)\s+(?=[A-ZÄÖÜ])"
_NAME_AFTER = (r"(?:\s+(?P<after>(?:für|des|der)\s+(?:" + _ADJ_FORM + r"\s+|" + _ADJ_BEFORE_NOUN + r")?[A-ZÄÖÜ][\w-]+(?:(?:,\s+[A-ZÄÖÜ][\w-]+){0,3}\s+und\s+[A-ZÄÖÜ][\w-]+)?"
               r"|[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?))?")
ORG_DE = re.compile(rf"(?<![\w-])(?P<adj>{_ADJ}{{1,2}})?{_HEAD_WORD}{_NAME_AFTER}")
_DET = re.compile(r"^(?:(?:Der|Die|Das|Des|Dem|Den|Eine[rnms]?|Ein|Diese[rnms]?|Unsere[rnms]?|Ihre[rnms]?)\s+)+")
COORD_DE = re.compile(r"(?<![\w-])(?P<parts>(?:[A-ZÄÖÜ][a-zäöüß]+-,\s+){0,5}[A-ZÄÖÜ][a-zäöüß]+-\s+(?:und|sowie|oder)\s+)"
                      r"(?P<last>[A-ZÄÖÜ][a-zäöüß]+?)(?P<head>ministerium|ministerien|kammer|verband|institut|agentur)(?![\w-])")
_HEADS_EN = (r"(?:University|Institute|Agency|Ministry|Chamber|Association|Council|Authority|Corporation|Committee|Board|"
             r"Centre|Center|Hub|Cluster|Network|Foundation|Federation|Campus|Commission|School|Bureau|Society|Alliance|Department)")
COORD_EN = re.compile(rf"(?<![\w-])(?P<a>(?:[A-Z][\w-]*\s+){{1,6}}{_HEADS_EN})\s+and\s+(?:the\s+)?(?P<b>(?:[A-Z][\w-]*\s+){{1,6}}{_HEADS_EN})(?![\w-])")
_LEAD_DET = re.compile(r"^(?:The|A|An)\s+")
PARTIES = ("CDU", "CSU", "SPD", "FDP", "Grüne", "Grünen", "Die Linke", "Linke", "AfD", "BSW", "SSW", "Freie Wähler",
           "the Greens", "Greens", "Social Democrats", "Christian Democrats", "Free Democrats", "Left Party")
# a party in brackets after a name, also for several persons before ("A und B (beide SPD)", "(all CDU)")
PARTY = re.compile(r"\((?:(?:alle|beide|both|all)\s+)?(?P<p>" + "|".join(re.escape(p) for p in PARTIES) + r")\)")
# the German parties' acronyms are names wherever they stand: alone ("SPD und CDU einigten sich") or opening a
# compound ("SSW-Fraktionschef", "CDU-Landtagsabgeordnete", "FDP-Bundestagsfraktion")
PARTY_ACRONYM = re.compile(r"(?<![\w-])(?P<p>CDU|CSU|SPD|FDP|AfD|BSW|SSW)(?:(?=-[A-ZÄÖÜ])|(?![\w-]))")
_ITEM = r"[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3}"
# words for companies that an enumeration of names follows (either case: a sentence may start with them)
_ENUM_CUE = (r"(?:[Ff]irmen|[Uu]nternehmen|[Kk]onzerne|[Hh]ersteller|[Zz]ulieferer|[Aa]ussteller|[Ss]tart-?[Uu]ps|"
             r"[Cc]ompanies|[Ff]irms|[Cc]orporations|[Bb]usinesses|[Ee]nterprises|[Mm]anufacturers|[Ee]xhibitors|"
             r"such companies)")
ENUM = re.compile(rf"(?<![\w-]){_ENUM_CUE}\s+(?:wie|such as|like|including|darunter|namely|etwa|(?:so\s+)?unter anderem)\s+"
                  rf"(?P<list>{_ITEM}(?:(?:,\s+|\s+(?:und|and|sowie|or|oder)\s+){_ITEM}){{0,8}})")
# "20 Firmen, darunter A, B und C", "some firms, among them A and B", "Unternehmen aus Jena wie A und B": the
# list set off by a comma or after the companies' place (items checked more strictly: ``_after_comma_items``)
ENUM_COMMA = re.compile(rf"(?<![\w-]){_ENUM_CUE}(?:,\s+(?:darunter|including|among them|unter anderem|etwa|such as|like|wie)"
                        rf"|\s+(?:aus|from|in)\s+[A-ZÄÖÜ][\w-]*+\s+(?:wie|such as|like|including|darunter))\s+"
                        rf"(?P<list>{_ITEM}(?:(?:,\s+|\s+(?:und|and|sowie)\s+){_ITEM}){{1,8}})")
# "die Unternehmen A, B und C", "the companies A and B": a list of at least two names right after the word
ENUM_PLAIN = re.compile(rf"(?<![\w-])(?:die|der|den|the)\s+(?:[\w-]+\s+)?{_ENUM_CUE}\s+"
                        rf"(?P<list>{_ITEM}(?:,\s+{_ITEM}){{0,8}},?\s+(?:und|and|sowie)\s+{_ITEM})(?![\w-])")

_GENERIC = re.compile(r"(?i)^(?:memorandum(?: of understanding)?|mou|absichtserklärung|letter of intent|loi|abkommen|"
                      r"vereinbarung|agreement|delegation|wirtschaftsdelegation|unternehmerdelegation|kooperation|"
                      r"partnerschaft|partnership|cooperation agreement|kooperationsvereinbarung|"
                      r"(?:die |der |das |the )?(?:gesellschaft|institut|universität|ministerium|kammer|verband|agentur|zentrum|"
                      r"amt|büro|regierung|verwaltung|delegation|kommission|netzwerk|cluster|stiftung|akademie|werft|werften))$")


# a unit of any body named by its function ("Communications Department", "Press Office", "Pressestelle")
_FUNCTION_UNIT = re.compile(r"(?i)^(?:the\s+|die\s+|das\s+)?(?:(?:corporate|public|international|media|press)\s+)?"
                            r"(?:communications?|press|relations|media|marketing|sales|human\s+resources|legal|finance|"
                            r"affairs|presse|kommunikation|öffentlichkeitsarbeit|personal)\s*-?\s*"
                            r"(?:department|office|division|team|unit|desk|abteilung|referat|stelle|büro)$")


# words that describe an organ or a facility of some body rather than name one ("Joint Steering Committee",
# "Supervisory Board", "Visitor Center", "Innovation Hub"): a name made of them and a head word is generic
_ORGAN_WORDS = {"joint", "steering", "executive", "supervisory", "advisory", "management", "annual", "general",
                "visitor", "visitors", "business", "innovation", "service", "services", "information", "press",
                "central", "main", "organizing", "organising", "programme", "program", "project", "scientific",
                "technical", "expert", "working", "coordination", "coordinating", "contact", "welcome", "the", "a",
                "an", "new", "our", "its", "their"}
# a unit of a body by what it covers ("International Office", "Regional Office", "Liaison Office"); only before
# a unit word, not before "Commission" or "Council" ("European Commission", "State Council" are bodies)
_UNIT_WORDS = _ORGAN_WORDS | {"international", "regional", "european", "global", "liaison", "representative", "branch",
                              "local", "country", "trade"}
_UNIT_HEAD = re.compile(r"(?i)^(?:office|desk|unit|team|department|division|secretariat)$")
_ORGAN_HEAD = re.compile(r"(?i)^(?:committee|board|council|commission|center|centre|hub|office|group|team|unit|"
                         r"secretariat|department|desk)$")
_ORGAN_OF = re.compile(r"(?i)^(?:the\s+)?board\s+of\s+(?:directors|trustees|governors|management)\b")


def is_generic(name: str) -> bool:
    """A word for a kind of thing, not a name (MoU, Absichtserklärung, Delegation, 'das Ministerium',
    'Communications Department', 'Supervisory Board', 'Board of Directors of X')."""
    n = name.strip()
    words = n.split()
    organ = (len(words) >= 1 and bool(_ORGAN_HEAD.match(words[-1]))
             and all(w.lower() in _ORGAN_WORDS for w in words[:-1])) or (
        len(words) >= 2 and bool(_UNIT_HEAD.match(words[-1])) and all(w.lower() in _UNIT_WORDS for w in words[:-1]))
    return (bool(_GENERIC.match(n)) or bool(_FUNCTION_UNIT.match(n)) or organ or bool(_ORGAN_OF.match(n))
            or bool(re.search(r"(?i)\b(?:memorandum of understanding|letter of intent|absichtserklärung)\b", n))
            or bool(AGREEMENT.fullmatch(n)))  # "Memorandums of Understanding (MoUs)", "Memorandum of Cooperation (MOC)"


# English words that describe what a body does or where it works, without naming it: a name made only of
# them and a head word ("Port Authority", "Economic Development Agency", "Partnership Council",
# "State Agency") is a description, not a name (unless the text defines an acronym for it)
_COMMON_EN = {"state", "national", "federal", "regional", "provincial", "municipal", "local", "city", "county",
              "economic", "economy", "development", "trade", "investment", "investor", "promotion", "business",
              "industry", "industrial", "commerce", "commercial", "foreign", "international", "export", "import",
              "port", "harbour", "harbor", "partnership", "cooperation", "research", "science", "technology",
              "innovation", "energy", "agriculture", "agricultural", "education", "tourism", "finance", "financial",
              "affairs", "public", "private", "global", "world", "government", "governor's", "governor’s",
              "partner", "partners", "trading", "marketing", "industries", "employment", "labour", "labor",
              "transport", "health", "culture", "cultural", "youth", "sister", "friendship", "exchange",
              "student", "students", "university", "institute", "agency", "council", "chamber", "association",
              "office", "department", "ministry", "board", "authority", "centre", "center", "commission",
              "committee", "foundation", "network", "cluster", "hub", "bureau", "federation", "society",
              "alliance", "corporation", "campus", "school", "secretariat", "chancellery", "organization",
              "organisation", "accelerator", "and", "&", "the", "of", "for", "front", "back", "home", "head", "smart",
              "digital", "startup", "start-up", "welcome", "visitor", "visitors", "service", "competence"} | _ORGAN_WORDS


# a word before a head that says only which level or kind of body it is ("State Agency", "Port Authority")
_LEVEL_EN = {"state", "national", "federal", "regional", "provincial", "municipal", "local", "city", "county",
             "port", "harbour", "harbor", "partnership", "joint", "trade", "foreign", "government", "governor's",
             "governor’s", "public", "partner", "sister", "front", "back", "research", "home", "head", "main"}


# bodies whose name is made of plain words
_PLAIN_WORD_BODIES = {"state department", "foreign office", "state council", "european commission", "european parliament",
                      "state chancellery", "senate chancellery"}


def generic_en_name(name: str, headline: bool = False) -> bool:
    """An English span that describes a body without naming it: a level word and a head ('State Agency',
    'Port Authority', 'Partnership Council'), or, in a title-case headline or with a join inside ('State
    Agency And Chamber'), description words and heads only."""
    words = [w.lower().strip(",") for w in name.split()]
    if not words or not all(w in _COMMON_EN for w in words) or " ".join(words) in _PLAIN_WORD_BODIES:
        return False
    heads_joined = any(w in ("and", "&") and words[k + 1:k + 2] and re.fullmatch(_HEADS_EN, words[k + 1].capitalize())
                       for k, w in enumerate(words))
    return headline or heads_joined or (len(words) == 2 and words[0] in _LEVEL_EN)


# type words of French, Spanish, Italian, Portuguese and Polish bodies, written before the name ("Université X",
# "Universidad de X", "Istituto X"); German and English texts keep them as the body calls itself
HEADS_FOREIGN = (r"(?:Université|Universidad|Università|Universidade|Universitat|Uniwersytet|Politecnico|École|"
                 r"Instituto|Istituto|Agence|Agência|Agencia|Agenzia|Chambre|Câmara|Cámara|Fundação|Fundación|"
                 r"Fondazione|Fondation|Ministère|Ministerio|Ministério|Ministero|Conseil|Consejo|Conselho|Consiglio)")
# a word that heads a body's name: an English head word, or a German word ending in a head ("Handelskammer")
_ANY_HEAD = re.compile(rf"(?<![\w-]){HEADS_FOREIGN}(?![\w-])|(?<![\w-]){_HEADS_EN}s?(?![\w-])|(?<![\w-])(?:[A-ZÄÖÜ][\w]*-)?(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:"
                       + "|".join(_HEADS_DE) + "|" + "|".join(h.capitalize() for h in _HEADS_DE) + r")(?:s|es)?(?![\w-])")
# where two names are joined: "and (the)", "und (die)", "sowie", a comma
_JOIN = re.compile(r",?\s+(?:and|und|sowie|&)\s+(?:(?:the|die|der|das|den|dem)\s+)?|,\s+(?:(?:the|die|der|das)\s+)?")


def _names_a_body(part: str) -> bool:
    """A part of a coordination that is a name of its own: a head word and a second word ('Keio University',
    'University of Stuttgart', 'Handelskammer Hamburg'), or a compound head ('Landwirtschaftskammer')."""
    m = _ANY_HEAD.search(part)
    return bool(m) and (len(part.split()) >= 2 or m.group(0) != part.capitalize())


def split_coordinated(name: str) -> list[str]:
    """The names in a span that joins two bodies with "and"/"und"/a comma ('University of Stuttgart and Keio
    University' -> both); a span whose later part has no head of its own is one name ('Ministry of Trade,
    Industry and Energy', 'Chamber of Commerce and Industry'). Joins are tried from the right, so that a field
    joined inside the first name stays in it ('Osaka Chamber of Commerce and Industry and the X Association')."""
    joins = list(_JOIN.finditer(name))
    # a join with an article ("and the", "und die") first: "the X Board and the German Electrical and
    # Electronic Manufacturers' Association" are two names, not "... Electrical" and "Electronic ..."
    for m in sorted(reversed(joins), key=lambda j: not re.search(r"\s(?:the|die|der|das|den|dem)\s+$", j.group(0))):
        left, right = name[:m.start()].strip(), name[m.end():].strip()
        if right[:1].isupper() and _names_a_body(right) and _names_a_body(left):
            return split_coordinated(left) + split_coordinated(right)
    return [name]


def _norm_adj(adj: str) -> str:
    # "Statistische Landesamt" stays as written (the matcher strips endings)
    return " ".join(adj.split())


# a lower-case adjective right before a head: part of the name as written ("der rheinland-pfälzischen
# Staatskanzlei", "die regionale Militärverwaltung X"); a region's adjective says whose body it is
_LOW_ADJ = re.compile(r"(?<![\w-])(?P<a>[a-zäöüß]+(?:-[a-zäöüß]+)?(?:e|en|er|es|em))[ \t]+$")
# adjectives of a level of government: they qualify a body that is named anyway ("regionalen Verwaltung X")
_LEVEL_ADJ = re.compile(r"^(?:regional|provinziell|kommunal|städtisch|föderal|bundesstaatlich)(?:e|en|er|es|em)$")
# heads that a region's adjective alone makes one body ("das koreanische Wirtschaftsministerium", "der
# deutschen Auslandshandelskammer")
_GOV_HEADS = ("ministerium", "kanzlei", "regierung", "generalkonsulat", "konsulat", "landtag", "vertretung",
              "repräsentanz", "verwaltung", "handelskammer")
# heads whose body is named by the town it sits in ("des Generalkonsulats in Bonn", "der Außenhandelskammer
# in X", "die Auslandshandelskammern in China"): "in" and a known region belong to the name
_IN_PLACE_HEADS = ("generalkonsulat", "konsulat", "handelskammer", "vertretung", "repräsentanz", "büro")
_IN_PLACE = re.compile(r"[ \t]+in[ \t]+(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*(?:[ \t]+(?:(?:do|dos|da|de|del)[ \t]+)?[A-ZÄÖÜ][\w]*){0,2})(?![\w-])")


def _place_after(text: str, pos: int, is_region) -> str | None:
    """'in <region>' right after ``pos``, the longest run of up to three words that is a known region."""
    m = _IN_PLACE.match(text, pos)
    if not m:
        return None
    words = m.group("r").split()
    for k in range(len(words), 0, -1):
        r = " ".join(words[:k])
        if words[k - 1][0].isupper() and is_region(r):
            return "in " + r
    return None


# a German state's abbreviation with its full stop right before a head ("Nds. Ministerium", "Sächs. Landesamt")
_STATE_ABBR = re.compile(r"(?<![\w-])(?P<w>(?:Nds|Sächs|Thür|Nieders|Brandenb|Meckl)\.)[ \t]+$")
# a hyphenated name after a space ("... Julius Kühn-Institut"), and a given name right before a match
_HYPHEN_NAME = re.compile(r"[ \t]+[A-ZÄÖÜ][\w]*-[A-ZÄÖÜ]")
_GIVEN_BEFORE = re.compile(r"(?<![\w-])(?P<w>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+$")


def _lower_adjective(text: str, start: int, core: str, named: bool, is_adj) -> str | None:
    """The lower-case adjective before a head at ``start`` that belongs to the body's name: a region's
    adjective before a government head or a named body, or a level of government before a named body."""
    m = _LOW_ADJ.search(text, max(0, start - 40), start)
    if not m:
        return None
    a = m.group("a")
    if is_adj(a) and (named or core.endswith(_GOV_HEADS)):
        return a
    if named and _LEVEL_ADJ.match(a):
        return a
    return None


def org_candidates(text: str, is_region=lambda name: False, lang: str = "de",
                   is_adj=lambda word: False) -> list[tuple[str, str | None, str | None]]:
    """(name, hint, short alias) of organizations named by type words in a sentence. A plain name after
    the head counts only when ``is_region`` says it is a region ('Technische Universität Berlin');
    ``is_adj`` says whether a word is a region's adjective ('rheinland-pfälzischen')."""
    out: list[tuple[str, str | None, str | None]] = []
    for m in COORD_DE.finditer(text):
        head = m.group("head")
        if _ONE_BODY_COORD.match(m.group(0)):
            continue  # "Industrie- und Handelskammer": one body's name, read below with its town
        head = "ministerium" if head == "ministerien" else head
        parts = [p.strip().rstrip("-") for p in re.split(r"-,\s+|-\s+(?:und|sowie|oder)\s+", m.group("parts")) if p.strip()]
        # the parts are written without their head ("Verkehrs-"): that stub is their alias, so that the
        # text's mention of them is found (``discover`` adds it only where the stub is no word of its own)
        for p in parts:
            out.append((p + head, head, p + "-"))
        out.append((m.group("last") + head, head, None))
    for m in ORG_DE.finditer(text):
        head = m.group("head")
        low = head.lower()
        adj, pre, after = m.group("adj"), m.group("pre"), m.group("after")
        if lang != "de" and not pre:  # an English text: only hyphenated German names ("Goethe-Institut")
            continue
        if _DESCRIBED_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _PURPOSE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "eine Lokalregierung Südkoreas", "das größte Hightechnetzwerk Sachsens": a description
        if not after and low.rstrip("s").endswith("kammer"):
            zu = _ZU_PLACE.match(text, m.end("head"))
            if zu and is_region(zu.group("r")):
                after = "zu " + zu.group("r")  # "Handwerkskammer zu Leipzig"
        if after and re.match(r"\.[A-Z]", text[m.end():m.end() + 2]):  # "NRW.INVEST": the name goes on
            after = None
        if adj:
            adj = _DET.sub("", adj) or None
        if adj and pre and len(adj.split()) == 1 and (is_adj(adj.strip()) or (adj.strip().endswith("er") and is_region(adj.strip()[:-2]))):
            adj = None  # "die Gießener Justus-Liebig-Universität": the town's adjective says where it is
        if after and is_given_name(after.split()[-1]) and _HYPHEN_NAME.match(text, m.end("after")):
            continue  # "Institut für X Julius Kühn-Institut": a description before the name (read next)
        core = low if low.endswith(tuple(_HEADS_DE)) else low[:-2] if low[:-2].endswith(tuple(_HEADS_DE)) else low.rstrip("s")
        if core.startswith(_NOT_BODIES):
            continue
        if after and after.endswith("-"):  # "des Clusters Sondermaschinen- und Anlagenbau": a stub, no name
            after = None if len(after.split()) == 1 else after.rsplit(" ", 1)[0]
        if after and after.startswith("für ") and core.endswith(_DESCRIBING_HEADS) and not (adj or pre):
            continue  # "ein Netzwerk für Medizintechnik": what the network is for, not its name
        if after and not after.startswith(("für ", "des ", "der ", "zu ")) and not is_region(after):
            plain = _plain_name_after(core, after, text, m.end("head"), is_region)
            pair = after.split()[0].split("-")
            if plain is None and len(pair) == 2 and all(is_region(p) for p in pair):
                plain = after.split()[0]  # "Gemeinsame Kommission Sachsen-Tschechien": a body of two regions
            if plain is None and 2 <= len(pair) <= 4 and core.endswith("kammer") and is_region(pair[0]) \
                    and all(p[:1].isupper() for p in pair):
                plain = after.split()[0]  # "Handwerkskammer Kassel-Nordhessen": a chamber's district
            if plain is None and adj and core.endswith(("hochschule", "universität")):
                # "Technische Hochschule Wildau": a university named by its town, which may be too small to know
                word = after.split()[0]
                nxt = text[m.start("after") + len(word):m.start("after") + len(word) + 3]
                if not (_DE_NOUN.search(word) or _NOT_NAME.search(word) or re.search(r"enden?$", word)) and re.match(r"[ \t]*[^\w\s]|[ \t]+[a-zäöüß]", nxt):
                    plain = word
            after = plain
            if after is None and core.endswith(_DESCRIBING_HEADS):
                continue  # a describing word before a name that the name's own rules find
        if after:
            # a region right after the name belongs to it ("Agentur für Regionalentwicklung Masowien")
            rest = _REGION_AFTER.match(text, m.start("after") + len(after))
            last = after.split()[-1]
            if rest and is_region(rest.group("r")) and (_KIND_GEN.match(last) or not is_region(last)):
                after += " " + rest.group("r")
            if _PERSON_GEN.match(after):  # "Büro des Ministers": a person's office, not a body's name
                continue
            if core.endswith(_PLACE_CENTRES) and is_region(after):
                continue  # "das Wirtschaftszentrum São Paulo", "the financial centre": a city described
            if after.endswith("s") and is_region(after) and is_region(after[:-1]) and (
                    core.endswith("zentrum") or _LOWER_NEXT.match(text, m.start("after") + len(after))):
                continue  # "im Zentrum Hamburgs": the centre of a city; "X Europas größter Standort": a genitive
        # (an office or a representation only as a compound, "Verbindungsbüro": "ein Büro in X" is no name)
        if not after and core.endswith(_IN_PLACE_HEADS) and (core.endswith(_IN_PLACE_HEADS[:3]) or core not in _IN_PLACE_HEADS):
            after = _place_after(text, m.end("head"), is_region)  # "Generalkonsulat in Bonn"
        low_adj = None if (adj or pre) else _lower_adjective(text, m.start(), core, bool(after) or core in _BARE_OK, is_adj)
        if not (adj or pre or after or low_adj) and core not in _BARE_OK:
            continue
        if adj and adj == m.group("adj") and not (pre or after) and not text[:m.start()].strip():
            continue  # "Koreanische Regierung plant ...": capitalized only because it opens the sentence
        if core.endswith(_NEEDS_NAME) and (not after or _KIND_ONLY.match(after)):
            continue  # "den Hafen des Stadtstaats": the port of a place, no name
        if low.startswith(_PLACE_ROLES) and core.endswith("zentrum") and after and is_region(after):
            continue  # "das Wirtschaftszentrum São Paulo": what a city is, not a body
        if after and core.endswith(("büro", "vertretung")) and not (adj or pre) and re.match(r"(?:der|des)\s", after) \
                and _ANY_HEAD.search(after):
            # "Büro der Deutschen Auslandshandelskammer": the body whose office it is
            out.append((after.split(None, 1)[1], None, None))
            continue
        name = "".join(x for x in ((_norm_adj(adj) + " ") if adj else low_adj + " " if low_adj else "", pre or "", head))
        # a name word before the head that is no adjective ("dem Konfuzius Institut Bremen", "die KIST Europe
        # Forschungsgesellschaft"): an acronym, or one plain name after an article or a preposition
        state = _STATE_ABBR.search(text, max(0, m.start() - 12), m.start()) if not (adj or pre or low_adj) else None
        if state:
            name = state.group("w") + " " + name  # "Nds. Ministerium für ...": the state's short form
        person = _GIVEN_BEFORE.search(text, max(0, m.start() - 30), m.start()) if pre and not adj else None
        if person and is_given_name(person.group("w")):
            name = person.group("w") + " " + name  # "Julius Kühn-Institut": a body named after a person
        lead = _NAME_BEFORE.search(text, 0, m.start()) if not (pre or low_adj or state) else None
        if lead and (re.fullmatch(r"[A-Z]{2,6}", lead.group("w")) or (not adj and (after or core in _BARE_OK))) \
                and not _DE_NOUN.search(lead.group("w")) and not _NOT_NAME.search(lead.group("w")) \
                and not re.search(r"(?i)(?:minister|präsident|direktor|leiter|rektor|kanzler|sprecher|chef)(?:in)?$", lead.group("w")):
            # (the adjective only before a name word that is no German adjective itself)
            adj_lead = lead.group("a") if lead.group("a") and not _ADJ_LOOSE.match(lead.group("w")) else ""
            name = adj_lead + lead.group("w") + " " + name
        if after:
            name += " " + after
            lead = _ONE_BODY_LEAD.search(text, 0, m.start())
            if lead and not (adj or pre) and _ONE_BODY_COORD.match(lead.group(0) + head):
                name = lead.group(0) + name  # "Industrie- und Handelskammer Chemnitz"
        # a city adjective ("Düsseldorfer Staatskanzlei"): the head alone is an alias
        alias = head if adj and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er\s*", adj) and core in _BARE_OK else None
        out.append((name.strip(), low, alias))
    for m in COORD_EN.finditer(text):
        for key in ("a", "b"):
            part = _LEAD_DET.sub("", m.group(key))
            if key == "a" and re.search(r"(?<![\w-])(?:of|for|de|du|des)\s+$", text[max(0, m.start() - 8):m.start()]):
                continue  # the tail of a longer name ("the Port of Rotterdam Authority")
            if key == "b" and re.match(r"\s+(?:of|for)\s+[A-Z]", text[m.end():m.end() + 8]):
                continue  # the head of a longer name ("Dresden University of Applied Sciences")
            if len(part.split()) >= 2 and not generic_en_name(part, True):  # "the Visitor Center and the Research Campus"
                out.append((part, None, None))
    return out


# an indefinite article or a superlative right before a head (or its adjective): the words describe a body
# ("eine Lokalregierung Chinas", "eines der größten IT-Cluster Europas", "die älteste Universität Polens")
_DESCRIBED_BEFORE = re.compile(r"(?<![\w-])(?:(?:[Ee]ine[rnms]?|[Ee]in|[Kk]eine[rnms]?|[Jj]ede[rnms]?)(?:\s+der)?|[a-zäöüß]+(?:st|ßt)e[nrs]?)"
                               r"\s+(?:[a-zäöüß][\w-]*\s+){0,2}(?:[A-ZÄÖÜ][\w]*-\s+(?:und|oder|sowie)\s+)?$")

# one capitalized word right after an article or a preposition, before the match
# (a capitalized adjective may stand before it: "der Deutschen Management Akademie X")
_NAME_BEFORE = re.compile(r"(?:^|[\s(])(?:der|die|das|dem|den|des|im|am|beim|vom|zum|zur|von|mit|bei|an|in|und)\s+"
                          r"(?P<a>[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+)?(?P<w>[A-ZÄÖÜ][\w]+)\s+$")

# what a body is for ("die Gesellschaft zur Außenwirtschaftsförderung des Landes X"): a field, not a second body
_PURPOSE_BEFORE = re.compile(r"(?<![\w-])(?:Gesellschaft|Agentur|Einrichtung|Institution|Organisation|Stelle)\s+(?:zur|zum|für\s+die)\s+$")

# coordinated compounds that name one body ("Industrie- und Handelskammer"), not two
_ONE_BODY_COORD = re.compile(r"Industrie-\s+und\s+Handelskammer(?![\w-])")
_ZU_PLACE = re.compile(r"[ \t]+zu[ \t]+(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*)(?![\w-])")
_ONE_BODY_LEAD = re.compile(r"Industrie-\s+und\s+$")

# kind words of a region in the genitive ("des Landes Brandenburg", "der Provinz Sichuan")
_KIND_GEN = re.compile(r"^(?:Landes|Freistaates|Freistaats|Provinz|Region|Stadt|Bundesstaates|Bundesstaats|Präfektur|"
                       r"Kreises|Landkreises|Bezirks|Staates)$")
_PERSON_GEN = re.compile(r"^(?:des|der)\s+(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:[Mm]inister|[Pp]räsident|[Bb]ürgermeister|[Ss]enator|"
                         r"[Bb]otschafter|[Kk]onsul|[Gg]ouverneur|[Ll]andrat|[Dd]irektor|[Rr]ektor|[Kk]anzler)(?:in|s|en)?$")
# a genitive of a kind of place and nothing else ("des Stadtstaats", "der Region")
_KIND_ONLY = re.compile(r"^(?:des|der)\s+(?:Stadtstaat(?:e?s)?|Landes|Bundeslandes|Freistaates|Freistaats|Stadt|Region|Provinz|Inselstaates|Inselstaats|Landkreises|Kreises)$")
# compounds of "Zentrum" that say what a place is ("Wirtschaftszentrum", "Finanzzentrum")
_PLACE_ROLES = ("wirtschaftszentrum", "finanzzentrum", "handelszentrum", "industriezentrum", "ballungszentrum")
_REGION_AFTER = re.compile(r"[ \t]+(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*)(?![\w-])")
_PLACE_KIND = re.compile(r"^(?:Region|Stadt|Landkreis|Kreis|Provinz|Präfektur|Bezirk)$")
_DIRECTION = re.compile(r"^(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mitte|Mitteldeutschland|[A-Z]{2,})$")
# an adjective and its noun go on after a genitive region ("Europas größter Standort"): the region is the
# genitive of that phrase, not the end of a body's name ("die Regierung Südkoreas lädt ein" keeps it)
# a city's role in the economy, said before its name ("das Wirtschaftszentrum São Paulo"): no body
_PLACE_CENTRES = ("wirtschaftszentrum", "finanzzentrum", "handelszentrum", "industriezentrum", "wirtschaftsmetropole",
                  "finanzmetropole", "handelsmetropole")
_LOWER_NEXT = re.compile(r"[ \t]+[a-zäöüß]+(?:e|er|es|en|em)[ \t]+[A-ZÄÖÜ]")
_ADJ_LOOSE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)$")


def _plain_name_after(core: str, after: str, text: str, head_end: int, is_region=lambda n: False) -> str | None:
    """The words after a head that name its body: a place with its kind ('Handwerkskammer Region Stuttgart'),
    an adjective and a noun before a verb ('Gesellschaft Deutscher Chemiker richten ...'), after a naming head
    a word and a direction or region ('Kompetenzzentrum Wasserstoff Nord'), or its first word alone
    ('Innovationszentrum Nordhafen'): not a German common noun by its ending, and followed by a preposition,
    a conjunction or punctuation."""
    words = after.split()
    if len(words) == 2:
        follows = text[text.index(after, head_end) + len(after):][:20]
        if _PLACE_KIND.match(words[0]) and is_region(words[1]):
            return after
        ends = bool(_DE_NEXT.match(follows) or re.match(r"[ \t]+[a-zäöüß]", follows))
        # not a city adjective before a plain noun ("Handelskammer Hamburger Unternehmen")
        if ends and _ADJ_LOOSE.match(words[0]) and not _DE_NOUN.search(words[1]) and not (
                words[0].endswith("er") and is_region(words[0])):
            return after
        if ends and core.endswith(_NAMED_HEADS) and not _DE_NOUN.search(words[0]) and (
                _DIRECTION.match(words[1]) or is_region(words[1])):
            return after
    if not core.endswith(_NAMED_HEADS):
        return None
    word = words[0]
    start = text.index(word, head_end)
    if _DE_NOUN.search(word) or _NOT_NAME.search(word) or not _DE_NEXT.match(text[start + len(word):start + len(word) + 20]):
        return None
    return word


def party_names(text: str) -> list[str]:
    """Political parties: one in brackets after a person ('(SPD)', '(the Greens)'), or a German party's
    acronym anywhere ('SSW-Fraktionschef')."""
    found = [m.group("p") for m in PARTY.finditer(text)] + [m.group("p") for m in PARTY_ACRONYM.finditer(text)]
    return list(dict.fromkeys(found))


def _split_list(lst: str) -> list[str]:
    out = []
    for item in re.split(r",\s+|\s+(?:und|and|sowie|or|oder)\s+", lst):
        item = item.strip(" .,")
        if len(item) >= 2 and not is_generic(item):
            out.append(item)
    return out


def _after_comma_items(lst: str, lang: str) -> list[str]:
    """The items of a list set off from its company word: two or more, none a German common noun; in German
    one of them written like a name ('KESTRONIX', 'Velden Tools'), as every noun is capitalized there."""
    items = _split_list(lst)
    if len(items) < 2 or any(_DE_NOUN.search(i.split()[0]) or _NOT_NAME.search(i.split()[0]) for i in items):
        return []
    if lang == "de" and not any(name_like(i) for i in items):
        return []
    return items


def enumerated_companies(text: str, lang: str = "de") -> list[str]:
    """Companies named in a list after a word for companies: 'Firmen wie A und B', 'companies such as
    A, B and C', 'die Unternehmen A, B und C' (the last only with two names or more, none of them a
    German common noun: 'die Unternehmen Kunden und Partner' is no list of names)."""
    out: list[str] = []
    for m in ENUM.finditer(text):
        out += _split_list(m.group("list"))
    for m in ENUM_COMMA.finditer(text):
        out += [i for i in _after_comma_items(m.group("list"), lang) if i not in out]
    for m in ENUM_PLAIN.finditer(text):
        items = [i for i in _split_list(m.group("list"))
                 if not _DE_NOUN.search(i.split()[0]) and not _NOT_NAME.search(i.split()[0])]
        # every item a name: a plain German noun in the list means it is not an enumeration of names
        if len(items) >= 2 and len(items) == len(_split_list(m.group("list"))):
            out += [i for i in items if i not in out]
    return list(dict.fromkeys(out))


# a word that says "company" right before its name (and compounds of "-bauer": "Flugzeugbauer X", "Autobauer Y")
_CO_WORDS = ("unternehmen", "unternehmens", "firma", "konzern", "konzerns", "hersteller", "herstellers", "zulieferer",
             "zulieferers", "spezialist", "spezialisten", "reederei", "dienstleister", "dienstleisters", "anbieter",
             "anbieters", "produzent", "produzenten", "mutterkonzern", "mutterkonzerns", "start-up", "startup",
             "händler", "händlers", "logistiker", "logistikers", "betreiber", "betreibers")
_CO_DE = "(?:" + "|".join(_CO_WORDS) + ")"
_CO_DE_CAP = "(?:" + "|".join(w.capitalize() for w in _CO_WORDS) + ")"
_CO_EN = (r"(?:manufacturer|maker|automaker|carmaker|chipmaker|giant|company|firm|conglomerate|producer|supplier|"
          r"operator|start-?up|carrier|developer|provider|retailer|subsidiary of|shipping line|shipyard|brand)")
_NAME_TOK = r"(?:[A-Z0-9ÄÖÜ][\w&'’.+-]*+)"
_DE_DET = r"(?i:der|die|das|des|dem|den|ein|eine|eines|einem|einer|[a-zäöüß]+(?:e|en|er|es|em))"
DESCRIBED_DE = re.compile(
    rf"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+{_CO_DE}|[A-ZÄÖÜ][a-zäöüß]+(?:bauer|bauers)|[A-ZÄÖÜ][\w]*-{_CO_DE_CAP}|(?<![\w-]){_DE_DET}\s+{_CO_DE_CAP})"
    rf"\s+(?P<name>{_NAME_TOK}(?:\s+{_NAME_TOK}){{0,2}})(?![\w&-])")
DESCRIBED_EN = re.compile(rf"(?<![\w-]){_CO_EN}\s+(?P<name>{_NAME_TOK}(?:\s+{_NAME_TOK}){{0,2}})(?![\w&-])")
# the words between the article and the company word describe it; a function word there means a relative
# clause ("X, die sich aus Vertretern von Unternehmen ..."), not an apposition
_APPOS_GAP_STOP = (r"(?:sich|aus|von|vom|mit|in|im|für|bei|zu|zum|zur|auf|an|am|nach|über|unter|als|auch|nicht|noch|es|er|sie|wir|"
                   r"und|oder|of|for|with|by|from|to|at|and|that|which|who|is|are|was|were|has|have|had|will|would)")
APPOS_CO = re.compile(rf"(?<![\w-])(?P<name>{_NAME_TOK}(?:\s+{_NAME_TOK}){{0,2}}),\s+(?:a|an|the|ein|eine|der|die|das)\s+"
                      rf"(?:(?!{_APPOS_GAP_STOP}\s)[\w-]+\s+){{0,4}}?(?:{_CO_EN}|(?i:{_CO_DE}))(?![\w-])")
PARENT_CO = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w]+)-(?:Mutterkonzerns?|Konzerns?|Tochter|Werks?|Werke)(?![\w-])")
# "Siemens-Nord-Chef Jan Roe", "Vattenfall-Hamburg-Chef": the company (or its branch) whose head the person is
CHEF_CO = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w]+(?:-[A-Z][\w]+)?)-(?:Chef|Chefin|Vorstandschef|Vorstandschefin|Firmenchef|Firmenchefin)"
                     r"\s+(?=[A-ZÄÖÜ])")
# after the name: a preposition, a conjunction, punctuation or a verb of being; not any other word
_DE_NEXT = re.compile(r"(?i)^(?:\s*[^\s\w]|\s+(?:aus|in|im|mit|und|sowie|bei|für|von|vom|an|am|auf|zu|zum|zur|nach|ist|hat|"
                      r"wird|will|plant|gehört|gehen|sitzt|baut|investiert|eröffnet|produziert|stellt|liefert|war|"
                      r"wurde|soll|kann|als|seit|mbH|GmbH|AG|SE|KG)\b|$)")
_NAMELIKE = re.compile(r"[A-Z].*[A-Z]|\d|^[A-Z]{2,}")  # MUJI, 3M, SungEel, Re-Fire
_NOT_NAME = re.compile(r"(?i)^(?:und|and|the|der|die|das|in|im|aus|mit|of|for|für|von|bei|zu|seit|über|as|at|by|on|"
                       r"with|from|to|gmbh|ag|se|ltd|inc|co|since|after|before|during|until|while|when|where|also|"
                       r"then|today|bis|ab|vor|nach|während|heute|auch|dann)$")
_DE_NOUN = re.compile(r"(?i)(?:ung|ungen|heit|keit|schaft|tion|tionen|ität|nahme|plätze|investitionen|kunden|produkte|"
                      r"milliarden|millionen|prozent|euro|dollar|"
                      r"mitarbeiter(?:innen)?)$")


def is_common_noun(word: str) -> bool:
    """A German word with the ending of a common noun ('Lösungen', 'Produkte') or a function word."""
    return bool(_DE_NOUN.search(word) or _NOT_NAME.search(word))


def _clean_name(name: str) -> str | None:
    words = name.rstrip(".,;:").split()
    for i, w in enumerate(words):  # a preposition ends the name ("Sirio In Ma'anshan")
        if i and _NOT_NAME.search(w):
            words = words[:i]
            break
    if not words or _NOT_NAME.search(words[0]) or is_generic(" ".join(words)):
        return None
    out = " ".join(words).rstrip(".,;:’'")
    return out if len(out) >= 2 else None


def described_companies(text: str, lang: str = "de") -> list[str]:
    """Company names right after a word for a company, in apposition to one, or before '-Mutterkonzern'."""
    out: list[str] = []
    for m in DESCRIBED_DE.finditer(text):
        name = m.group("name")
        first = name.split()[0]
        # German nouns follow descriptors too ("das Unternehmen Arbeitsplätze schafft"): a plain word counts
        # only when a preposition, a conjunction, punctuation or a short verb comes after the name
        # after "Firma" or "Reederei" (a word always followed by a name) any lower-case word may come next
        strong = re.search(r"(?i)(?:firma|reederei)\s+$", text[m.start():m.start("name")])
        after_ok = _DE_NEXT.match(text[m.end("name"):m.end("name") + 20]) or (
            strong and re.match(r"[ \t]+[a-zäöüß]", text[m.end("name"):m.end("name") + 3]))
        if not _NAMELIKE.search(first) and (_DE_NOUN.search(first) or not after_ok):
            continue
        # "sächsische Unternehmen Waren": an adjective without an article before "Unternehmen"/"Firmen" is
        # plural, and a plain noun after it is its object, not a name
        if not _NAMELIKE.search(first) and len(name.split()) == 1 and re.match(
                r"(?i)[a-zäöüß]+e\s+(?:unternehmen|firmen|hersteller|zulieferer|händler|anbieter|produzenten)\s", m.group(0)) and not re.search(
                r"(?i)\b(?:das|dem|des|ein|einem|eines|diese[ms])\s+$", text[max(0, m.start() - 12):m.start()]):
            continue
        if len(name.split()) > 1 and not _DE_NEXT.match(text[m.end("name"):m.end("name") + 20]):
            name = first
        c = _clean_name(name)
        if c:
            out.append(c)
    for rx in (DESCRIBED_EN, APPOS_CO):
        for m in rx.finditer(text):
            c = _clean_name(m.group("name"))
            if c:
                out.append(c)
    for m in CHEF_CO.finditer(text):
        c = _clean_name(m.group("name"))
        if c and not _DE_NOUN.search(c) and not _ANY_HEAD.search(c) and c.split("-")[0].upper() != c.split("-")[0]:
            out.append(c)  # not an acronym of a body ("IHK-Chef"), not a body by its head ("Staatskanzlei-Chef")
    for m in PARENT_CO.finditer(text):
        c = _clean_name(m.group("name"))
        if c:
            out.append(c)
    return out


# ------------------------------------------------------------------ bodies named by what the text says of them
_RUN3 = rf"{_NAME_TOK}(?:[ \t]+{_NAME_TOK}){{0,3}}"
# where the name of a company ends: punctuation, a conjunction or a verb
_EN_END = r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:and|said|says|stated|added|explained|who|which|has|had|have|is|was|will|in|from|at|on|for|to)\b)"
# a company's office holder "of" it: "CEO of Kestrel Robotics", "founder of Velden Analytics"
_CO_OFFICE_EN = (r"(?:CEO|COO|CFO|CTO|Chief\s+(?:Executive|Operating|Financial|Technology)(?:\s+Officer)?|"
                 r"chief\s+(?:executive|operating|financial|technology)(?:\s+officer)?|Managing\s+Director|managing\s+director|"
                 r"General\s+Manager|general\s+manager|[Ff]ounder|[Cc]o-[Ff]ounder|[Oo]wner)")
OFFICE_OF_CO_EN = re.compile(rf"(?<![\w-]){_CO_OFFICE_EN}\s+(?:of|at)\s+(?P<name>{_RUN3}){_EN_END}")
_CO_OFFICE_DE = (r"(?:Geschäftsführer(?:in)?|Hauptgeschäftsführer(?:in)?|Vorstandsvorsitzender?|Vorstandschef(?:in)?|"
                 r"Firmenchef(?:in)?|Firmengründer(?:in)?|Gründer(?:in)?|Inhaber(?:in)?|Mitgründer(?:in)?)")
OFFICE_OF_CO_DE = re.compile(rf"(?<![\w-]){_CO_OFFICE_DE}\s+(?:der|des|von)\s+(?P<name>{_RUN3})"
                             r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:und|sowie|sagte|sagt|betonte|erklärte|ist|war|hat|wird|aus|in|mit)\b)")
# "Kestrel Robotics CEO Jane Porter", "Kestrel Robotics' chief executive": the company right before the office
CO_BEFORE_OFFICE_EN = re.compile(rf"(?<![\w&'’.+-])(?P<name>{_RUN3})(?:'s|’s|'|’)?\s+(?:CEO|COO|CFO|CTO|[Cc]hief\s+[Ee]xecutive|"
                                 r"[Mm]anaging\s+[Dd]irector|[Ff]ounder|[Cc]o-[Ff]ounder)(?![\w-])")
_NOT_CO_BEFORE = re.compile(r"(?i)^(?:company|group|former|deputy|acting|interim|new|its|their|our|global|regional|local|"
                            r"group's|company's|the|a|an|his|her|as|and|with|by|of|for|to)$")
# a company named with its own kind word: "Schwan Food Company", "Velden Heavy Industries", "Orsbach Holdings",
# (not "Group": as often an agency's name); German "WKW-Gruppe" (the name before the hyphen is an alias)
# a minister's or ministry's field comes after "for"/"of" (with "and" joining two of them)
_PORTFOLIO_BEFORE = re.compile(r"(?:Minister|Ministry|Department|Secretary|Commissioner)[ \t]+(?:for|of)[ \t]+"
                               r"(?:(?:the[ \t]+)?[A-Z][\w-]*+[ \t]+(?:and|&)[ \t]+)?$")
CO_HEAD_EN = re.compile(rf"(?<![\w&'’.+-])(?P<name>{_NAME_TOK}(?:[ \t]+{_NAME_TOK}){{0,3}}[ \t]+(?:Company|Industries|Holdings))(?![\w&-])")
_GROUP_NOT_NAMES = {"firmen", "industrie", "medien", "handels", "arbeits", "projekt", "experten", "ziel", "alters",
                    "unternehmer", "investoren", "partner", "landes", "bundes", "kunden", "fach", "start-up", "startup"}
CO_GROUP_DE = re.compile(r"(?<![\w-])(?P<name>(?P<stem>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)-Gruppe)(?![\w-])")
# "Munich-based Kestrel Cells", "the Leipzig-based start-up Velden Analytics" (the descriptor's own rule reads the latter)
BASED_EN = re.compile(rf"(?<![\w-])(?P<place>[A-Z][\w]+(?:[ -][A-Z][\w]+)?)-based\s+(?P<name>{_RUN3}){_EN_END}")
# "Velden Steel, headquartered in Duisburg", "Kestrel Robotics is based in Munich", "X mit Sitz in Y"
SEATED = re.compile(rf"(?<![\w&'’.+-])(?P<name>{_RUN3})(?:,[ \t]+(?:which|that)[ \t]+is|,|[ \t]+is|[ \t]+are)[ \t]+"
                    r"(?:headquartered|based)[ \t]+in[ \t]+(?P<place>[A-ZÄÖÜ][\w-]+)"
                    rf"|(?<![\w&'’.+-])(?P<name_de>{_RUN3})[ \t]+mit[ \t]+(?:Haupt)?[Ss]itz[ \t]+in[ \t]+(?P<place_de>[A-ZÄÖÜ][\w-]+)")
# "X is a (wholly-owned) subsidiary of", "X, a subsidiary of"
SUBSIDIARY = re.compile(rf"(?<![\w&'’.+-])(?P<name>{_RUN3})(?:,|[ \t]+is)[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?subsidiary[ \t]+of\b")
_LEAD_WORDS = re.compile(r"^(?:(?:The|A|An|Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|This|Its|Their|Our|In|At|Also|"
                         r"Today|Now|Since|Meanwhile|Both|Mit|Im|Auch)\s+)+")


def cued_bodies(text: str, lang: str = "de") -> list[tuple[str, str | None]]:
    """(name, place) of bodies the text names through what it says of them: an office of a company held
    "of" it ("CEO of Kestrel Robotics", "Geschäftsführer der Velden Analytik GmbH"), a seat ("Munich-based X",
    "X, headquartered in Y", "X mit Sitz in Y"), a parent ("X is a subsidiary of"). ``place`` is the seat's
    name where the cue gives one (the caller keeps the body only if it is a region). A name that is a
    German common noun, a generic word or that ends in a lower-case word is left out."""
    out: list[tuple[str, str | None]] = []

    def add(raw: str, place: str | None, strict_de: bool) -> None:
        name = _LEAD_WORDS.sub("", raw.strip())
        name = _clean_name(name) if name else None
        if not name:
            return
        words = name.split()
        if any(_DE_NOUN.search(w) or w.lower() in _CO_WORDS for w in words):
            return
        if strict_de and not (name_like(name) or _LEGAL_END.search(name)):
            return  # German nouns are capitalized: one plain word is no name ("Verwaltung mit Sitz in")
        out.append((name, place))

    for m in OFFICE_OF_CO_EN.finditer(text):
        add(m.group("name"), None, False)
    for m in OFFICE_OF_CO_DE.finditer(text):
        add(m.group("name"), None, lang == "de")
    for m in CO_BEFORE_OFFICE_EN.finditer(text):
        words = [w for w in m.group("name").split() if not _NOT_CO_BEFORE.match(w)]
        # the capitalized words right before the office; a sentence-initial or lone generic word is none
        if words and (len(words) >= 2 or _NAMELIKE.search(words[0]) or not text[:m.start("name")].strip() == "") and \
                not any(_NOT_CO_BEFORE.match(w) for w in m.group("name").split()[-1:]):
            add(" ".join(words), None, lang == "de")
    for m in CO_HEAD_EN.finditer(text) if lang == "en" else ():
        if _PORTFOLIO_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "Minister for Small and Heavy Industries": a minister's field, not a company
        words = m.group("name").split()
        while words and (_LEAD_WORDS.match(words[0] + " ") or words[0].lower() in _COMMON_EN):
            words = words[1:]  # "The Group", "Industrial Holdings": no name word
        if len(words) >= 2 and not generic_en_name(" ".join(words), True):
            add(" ".join(words), None, False)
    for m in CO_GROUP_DE.finditer(text):
        stem = m.group("stem").split()[-1].lower()
        if stem not in _CO_WORDS and stem not in _GROUP_NOT_NAMES and not _DE_NOUN.search(stem):
            add(m.group("name"), None, False)
    for m in BASED_EN.finditer(text):
        add(m.group("name"), m.group("place"), False)
    for m in SEATED.finditer(text):
        if m.group("name"):
            add(m.group("name"), m.group("place"), lang == "de")
        else:
            add(m.group("name_de"), m.group("place_de"), True)
    for m in SUBSIDIARY.finditer(text):
        add(m.group("name"), None, lang == "de")
    return out


_LEGAL_END = re.compile(r"(?:GmbH|AG|SE|KG|mbH|Ltd\.?|Inc\.?|Corp\.?|LLC|Co\.)$")


# ------------------------------------------------------------------ companies in bullet lists
# a line that announces a list of companies and ends with a colon ("Teilnehmende Unternehmen:", "Exhibitors include:")
LIST_INTRO = re.compile(r"(?i)(?<![\w-])(?:[\w-]*unternehmen|firmen|companies|firms|aussteller|exhibitors|start-?ups|"
                        r"konzerne|hersteller|zulieferer|manufacturers|suppliers|businesses|enterprises)\b[^.:]{0,60}:\s*$")
_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►‣○●]|\d{1,2}[.)])\s+")
# the name at the start of a list line: capitalized words (a legal form may end it), up to a comma, a dash,
# a bracket or a lower-case word ("Kestrel Robotics GmbH, Leipzig", "Marlow Sensorik (Sensoren)")
_ITEM_NAME = re.compile(r"(?P<name>[A-Z0-9ÄÖÜ][\w&.'’+/-]*+(?:[ \t]+(?:&[ \t]+)?[A-Z0-9ÄÖÜ][\w&.'’+/-]*+){0,5})"
                        r"(?=[ \t]*(?:$|[,:;(–—|]|[ \t]-[ \t]|[ \t]+[a-zäöü]))")


# a line that announces pairs or groups of parties ("The initiatives are between:", "Partner sind:")
PAIRS_INTRO = re.compile(r"(?i)(?<![\w-])(?:between|zwischen|partners|partner|partnern|participants|teilnehmer\w*|"
                         r"members|mitglieder)\b[^.:]{0,40}:\s*$")
_NAME_ONLY = r"[A-Z0-9ÄÖÜ][\w&.'’+/-]*+(?:[ \t]+(?:&[ \t]+)?[A-Z0-9ÄÖÜ][\w&.'’+/-]*+){0,5}"
# a whole list line of names joined by "and"/"und"/commas ("- Velden Tools and Orsbach Systems, and")
_NAMES_LINE = re.compile(rf"(?P<names>{_NAME_ONLY}(?:(?:,[ \t]+|[ \t]+(?:and|und|sowie|&)[ \t]+){_NAME_ONLY}){{0,5}})"
                         r"[ \t]*(?:,?[ \t]*(?:and|und|sowie)|[,;.])?[ \t]*$")


def _ok_item(name: str) -> bool:
    return len(name) >= 2 and not is_generic(name) and not _NOT_NAME.search(name.split()[0])


def bullet_item(line: str) -> str | None:
    """The name at the start of a bulleted line ('- Kestrel Robotics, Leipzig' -> 'Kestrel Robotics'), or None
    when the line has no bullet or does not start with a name."""
    b = _BULLET.match(line)
    if not b:
        return None
    m = _ITEM_NAME.match(line, b.end())
    if not m:
        return None
    name = m.group("name").rstrip(".")
    return name if _ok_item(name) else None


def bullet_names(line: str) -> list[str]:
    """The names of a bulleted line that holds names only, joined by "and" or commas ('- Velden Tools and
    Orsbach Systems, and' -> both); [] for a line with other words."""
    b = _BULLET.match(line)
    m = _NAMES_LINE.fullmatch(line, b.end()) if b else None
    if not m:
        return []
    return [n for n in (x.strip(" .") for x in re.split(r",[ \t]+|[ \t]+(?:and|und|sowie|&)[ \t]+", m.group("names")))
            if _ok_item(n)]


# ------------------------------------------------------------------ companions of a known company in a list
_LIST_ITEM = r"[A-Z0-9ÄÖÜ][\w&.'’+-]*+(?:[ \t]+[A-Z0-9ÄÖÜ][\w&.'’+-]*+){0,3}"
# (a space before the comma, as careless copy writes it: "A , B und C", is still a list)
NAME_LIST = re.compile(rf"(?<![\w&.'’+-])(?P<list>{_LIST_ITEM}(?:[ \t]?,[ \t]+(?:the[ \t]+)?{_LIST_ITEM}){{0,8}},?[ \t]+(?:and|und|sowie)[ \t]+"
                       rf"(?:the[ \t]+)?{_LIST_ITEM})(?![\w&'’+-])")


def name_lists(text: str) -> list[list[str]]:
    """Lists of capitalized names joined by commas and "and" ('Bosch, Siemens Energy and Thyssenkrupp Steel'),
    each as its items; ``discover`` takes them as companies only beside a company it knows."""
    out = []
    for m in NAME_LIST.finditer(text):
        items = [re.sub(r"^the\s+", "", i.strip(" .,")) for i in re.split(r"\s?,\s+|\s+(?:and|und|sowie)\s+", m.group("list"))]
        out.append([i for i in items if i])
    return out


def name_like(item: str) -> bool:
    """A list item written like a name in German too, where every noun is capitalized: two capitals or a
    digit ('SAP', 'ZF', '3M', 'SungEel'), or several words ('Siemens Energy')."""
    return bool(_NAMELIKE.search(item)) or len(item.split()) >= 2


# ------------------------------------------------------------------ companies by a head word after the name
_CO_HEAD_AFTER_EN = re.compile(r"(?<=\s)(?:Group|Motors|Airlines|Electronics|Pharmaceuticals|Chemicals)(?![\w-])")
_CO_HEAD_AFTER_DE = re.compile(r"(?<=\s)(?:Werke|Werft|Werften)(?![\w-])")
_CO_NAME_BEFORE = re.compile(r"(?:(?<![\w&'’.+-])[A-Z0-9][\w&'’.+]*+\s+){1,3}$")  # up to three name words before the head

# first words that make a sector, a description or a sentence opening, not a name
_NOT_CO_FIRST = {
    "the", "a", "an", "this", "that", "our", "their", "its", "his", "her", "every", "each", "one", "another", "der",
    "die", "das", "des", "dem", "den", "ein", "eine", "creative", "cultural", "process", "manufacturing", "food",
    "chemical", "automotive", "steel", "heavy", "light", "key", "major", "leading", "local", "regional", "national",
    "international", "global", "european", "asian", "american", "state", "public", "private", "energy", "media",
    "maritime", "digital", "green", "new", "big", "small", "large", "family", "parent", "holding", "working", "task",
    "project", "expert", "advisory", "industrial", "friendship", "parliamentary", "investment", "business", "trading", "shipping",
    "when", "while", "after", "before", "since", "with", "for", "from", "in", "at", "on", "by", "and", "or", "as",
}
_CO_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ican|man|sche[nrsm]?)$")  # German, Korean, Japanese, Mexican, bayerische


_NAME_GOES_ON = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z]")


def headed_companies(text: str) -> list[str]:
    """Company names with a head word after the name, as written ("Hanwha Group", "Korvane Motors", "MV Werften").
    No legal form and no gazetteer entry is needed; the name words before the head must look like a name, not a
    sector or an adjective ("German Group", "Working Group", "die Werften"). "X Company", "X Industries",
    "X Holdings" and "X-Gruppe" are read by ``cued_bodies`` (CO_HEAD_EN, CO_GROUP_DE)."""
    out: list[str] = []
    for rx, german in ((_CO_HEAD_AFTER_EN, False), (_CO_HEAD_AFTER_DE, True)):
        for h in rx.finditer(text):
            m = _CO_NAME_BEFORE.search(text[max(0, h.start() - 120):h.start()])
            words = m.group(0).split() if m else []
            while words and (words[0].lower() in _NOT_CO_FIRST or (_CO_DEMONYM.search(words[0]) and not words[0].isupper())):
                words = words[1:]
            # German heads only behind an acronym ("MV Werften"), not a German noun
            if not words or (german and not (len(words) == 1 and words[0].isupper())):
                continue
            if _NAME_GOES_ON.match(text, h.end()):
                continue  # "the Velden Motors for Europe": the head is inside a longer name, not its end
            name = " ".join(words) + " " + h.group(0)
            if name not in out:
                out.append(name)
    return out
