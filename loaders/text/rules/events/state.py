"""The state the steps share while they read one sentence about one event (``facts._event_sentence``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...sentences import Sentence
from ..context import Doc, EventObj, Mention


@dataclass
class EventSentence:
    """One sentence read for one event. ``anaphoric``: the sentence refers to the event without naming it;
    ``several``: it names more than one event; ``continues``: it lists what the sentence before announced.
    The sets collect what earlier steps found, so that later ones do not read the same name twice
    (an organizer is no participant, a participant is no place visited)."""

    d: Doc
    ev: EventObj
    s: Sentence
    ms: list[Mention]
    anaphoric: bool
    several: bool
    continues: bool
    organizers: set[str] = field(default_factory=set)
    funders: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    role_targets: set = field(default_factory=set)  # bodies a person holds an office at, said in this sentence

    @property
    def t(self) -> str:
        return self.s.text

    @property
    def key(self) -> tuple[str, int]:
        return ("event", self.ev.key)

    @property
    def entities(self) -> list[Mention]:
        return [m for m in self.ms if m.kind == "entity"]
