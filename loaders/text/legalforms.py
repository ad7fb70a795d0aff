"""Company legal forms ("GmbH", "AG", "Ltd.", "S.p.A.", "Pty. Ltd.", "Sdn. Bhd.", "LLC", "BVBA"), for finding
company names by the form that ends them.

The forms come from the maintained ``cleanco`` package (``cleanco.termdata``: legal forms of about 90
countries), besides the German and English ones written here. cleanco writes its terms in lower case and
many short ones are also words ("as", "sa", "da", "ab", "og"); so a term is used only

* with its dots ("s.p.a.", "pty. ltd.", "sp. z o.o."): matched in any case, as such terms are no words
  (German abbreviations such as "u.a.", "z.B.", "d.h." are left out), or
* without dots, with three letters or more: matched only in capitals ("LLC", "BVBA", "SARL", "OOO").

The pattern is an alternation of literals, longest first, so a match at one position does bounded work.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the forms German and English releases use most, in the case they are written
HAND = ("GmbH & Co. KG", "GmbH & Co KG", "GmbH", "gGmbH", "mbH", "AG", "SE", "KGaA", "KG", "OHG", "e. V.", "e.V.",
        "Inc.", "Ltd.", "Co., Ltd.", "Co. Ltd.", "Corp.", "LLC", "plc", "PLC", "S.A.", "Ltd", "Inc",
        # Nordic, Asian and Indian forms as releases write them ("Lindqvist Shipping A/S", "Vinacomin JSC")
        "A/S", "ApS", "Oyj", "JSC", "Co., Ltd", "Pvt. Ltd.", "Pvt Ltd", "Pte. Ltd.", "Pte Ltd", "Sdn Bhd",
        "K.K.", "Tbk")
# dotted abbreviations of ordinary German and English text
_NOT_FORMS = {"u.a.", "z.b.", "d.h.", "s.o.", "o.a.", "a.d.", "i.d.", "o.ä.", "u.ä.", "v.a.", "i.e.", "e.g.",
              "a.m.", "p.m.", "n.b.", "s.u.", "u.u.", "bzw.", "co.", "& co.", "inc.", "ltd.", "corp."}
_NOT_CAPS = {"THE", "AND", "FOR", "COMPANY", "LIMITED", "CORPORATION", "INCORPORATED", "UNLIMITED", "GROUP",
             "HOLDING", "HOLDINGS", "INTERNATIONAL", "TRUST", "BANK", "FUND", "FOUNDATION", "PARTNERSHIP",
             "COOPERATIVE", "SOCIETY", "ASSOCIATION", "USA", "GER", "AUS", "PRIVATE", "ETAT", "SOGEPA", "ADSITZ",
             "TAPUI"}
# three-letter forms in capitals that are rarely anything else (CIO, VAT, SEP, SIA are)
_CAPS3 = {"LLP", "OOO", "ZAO", "OAO", "OOD", "UAB", "SRL", "BHD", "PTE", "APS", "ASA", "OYJ", "GBR", "TOV", "SNC",
          "VOF", "VZW", "EOOD"}


def _cleanco_terms() -> set[str]:
    try:
        from cleanco import termdata
    except ImportError:  # pragma: no cover - a declared dependency; the hand forms still apply
        return set()
    out: set[str] = set()
    for terms in list(termdata.terms_by_type.values()) + list(termdata.terms_by_country.values()):
        for t in terms:
            t = " ".join(t.split())
            if t and t.isascii():
                out.add(t)
    return out


@lru_cache(maxsize=1)
def legal_forms() -> tuple[list[str], list[str]]:
    """(dotted forms, lower case; forms in capitals) from cleanco, without the hand forms."""
    dotted, caps = set(), set()
    hand = {h.lower() for h in HAND}
    for t in _cleanco_terms():
        if t in hand or t in _NOT_FORMS:
            continue
        if "." in t:
            letters = re.sub(r"[^a-z]", "", t)
            if len(letters) >= 2 and not t.startswith(("&", "/")):
                dotted.add(t)
        elif re.fullmatch(r"[a-z]{3,}", t) and t.upper() not in _NOT_CAPS and (len(t) >= 4 or t.upper() in _CAPS3):
            caps.add(t.upper())
    return sorted(dotted, key=lambda x: (-len(x), x)), sorted(caps, key=lambda x: (-len(x), x))


def _lit(term: str) -> str:
    # spaces inside a form may be one space or none ("Pty. Ltd.", "Pty.Ltd.")
    return r"\s?".join(re.escape(p) for p in term.split(" "))


@lru_cache(maxsize=1)
def legal_pattern() -> str:
    """A regular-expression alternation (no groups) of the legal forms, longest first."""
    dotted, caps = legal_forms()
    hand = sorted(HAND, key=lambda x: (-len(x), x))
    parts = [_lit(h) for h in hand[:5]]  # the long hand forms first ("GmbH & Co. KG" before "GmbH")
    parts += ["(?i:" + "|".join(_lit(d) for d in dotted) + ")"] if dotted else []
    parts += [_lit(h) for h in hand[5:]]
    parts += caps
    return "(?:" + "|".join(parts) + ")"
