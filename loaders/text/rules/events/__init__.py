"""Events, visits and participation: delegation visits, trips, forums and workshops with their dates,
places, organizers, participants and topics (ORGANIZED, PARTICIPATED_IN, VISITED, LOCATED_IN, FOCUSES_ON);
what a body or a region is strong in (FOCUSES_ON). ``apply`` reads one sentence (see ``flow``)."""

from .flow import apply

__all__ = ["apply"]
