"""Build Document state by hand for stage tests, as the earlier stages would have left it."""

from __future__ import annotations

from typing import Any

from thucydides.document import Document
from thucydides.records import Actor


def actor_with_mentions(document: Document, name: str, *phrases: str, **fields: Any) -> Actor:
    """Add an actor by hand, with a mention at every occurrence of each phrase (as the actors stage would)."""
    added = document.add_actor(name=name, **fields)
    for phrase in phrases:
        start = document.text.find(phrase)
        while start >= 0:
            document.add_mention(added, start, start + len(phrase), "name")
            start = document.text.find(phrase, start + 1)
    return added
