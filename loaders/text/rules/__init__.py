"""Rule modules, one per family of facts, each with ``apply(doc, sentence, mentions)``.

New families go here (``partnerships``); the older families still live in ``extract.py``.
"""
