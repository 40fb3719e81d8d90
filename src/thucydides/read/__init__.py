"""Readers: turn text and Markdown files, directories, JSONL files and stdin into Articles.

Every reader yields, for each input, either an ``Article`` or a ``Failure`` that names the input
(a path, or ``path:line`` for JSONL) and says why it could not be read, so one bad input never
stops a batch.
"""

from thucydides.read.jsonl import read_jsonl
from thucydides.read.sources import count_articles, read_sources, run_in_order
from thucydides.read.text import read_stdin, read_text_file

__all__ = ["count_articles", "read_jsonl", "read_sources", "read_stdin", "read_text_file", "run_in_order"]
