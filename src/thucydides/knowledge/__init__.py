"""The knowledge base: actors, roles, outlets and rules kept as versioned YAML data."""

from thucydides.knowledge.base import KnowledgeBase, NameEntry, Person, Role

__all__ = ["KnowledgeBase", "NameEntry", "Person", "Role"]
