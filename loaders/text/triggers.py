"""Words that signal agreements, events and relations (German and English)."""

from __future__ import annotations

import re

# ------------------------------------------------------------------ agreements
AGREEMENT = re.compile(
    r"(?P<mou>(?i:\bmemorand(?:um|ums|a)\s+of\s+(?:understanding|cooperation|co-operation)\b|\bmemorand(?:um|a)\b)|\bMoUs?\b|\bMOUs?\b|\bMo[Cc]s?\b|\bMOCs?\b)"
    r"|(?P<loi>\bAbsichtserklärung(?:en)?\b|(?i:\bletters?\s+of\s+intent\b)|\bLoIs?\b|\bLOIs?\b|(?i:\bdeclaration\s+of\s+intent\b)"
    r"|(?i:\bjoint\s+(?:(?:cooperation|co-operation|partnership|economic)\s+)?declaration\b)|\b[Gg]emeinsame[nr]?\s+Erklärung\b|\bJoint\s+Action\s+Plan\b|\bgemeinsamen?\s+Aktionsplan\w*"
    r"|\b(?:Partnerschafts|Kooperations|Freundschafts)erklärung(?:en)?\b|(?i:\bdeclarations?\s+of\s+(?:cooperation|co-operation|partnership)\b))"
    r"|(?P<contract>\b\w*(?:Kooperations|Partnerschafts|Freundschafts|Rahmen)vertrag\w*|\bVertrag\b|\bcontract\b)"
    r"|(?P<partnership>\b(?!Freihandels|Ziel|Klima|Koalitions|Tarif|Betriebs|Doppelbesteuerungs)\w*(?:vereinbarung|abkommen)(?:en)?\b|\bVereinbarung(?:en)?\b|\bAbkommen\b"
    r"|\b(?i:cooperation|partnership|collaboration|framework)\s+[Aa]greements?\b"
    # not the Paris (climate) agreement, a free-trade agreement or being "in agreement with"
    r"|(?<!Paris )(?<!climate )(?<!Climate )(?<!trade )(?<!Trade )(?<!\bin )\b[Aa]greements?\b"
    # "signed a deal", not "a great deal of"
    r"|(?<!great )(?<!good )\b[Dd]eals?\b)"
    # "entered into a hydrogen alliance": an alliance the text says was entered into (not a body named "... Alliance")
    r"|(?P<alliance>(?:(?<=into a )|(?<=into an ))(?:[\w-]+\s+){0,2}?(?:alliance|pact)\b)"
    r"|(?P<anaphor>\b(?:Diese|diese|Die|die|Der|der|Das|das|The|the|This|this)\s+(?:gemeinsame\s+)?(?:Erklärung|Partnerschaft|Kooperation|memorandum(?!\s+of\s+understanding)|agreement|document)\b)"
)
KIND_RANK = {"mou": 4, "loi": 3, "contract": 2, "partnership": 1, "alliance": 0}
AGREEMENT_LABEL = {
    "mou": ("Memorandum of Understanding", "Memorandum of Understanding"),
    "loi": ("Absichtserklärung", "Letter of Intent"),
    "contract": ("Kooperationsvertrag", "Cooperation contract"),
    "partnership": ("Kooperationsvereinbarung", "Cooperation agreement"),
    "alliance": ("Allianz", "Alliance"),
}
SIGN = re.compile(r"unterzeichn|unterschrieb|unterschrieben|\bsign(?:ed|s|ing)?\b|vereinbart|abgeschlossen|schlossen|geschlossen|\bschließen\b|\babschließen\b|\bconclud|besiegel|paraphiert"
                  r"|\benter(?:s|ed|ing)?\s+into\b|\bink(?:s|ed)?\b|\bUnterschrift", re.I)
AIM = re.compile(r"\s*(?:Ziel|Ziele|Zweck|Die Kooperation|Die Zusammenarbeit|The aim|The goal|The purpose|The cooperation|The partnership|Aim|Goal)\b")
PARTNERS_ANAPHOR = re.compile(r"\b(?:Beide|beide|Die|die|The|the|Both|both)\s+(?:Partner|Seiten|partners|sides|parties|Organisationen|organisations|organizations)\b")

# ------------------------------------------------------------------ events
_EV = [
    ("mission", r"\b\w*[Mm]ission(?:en)?\b|\bMarkterkundungsreise\w*|\bGeschäftsanbahnungsreise\w*|\bMarkterschließungsreise\w*"),
    ("delegation_visit", r"\b\w*[Dd]elegation(?:sreise|sbesuch|en|sreisen|sbesuche)?\w*\b|\bdelegation\s+visit\b"),
    ("trip", r"\b[\w-]*[Rr]eise\b|\b[\w-]*[Rr]eisen\b|\b(?:business\s+)?trip\b|\bjourney\b|\b(?:foreign|overseas|official|European|Asian|business)\s+tour\b|\b(?:U\.S\.|\w+-day|[A-Z][a-z]+an)\s+tour\b|\b[A-ZÄÖÜ][a-zäöüß]+tour\b|\bvisit\b|\b(?!Antritts|Höflichkeits)[\w-]*[Bb]esuch(?:s|es)?\b|\bBesuchsprogramm\b|\bVisite\b"),
    ("forum", r"\b[\w-]*[Ff]orum[s]?\b|\bfora\b"),
    ("workshop", r"\b[\w-]*[Ww]orkshop[s]?\b"),
    ("webinar", r"\b[\w-]*[Ww]ebinar[es]?\b"),
    ("symposium", r"\b[\w-]*[Ss]ymposi(?:um|ums|en|a)\b"),
    # a project is an event only where the text says it takes place ("eines heute stattfindenden X-Projekts")
    ("project", r"(?<=stattfindenden )[\w-]*[Pp]rojekts?\b|(?<=stattfindende )[\w-]*[Pp]rojekt\b|(?<=taking place )[\w-]*project\b"),
    # fairs and conferences are events only where the text names them ("die Messe Medica", "Sachsen-Tage")
    ("fair", r"\b[\w-]*[Mm]esse\b|\b[\w-]+fest\b|\b[\w-]*-Fest\b|\b[Tt]rade\s+(?:[Ss]how|[Ff]air)\b|\bExpo\b|\b[A-ZÄÖÜ][\w]*(?:-[\w]+)*-(?:Tage|Woche)\b|\b[Ww]eek\b|\bFestival\b"),
    ("conference", r"\b[\w-]*[Kk]onferenz\b|\b[\w-]*[Kk]ongress(?:es)?\b|\b[Cc]onference\b|\b[Ss]ummit\b"),
    ("meeting", r"\b[Vv]ideo[\s-]?(?:call|conference)\b|\bVideo(?:konferenz|schalte)\b|\bEmpfangs?\b|\b[\w-]*-(?:Lunch|Dinner)\b|\bArbeitsessen\b|\b(?:[Bb]usiness|[Ww]orking|[Gg]ala|[Ss]tate)\s+(?:lunch|dinner|luncheon)\b|\bAntrittsbesuch(?:s|es)?\b|\bHöflichkeitsbesuch(?:s|es)?\b|\b[Ii]naugural\s+visit\b|\b[Cc]ourtesy\s+(?:visit|call)\b|\bJahrestreffen\b|\b(?:[Bb]usiness\s+)?[Rr]ound[\s-]?[Tt]able\b|\b[Oo]pening\s+[Cc]eremony\b|\b[Cc]eremonial\s+opening\b|\b[Ee]röffnungsfeier\b|\b(?:[Ff]eierlichen?|[Oo]ffiziellen?)\s+Eröffnung\b|\bFestakt(?:s|es)?\b|\breception\b|\b[Mm]eeting\b|\bVeranstaltung\b|\bSitzung\b|\b\w+treffs?\b|(?<!\bin the )(?<!\bany )\bevent\b"),
]
EVENT = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _EV))
TRAVEL = {"delegation_visit", "trip", "mission"}
NAMED_ONLY = {"fair", "conference"}  # kinds that are an event only with a name from the text
PLURAL_EVENT = re.compile(r"(?:reisen|besuche|delegationen|missionen|foren|workshops|webinare|symposien|trips|visits|delegations|missions|forums|fora)$", re.I)
NOT_EVENT = re.compile(r"^(?:Pressekonferenz|Telefonkonferenz|Kultusministerkonferenz|Ministerpräsidentenkonferenz|Innenministerkonferenz|Wirtschaftsministerkonferenz|press\s+conference|Anreise|Abreise|Rückreise|Preis|Reiseziel|Dienstreise|Kreise|Kreis|Auslandsreisen|Delegierte\w*|Reisende\w*)$", re.I)
EVENT_LABEL = {
    "delegation_visit": ("Delegationsreise", "Delegation visit"),
    "trip": ("Unternehmerreise", "Business trip"),
    "mission": ("Wirtschaftsmission", "Business mission"),
    "forum": ("Forum", "Forum"),
    "workshop": ("Workshop", "Workshop"),
    "webinar": ("Webinar", "Webinar"),
    "symposium": ("Symposium", "Symposium"),
    "meeting": ("Treffen", "Meeting"),
    "fair": ("Messe", "Fair"),
    "conference": ("Konferenz", "Conference"),
    "project": ("Projekt", "Project"),
}
NEW_EVENT = re.compile(r"\b(?:weitere[nrms]?|nächste[nrms]?|zweite[nrms]?|another|next|second|further)\s+\S*$", re.I)
INDEFINITE = re.compile(r"\b(?:ein|eine|einer|einen|einem|eines|a|an)\s+(?:\S+\s+){0,2}$", re.I)

# a body an event is held "in cooperation with" co-organizes it
_CO_ORGANIZE = r"\bin\s+(?:[Zz]usammenarbeit|[Kk]ooperation)\s+mit\b|\bin\s+(?:cooperation|collaboration|partnership|coordination)\s+with\b"
ORGANIZE = re.compile(_CO_ORGANIZE + r"|\b[Aa]uf\s+Einladung\s+(?:von|der|des|vom)\b|\bat\s+the\s+invitation\s+of\b|\b(?:hat|haben|hatte|hatten|has|have|had)\s(?:[^.;]|\.(?=\S)){0,160}?\b(?:eingeladen|invited)\b|organisiert|organisieren|organisierte|organi[sz]ed?\b|organi[sz]es|organi[sz]ing|veranstaltet|Veranstalter|ausgerichtet|ausrichte\w*|richtet\w* aus|\bhost(?:s|ed|ing)?\b|[Aa]ngeführt|durchgeführt|koordiniert|\bcoordinated\b|Gastgeber|initiiert|\blädt\b|\bladen\b|\bplant\s+(?:eine?[nm]?|die|den|das|für|zum|zur|im|gemeinsam|außerdem|zudem|auch)\b|(?<!were )(?<!are )(?<!the )\bplans\b(?!\s+for\b)|angeboten|\bbietet\b|\boffer(?:s|ed)?\b", re.I)
# ("plans" organizes as a verb, "X plans a trip", not as a noun: "there were plans for X's visit")
# (an adverb may stand between the participle and "by": "organized jointly by A, B and C" - all of them organize)
ORGANIZE_BY = re.compile(_CO_ORGANIZE + r"|\b[Aa]uf\s+Einladung\s+(?:von|der|des|vom)\b|\bat\s+the\s+invitation\s+of\b|(?:organisiert|veranstaltet|ausgerichtet|angeführt|organi[sz]ed|hosted|led|durchgeführt|koordiniert|coordinated)(?:\s+und\s+\w+)?(?:\s+(?:jointly|mainly|largely|gemeinsam|federführend))?\s+(?:wird\s+)?(?:von|durch|by)\b|\bwurde\b.*\bvon\b|Veranstalter|Gastgeber", re.I)
FUNDED = re.compile(r"im Auftrag|finanziert|gefördert|on behalf of|funded|financed|sponsored", re.I)
# the places of a trip listed as its destinations: "Ziele sind X und Y", "Stationen der Reise", "stops include X"
_DESTINATIONS = r"\bZiele\s+(?:der\s+[\w-]*[Rr]eise\s+)?sind\b|\bReiseziele\b|\bEtappen?\b|\bdestinations\b|\bstops\s+(?:include|are|in)\b"
VISIT_CUE = re.compile(_DESTINATIONS + r"|\bauf\s+dem\s+[\w-]*Programm\b|\bon\s+the\s+(?:itinerary|programme|program)\b|\bnach\b|\bins\b|\bin\b|\bto\b|\binto\b|besuch|bereist|besichtig|\btour(?:s|ed)\b|\bvisit|trifft|treffen|trafen|\bmeet|\bmet\b|Station|Gespräche mit|talks with|reist|reiste|travels?\b|travelled|fährt", re.I)
ORIGIN = re.compile(r"(?:\b(?:aus|from|of|der|des)\s+(?:der\s+|dem\s+|den\s+|the\s+)?(?:[\w-]+\s+){0,3})$")
PARTICIPATE_PERSON = re.compile(r"\b(?:zurückgekehrt|returned\s+from|back\s+from)\b|\b(?:ist|sind|war|waren)\s+(?:auch\s+|ebenfalls\s+)?dabei\s*[.!]?\s*$|begrüßt\w*|\bkick(?:s|ed|ing)?\s+off\b|\bembark(?:s|ed|ing)?\s+on\b|\bwelcome[sd]\b|empf(?:ängt|ing|ingen|angen)\b|\breceived\b|eingetroffen|angekommen|\barrived\b|zu Gast\b|\bt(?:ook|ake|akes|aking)\s+part\b|eröffne\w*|\bopen(?:s|ed)\b|spearhead\w*|reist|reiste|reisen|bricht|aufgebrochen|startet|besucht|besuchen|bereist|Leitung|leitet|leitete|[Aa]ngeführt|\bled\b|\bleads?\b|\bhead(?:s|ed)?\b|\bhält\b|spricht|\bRede\b|Eröffnungsrede|Grußwort|keynote|speech|speaks|spoke|teilnehm|nahm\w*\s.*teil|participat|joined|\bjoins?\b|mit dabei|attend|travel|begleitet|accompan", re.I)
HEAD_OF = re.compile(r"Leitung|\bleitet|\bleitete|spearhead\w*|[Aa]ngeführt|\bled\b|\bleads\b|\bheaded\b|an der Spitze", re.I)
SPEAKER = re.compile(r"Rede|Grußwort|Begrüßung|Ansprache|welcome address|opening remarks|keynote|speech|spricht|speaks|spoke|Vortrag|eröffnet|opens|opened", re.I)
PARTICIPATE_ORG = re.compile(r"mit dabei|Teilnehmer\w* (?:von|aus)|participants? (?:from|of)|took part|nahm\w* .*teil|nehmen .*teil|teilnehmen|participat|joined|Delegation (?:aus|der|des|von)|delegation (?:from|of)|aus Vertretern (?:von|der|des)|zusammensetzt|besteht aus|consist|(?:Zur|Der) [\w-]*[Dd]elegation gehör\w*|gehör\w* (?:zur|der) [\w-]*[Dd]elegation|Teil der [\w-]*[Dd]elegation|delegation (?:includes|included|comprises|comprised)|members of the [\w-]*\s?delegation", re.I)
TOPIC_CUE = re.compile(r"\b(?:über|about|zum Thema|zu den Themen|zum|zur|on|um|wie|such as)\b", re.I)
VISIT_VERB = re.compile(_DESTINATIONS + r"|\bauf\s+dem\s+[\w-]*Programm\b|\bon\s+the\s+(?:itinerary|programme|program)\b|besucht|besuchen|besuchten|\bBesuche\b|bereist|besichtig\w*|\btour(?:s|ed)\b|visit|trifft|treffen|trafen|\bmeets?\b|\bmet\b|Station|Austausch mit|Gespräche?n? mit|talks with|exchange with|meetings? with|Treffen mit", re.I)
TRAVEL_VERB = re.compile(r"\b(?:reist|reiste|reisen|bereist|bereiste|besucht|besuchte|besuchten|visited|visits|will\s+visit|is\s+visiting|travell?ed|travels|stopped\s+(?:in|into|over\s+in))\b", re.I)
# (also the travellers named as a group, "Die Teilnehmer ...", "the participants", and being "unterwegs" somewhere)
TRAVEL_ANAPHOR = re.compile(r"\b(?:Termine|Stationen|Station|[\w-]*Programm|Reiseprogramm|itinerary|programme|program|stops?"
                            r"|Teilnehmer(?:innen)?|Reiseteilnehmer\w*|participants|unterwegs)\b")
SPEECH = re.compile(r"\b(?:sagt|sagte|betont|betonte|erklärt|erklärte|said|says|stressed|explained)\b", re.I)
LEADING = re.compile(r"führend|Weltmarktführer|Vorreiter|\bleading\b|\bleader\b|Technologiekompetenz|Kompetenzen|strengths|Stärken", re.I)
ORG_FOCUS = re.compile(r"Arbeitsschwerpunkt|Schwerpunkt|Fokus|fokussiert|\bZiel\b|Aufgabe|focus(?:es|ed)?\b|\baims?\b|mission", re.I)
FOCUS = re.compile(r"\bzielt|\bZiel\b|\baims? at\b|Schwerpunkt|Fokus|fokussiert|im Mittelpunkt|Themen|Thema|focus|topics?\b|dreht sich|geht es um|widmet|dedicated|concentrat|konzentrier|Bereich|areas?\b|fields?\b|sectors?\b|Branchen", re.I)
SUBORDINATE = re.compile(r"zugeordnet|unterstellt|angegliedert|untersteht|Geschäftsbereich|affiliated (?:with|to)|subordinate to|under the (?:auspices|umbrella|supervision) of|reports to|(?:an?|the) (?:[\w-]+ ){0,2}?agency (?:of|under)|nachgeordnet"
                         # "eine (hundertprozentige) Tochter(gesellschaft) des Freistaates", "a (wholly-owned) subsidiary of"
                         r"|\bTochter(?:gesellschaft|unternehmen|firma)? (?:der|des|von)\b|\bsubsidiary of\b"
                         # "X, die Gesellschaft zur Außenwirtschaftsförderung des Landes Y", "eine Einrichtung des Freistaates Y"
                         r"|\b(?:eine|die|der) (?:[\w-]+ ){0,2}?(?:Einrichtung|Gesellschaft|Agentur|Behörde|Förderbank|Wirtschaftsförderungsgesellschaft)"
                         r"(?: (?:zur|für) [\w-]+)? (?:des Landes|des Freistaate?s|der Stadt|der Landesregierung)\b", re.I)
MEMBER = re.compile(r"\b(?:[Cc]luster|[Nn]etzwerk|[Vv]erbands|[Vv]ereins)?[Mm]itglied\w*|\b[Mm]ember(?:s|ship)?\b(?:\s+(?:companies|firms|organi[sz]ations|institutions|businesses))?")
# what introduces the members in a list: "Mitglieder des X, u.a. A und B", "X members such as A and B"
MEMBER_LIST_CUE = re.compile(r"\s*(?:\.\s*)?(?:\([^)]*\)\s*)?,?\s*(?:[-–:]\s*)?(?:u\.\s?a\.|unter anderem|wie|darunter|etwa|z\.\s?B\.|zum Beispiel|beispielsweise|such as|including|like|among them|e\.g\.|for example|gehören|zählen|sind|include|are)\s+(?:auch\s+|also\s+)?")
LOCATED = re.compile(r"^\s*(?:,\s*)?(?:\(\w+\)\s*)?(?:aus|from|in|mit (?:Haupt)?[Ss]itz in|with (?:its )?(?:headquarters|seat) in|(?:(?:which |that )?(?:is |are ))?(?:based|located|headquartered) in|ist in|hat (?:seinen|ihren) Sitz in|ansässig in|aus dem|aus der|(?:ist|sind) in \w+ ansässig)\s+(?:der\s+|dem\s+|the\s+)?$", re.I)
EXPORT = re.compile(r"[Ee]xport|[Aa]usfuhr|[Ll]ieferumfang|[Ll]ieferungen nach|exportiert|shipped|sales to", re.I)
IMPORT = re.compile(r"[Ii]mport(?!an)|[Ee]infuhr|importiert|bezogen aus|purchases from", re.I)  # not "important"
BUDGET = re.compile(r"\bBudget|\bbudget|Etat|Haushalt|Fördervolumen|Jahresbudget", re.I)
MEMBERS_COUNT = re.compile(r"(?:mit\s+)?(?:rund|über|mehr als|etwa|ca\.|knapp|around|about|over|more than|some)?\s*(?P<n>\d[\d.,]*)\s+(?:Mitglied(?:ern|er)|members|Mitgliedsunternehmen|member companies)", re.I)
FOUNDED = re.compile(r"(?:seit (?:seiner|ihrer) Gründung im Jahr|gegründet (?:im Jahr|\d{4}|in)|founded in|established in|Gründungsjahr)\s*(?P<y>(?:19|20)\d{2})?", re.I)
WE = re.compile(r"\b(?:wir|uns|unser\w*|we|us|our)\b", re.I)
