"""Language stage: check the article is English, then parse it with spaCy, keeping paragraphs apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from thucydides.document import Document
from thucydides.errors import LanguageError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from thucydides.pipeline import StageContext

PARAGRAPH_COMPONENT = "thucydides_paragraph_breaks"
MIN_TOKENS_TO_JUDGE = 20
WORDS_TO_JUDGE = 4_000
"""The opening tokens the English check reads; enough for a verdict, bounded for long texts."""


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a headline or caption never fuses with the next line.

    The parser keeps sentence starts that are set before it runs.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


class LanguageStage:
    """Parses the text; refuses texts that are not English instead of returning empty results."""

    name = "language"

    def __init__(self, context: StageContext) -> None:
        self.nlp = context.nlp
        if PARAGRAPH_COMPONENT not in self.nlp.pipe_names:
            before = "parser" if "parser" in self.nlp.pipe_names else None
            self.nlp.add_pipe(PARAGRAPH_COMPONENT, before=before) if before else self.nlp.add_pipe(PARAGRAPH_COMPONENT)
        self.stop_words = self.nlp.Defaults.stop_words
        self.min_ratio = context.settings.min_english_ratio
        self.batch_size = context.settings.batch_size

    def __call__(self, document: Document) -> Document:
        # Tokenise once: the English check reads the tokens, then the rest of the pipeline parses them.
        tokens = self._english_tokens(document)
        document.doc = self.nlp(tokens)
        document.language = "en"
        return document

    def pipe(self, documents: list[Document]) -> list[Document]:
        token_docs = [self._english_tokens(document) for document in documents]
        for document, doc in zip(documents, self.nlp.pipe(token_docs, batch_size=self.batch_size)):
            document.doc = doc
            document.language = "en"
        return documents

    def _english_tokens(self, document: Document) -> Doc:
        """The article's tokens, once its opening words show it is English; raises LanguageError otherwise."""
        tokens = self.nlp.make_doc(document.text)
        words = [t.lower_ for t in tokens[:WORDS_TO_JUDGE] if t.is_alpha]
        if len(words) < MIN_TOKENS_TO_JUDGE:
            if not words:
                raise LanguageError(
                    "the text holds no words", input=document.article.source or document.article.id
                )
            return tokens
        ratio = sum(word in self.stop_words for word in words) / len(words)
        if ratio < self.min_ratio:
            raise LanguageError(
                f"the text does not look like English (only {ratio:.0%} common English words)",
                input=document.article.source or document.article.id,
                hint="Thucydides processes English articles",
            )
        return tokens


def make_stage(context: StageContext) -> LanguageStage:
    return LanguageStage(context)
