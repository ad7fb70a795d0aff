"""Limits and defaults of every query, declared once (the API, views and CLI read them here)."""

MAX_DEPTH = 3
MAX_K = 10
MAX_HOPS = 8
DEFAULT_NEIGHBOR_LIMIT = 500
MAX_NEIGHBOR_LIMIT = 5000
DEFAULT_SEARCH_LIMIT = 20
MAX_SEARCH_LIMIT = 200
DEFAULT_TIMELINE_LIMIT = 200
MAX_TIMELINE_LIMIT = 5000
MAX_CONNECTIONS_LIMIT = 1000
MAX_QUERY = 200  # characters of a search query

REACH_CAP = 200_000  # nodes counted when a neighbourhood is cut by its limit
EDGE_CAP = 20_000  # edges returned with one neighbourhood
SEARCH_CANDIDATE_CAP = 50_000
FUZZY_KEYS = 500  # folded names scored by the fuzzy search tier
PATH_WORK_CAP = 400_000  # partial paths expanded by one k-shortest-paths search
PATH_EDGE_CAP = 200_000  # edges read among the candidate nodes of one path length
CONNECTIONS_PATH_HOPS = 6
CONTAINMENT_DEPTH = 6  # levels of LOCATED_IN / PART_OF followed below a region
TIMELINE_MEMBERS = 5_000  # actors inside a region whose agreements and events join its timeline
DEFAULT_LIST_LIMIT = 50
MAX_LIST_LIMIT = 500
LIST_PAGE = 5_000  # nodes read per nodes_of_type call
LIST_SCAN_CAP = 200_000  # candidates a list looks at; beyond, counts are lower bounds (truncated)
LIST_REASONS = 5  # connecting facts shown per hit and relation
BROKER_SAMPLE = 200  # actor pairs whose shortest partner path is searched (evenly spaced sample)
MAX_BROKER_SAMPLE = 5_000
BROKER_HOPS = 6
DEFAULT_BROKER_LIMIT = 20
MAX_BROKER_LIMIT = 200
DEFAULT_CHANGES_LIMIT = 500
MAX_CHANGES_LIMIT = 5_000
CHANGES_SCAN_CAP = 100_000  # facts read per store call when collecting what changed
