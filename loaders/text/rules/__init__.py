"""Rule modules, one per family of facts. Each exposes ``apply(doc, sentence, mentions)``: it reads
one sentence (``mentions`` are the sentence's non-dateline mentions, in order) with the document
context (``context.Doc``: earlier facts, agreements, events, roles, the home state) and adds facts
with ``doc.fact(edge_type, source, target, sentence, **properties)``.

``DOCUMENT_RULES`` run over every sentence first (roles are needed by the others), then
``SENTENCE_RULES`` in order. Type names come from ``types.yaml`` (checked against the schema).
"""

from . import agreements, events, investments, organizations, partnerships, roles, trade

DOCUMENT_RULES = (roles.apply,)
SENTENCE_RULES = (
    agreements.apply,  # agreements, parties, signatories
    events.apply,  # events, visits, participation, places
    organizations.apply,  # parent bodies, membership, seats
    trade.apply,  # trade figures
    organizations.properties,  # budget, members, founding year
    partnerships.apply,  # partnerships between regions
    investments.apply,  # companies' new sites
)
