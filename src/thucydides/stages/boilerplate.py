"""Boilerplate stage: classify page-debris lines (credits, captions, related links, bylines, prompts)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from thucydides.document import Document
from thucydides.errors import KnowledgeBaseError
from thucydides.records import BoilerplateKind, BoilerplateLine

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from thucydides.knowledge import KnowledgeBase
    from thucydides.pipeline import StageContext

# The cascade, most precise cue first; a line takes the first kind that fits and is never removed:
#   1. line-local cues, from boilerplate.yaml: prompts ("other"), related lead-ins ("Read more: ..."),
#      bylines, captions that end with their credit, credit lines, captions that announce themselves
#      ("Pictured: ..."); then the lines fenced inside a promotion block ("Skip past newsletter ...");
#   2. the title: the first unflagged line, when headline-shaped, fills ``article.title`` and stays body;
#   3. caption runs: the fragments directly above a credit line (else the one directly below it);
#   4. related headlines: lines listed under a lead-in, and headline-shaped lines standing alone
#      between prose paragraphs, unless there are so many that they are the article's subheadings.
# Steps 2-4 read a line's shape and neighbours, so they skip lines of hard-wrapped prose.

_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’»)]"
_OPENING_QUOTES = "\"'“‘«„‚"
_QUOTE_MARKS = frozenset(_OPENING_QUOTES + "”’»")
_BULLETS = ("•", "-", "–", "—", "*", "·", "▪", "►", "■")
_ARROWS = "›»→>:|"
_NAME_CONNECTORS = frozenset(
    {"of", "the", "and", "de", "del", "da", "van", "von", "der", "al", "el", "bin", "for", "&", "le", "la", "y"}
)
_PAST_OR_MODAL_TAGS = frozenset({"VBD", "MD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MIN_PROSE_WORDS = 8
_WRAPPED_SHARE = 0.3
_LABELLED_NAME_WORDS = 8
_RULE_FILE = "boilerplate"
_METADATA_KEYS = ("kb_version", "data_as_of", "description", "source", "checked")


# -- rules (data) ------------------------------------------------------------------------------


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CreditRules(_Rules):
    max_words: int = 12
    agencies: list[str] = Field(default_factory=list)
    joiners: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)


class CaptionRules(_Rules):
    max_run: int = 3
    min_words: int = 3
    max_words: int = 45
    present_tense_max_words: int = 30
    prefixes: list[str] = Field(default_factory=list)


class RelatedRules(_Rules):
    min_words: int = 4
    max_words: int = 20
    max_run: int = 6
    max_lone: int = 3
    prose_per_lone: int = 6
    lead_ins: list[str] = Field(default_factory=list)


class BylinePattern(_Rules):
    pattern: str
    head_only: bool = False


class BylineRules(_Rules):
    max_words: int = 15
    head_lines: int = 6
    patterns: list[BylinePattern] = Field(default_factory=list)


class PromptBlock(_Rules):
    start: str
    end: str


class PromptRules(_Rules):
    max_words: int = 40
    blocks: list[PromptBlock] = Field(default_factory=list)
    max_block_lines: int = 10
    lines: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    contains: list[str] = Field(default_factory=list)


class BoilerplateRules(_Rules):
    """The contents of ``boilerplate.yaml``; every section may be absent."""

    credit: CreditRules = Field(default_factory=CreditRules)
    caption: CaptionRules = Field(default_factory=CaptionRules)
    related: RelatedRules = Field(default_factory=RelatedRules)
    byline: BylineRules = Field(default_factory=BylineRules)
    other: PromptRules = Field(default_factory=PromptRules)

    @classmethod
    def from_yaml(cls, document: Mapping[str, Any]) -> BoilerplateRules:
        body = {key: value for key, value in document.items() if key not in _METADATA_KEYS}
        try:
            return cls(**body)
        except ValidationError as exc:
            raise KnowledgeBaseError(f"does not match the schema: {exc}", input="boilerplate.yaml") from exc


@dataclass(frozen=True)
class Matchers:
    """The rules compiled once per stage into regular expressions."""

    agency: re.Pattern[str] | None
    outlet: re.Pattern[str] | None
    joiner: re.Pattern[str] | None
    credit_prefix: re.Pattern[str] | None
    credit_prefix_inside: re.Pattern[str] | None
    caption_prefix: re.Pattern[str] | None
    related_lead_in: re.Pattern[str] | None
    prompt_prefix: re.Pattern[str] | None
    prompt_lines: frozenset[str]
    prompt_patterns: tuple[re.Pattern[str], ...]
    prompt_contains: tuple[str, ...]
    bylines: tuple[tuple[re.Pattern[str], bool], ...]

    @classmethod
    def compile(cls, rules: BoilerplateRules, outlets: Iterable[str] = ()) -> Matchers:
        try:
            bylines = tuple((re.compile(p.pattern), p.head_only) for p in rules.byline.patterns)
            prompt_patterns = tuple(re.compile(pattern) for pattern in rules.other.patterns)
        except re.error as exc:
            raise KnowledgeBaseError(f"holds an invalid pattern: {exc}", input="boilerplate.yaml") from exc
        return cls(
            agency=_names_pattern(rules.credit.agencies),
            outlet=_names_pattern(outlets),
            joiner=_names_pattern(rules.credit.joiners, ignore_case=True),
            credit_prefix=_prefix_pattern(rules.credit.prefixes),
            credit_prefix_inside=_inside_prefix_pattern(rules.credit.prefixes),
            caption_prefix=_prefix_pattern(rules.caption.prefixes),
            related_lead_in=_lead_in_pattern(rules.related.lead_ins),
            prompt_prefix=_prefix_pattern(rules.other.prefixes),
            prompt_lines=frozenset(_normalised(line) for line in rules.other.lines),
            prompt_patterns=prompt_patterns,
            prompt_contains=tuple(phrase.lower() for phrase in rules.other.contains),
            bylines=bylines,
        )


def _names_pattern(names: Iterable[str], ignore_case: bool = False) -> re.Pattern[str] | None:
    """Whole-word alternation; short names (acronyms) keep their case so "AP" never matches "ap"."""
    alternatives: list[str] = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        if len(name) <= 4 and not ignore_case:
            alternatives.extend({re.escape(name), re.escape(name.upper())})
        else:
            alternatives.append(f"(?i:{re.escape(name)})")
    if not alternatives:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(alternatives)})(?![\w])")


def _prefix_alternatives(prefixes: Iterable[str]) -> str:
    parts = []
    for prefix in sorted({p.strip() for p in prefixes if p and p.strip()}, key=len, reverse=True):
        # A prefix ending in a letter must end a word there: "Subscribe" is not "Subscribers".
        boundary = r"(?![\w])" if prefix[-1].isalnum() else ""
        parts.append(re.escape(prefix) + boundary)
    return "|".join(parts)


def _prefix_pattern(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = _prefix_alternatives(prefixes)
    return re.compile(rf"^(?:{alternatives})\s*", re.IGNORECASE) if alternatives else None


def _inside_prefix_pattern(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    """A credit prefix after a caption's text ("... in Tokyo. Photograph: Jane Doe/Reuters").

    Case is kept, so the capitalised label is needed, not the word "photo" in running text.
    """
    alternatives = _prefix_alternatives(prefixes)
    return re.compile(rf"(?<=\s)(?:{alternatives})\s*(?P<rest>.+)$") if alternatives else None


def _lead_in_pattern(lead_ins: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({w.strip() for w in lead_ins if w and w.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    separator = r"\s*[:|»›→]|\s+[-–—]\s|\s*$"
    return re.compile(rf"^(?:{alternatives})(?:{separator})", re.IGNORECASE)


# -- lines -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One non-blank line of the article: its 1-based number, stripped text and character span."""

    number: int
    text: str
    start: int
    end: int

    @property
    def words(self) -> list[str]:
        return self.text.split()


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, numbered as ``Document.line_number`` numbers them."""
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(Line(number=number, text=stripped, start=start, end=start + len(stripped)))
        offset += len(raw) + 1
    return lines


def hard_wrapped_lines(lines: Sequence[Line]) -> set[int]:
    """Numbers of lines that belong to prose wrapped at a fixed width, so no line of it is a headline.

    Lines with no blank line between them form a block; a block is wrapped when many of its lines run
    on into a next line that starts in lower case. One lower-case paragraph start ("eBay said ...") in
    an article that separates paragraphs with single line breaks does not make it wrapped.
    """
    wrapped: set[int] = set()
    block: list[Line] = []
    for line in [*lines, None]:
        if line is not None and block and line.number == block[-1].number + 1:
            block.append(line)
            continue
        pairs = len(block) - 1
        run_ons = sum(1 for a, b in zip(block, block[1:]) if b.text[0].islower())
        if pairs and run_ons >= max(1.0, _WRAPPED_SHARE * pairs):
            wrapped.update(member.number for member in block)
        block = [line] if line is not None else []
    return wrapped


# -- shape cues (pure functions of a line's text) ------------------------------------------------


def ends_like_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation, also inside closing quotes or brackets."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def opens_with_quote(text: str) -> bool:
    return bool(text) and text[0] in _OPENING_QUOTES


def is_bullet(text: str) -> bool:
    return text.startswith(_BULLETS) or bool(re.match(r"^\d{1,2}[.)]\s", text))


def is_mostly_upper(text: str) -> bool:
    """Credits are often set in capitals ("JANE DOE/AFP VIA GETTY IMAGES")."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def is_name_shaped(text: str, max_words: int = 8, connectors: frozenset[str] = frozenset()) -> bool:
    """Every word is capitalised or a name connector: "Kyodo News", "Jane Doe for The Times"."""
    words = [word.strip(".,;()[]|/") for word in text.replace("/", " ").split()]
    words = [word for word in words if word]
    if not words or len(words) > max_words:
        return False
    allowed = _NAME_CONNECTORS | connectors
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in allowed for word in words)


def is_slash_joined(text: str) -> bool:
    """Photographer and agency joined by a slash: "Jane Doe/Reuters", "KYODO NEWS/AP"."""
    return re.search(r"[^\W\d_]\s?/\s?[^\W\d_]", text) is not None


def is_headline_shaped(text: str, min_words: int, max_words: int) -> bool:
    """A short capitalised line without terminal punctuation, not a quote, list item or lead-in to one."""
    words = text.split()
    if not min_words <= len(words) <= max_words:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if opens_with_quote(text) or is_bullet(text) or text.rstrip().endswith((":", ";", ",")):
        return False
    return not ends_like_sentence(text)


def is_title_shaped(text: str, max_words: int) -> bool:
    """A title may open with a quote or end with a question, but is no sentence ending in a full stop."""
    stripped = text.rstrip()
    if len(text.split()) > max_words or stripped.endswith((".", ":", ";", ",")):
        return False
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip()
    return bool(stripped) and not stripped.endswith((".", "…"))


def _normalised(text: str) -> str:
    return text.strip().rstrip(_ARROWS + _SENTENCE_END + " ").strip().lower()


# -- line-local cues -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LineCues:
    """Classifies a single line from its own text and the rules; knows nothing of its neighbours."""

    rules: BoilerplateRules
    matchers: Matchers

    def kind(self, text: str, in_head: bool) -> BoilerplateKind | None:
        if self.is_prompt(text):
            return "other"
        if self.is_related_lead_in(text):
            return "related"
        if self.is_byline(text, in_head):
            return "byline"
        # A caption carrying its credit at the end is checked first: the credit alone would match too.
        if self.ends_with_credit(text):
            return "caption"
        if self.is_credit_line(text):
            return "credit"
        # After the credit test, so that "Photo: Jane Doe/Reuters" is a credit and "Photo: Crowds in
        # the square" a caption.
        if self.matchers.caption_prefix is not None and self.matchers.caption_prefix.match(text):
            return "caption"
        return None

    def is_prompt(self, text: str) -> bool:
        words = len(text.split())
        if words > self.rules.other.max_words:
            return False
        if _normalised(text) in self.matchers.prompt_lines:
            return True
        if self.matchers.prompt_prefix is not None and self.matchers.prompt_prefix.match(text):
            return True
        if any(pattern.search(text) for pattern in self.matchers.prompt_patterns):
            return True
        lowered = text.lower()
        return words <= 25 and any(phrase in lowered for phrase in self.matchers.prompt_contains)

    def is_related_lead_in(self, text: str) -> bool:
        if len(text.split()) > self.rules.related.max_words + 4:
            return False
        return self.matchers.related_lead_in is not None and bool(self.matchers.related_lead_in.match(text))

    def is_byline(self, text: str, in_head: bool) -> bool:
        if len(text.split()) > self.rules.byline.max_words:
            return False
        # Wire sign-offs often come in brackets: "(Reporting by Jane Doe; Editing by John Roe)".
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        return any(pattern.search(text) for pattern, head_only in self.matchers.bylines if in_head or not head_only)

    def looks_like_credit(self, text: str) -> bool:
        """A credit's content: an agency, or a photographer joined to one, in a name-shaped phrase."""
        text = text.strip()
        if not text or len(text.split()) > self.rules.credit.max_words:
            return False
        has_agency = self.matchers.agency is not None and self.matchers.agency.search(text) is not None
        has_outlet = self.matchers.outlet is not None and self.matchers.outlet.search(text) is not None
        has_joiner = self.matchers.joiner is not None and self.matchers.joiner.search(text) is not None
        joiners = frozenset(word.lower() for word in self.rules.credit.joiners)
        # Lower-case content words mean a sentence that mentions an agency, not a credit.
        shaped = is_name_shaped(text, self.rules.credit.max_words, joiners) or is_mostly_upper(text)
        joined = is_slash_joined(text) or has_joiner
        if has_agency:
            return shaped
        # A newspaper's name alone may be a title-case headline ("Foreign Policy Explained"); it credits
        # a picture only when joined to a photographer ("Jane Doe/The Daily Bugle").
        if has_outlet:
            return shaped and joined
        # Without a known name, capitals plus a slash or "via" still mark a credit ("JANE DOE/THE BUGLE").
        return is_mostly_upper(text) and joined

    def credit_after_prefix(self, text: str) -> str | None:
        """What follows a credit label ("Photograph: ..."), or None when the line has no such label."""
        if self.matchers.credit_prefix is None:
            return None
        match = self.matchers.credit_prefix.match(text)
        return text[match.end() :] if match else None

    def is_credit_line(self, text: str) -> bool:
        # A line ending with a colon introduces what follows ("From Bloomberg:"); it credits nothing.
        if len(text.split()) > self.rules.credit.max_words + 3 or text.endswith(":"):
            return False
        if text[:1] in "([" and text[-1:] in ")]":
            # A bracketed line of its own is a credit when it names someone: "(Texas Forest Service)".
            inner = text[1:-1].strip()
            labelled = self.credit_after_prefix(inner)
            if labelled is not None:
                return self._is_credit_content(labelled)
            return self.looks_like_credit(inner) or (is_name_shaped(inner, 6) and not ends_like_sentence(inner))
        labelled = self.credit_after_prefix(text)
        if labelled is not None:
            return self._is_credit_content(labelled)
        return not ends_like_sentence(text) and self.looks_like_credit(text)

    def _is_credit_content(self, text: str) -> bool:
        """After a label, a short name ("Jane Doe") is enough; a described scene is a caption instead."""
        text = text.strip().rstrip(".")
        if self.looks_like_credit(text):
            return True
        if is_slash_joined(text):
            return is_name_shaped(text, self.rules.credit.max_words)
        return is_name_shaped(text, _LABELLED_NAME_WORDS)

    def ends_with_credit(self, text: str) -> bool:
        """A caption-length line closed by its credit: "... in Tokyo. (AP Photo/Jane Doe)"."""
        if is_bullet(text) or len(text.split()) > self.rules.caption.max_words + self.rules.credit.max_words:
            return False
        trailing = re.search(r"([(\[])([^()\[\]]*)[)\]]\.?\s*$", text)
        if trailing and trailing.start() > 0:
            inner = trailing.group(2)
            labelled = self.credit_after_prefix(inner)
            if labelled is not None and self._is_credit_content(labelled):
                return True
            if is_slash_joined(inner) and self.looks_like_credit(inner):
                return True
            # Square brackets also hold sources of digest items ("[Reuters]"); round ones hold credits.
            if trailing.group(1) == "(" and self.looks_like_credit(inner):
                return True
        inside = self.matchers.credit_prefix_inside.search(text) if self.matchers.credit_prefix_inside else None
        return bool(inside and inside.start() > 0 and self._is_credit_content(inside.group("rest")))


# -- the stage -----------------------------------------------------------------------------------


class BoilerplateStage:
    """Fills ``document.boilerplate``; body lines are never removed, only debris is labelled."""

    name = "boilerplate"

    def __init__(self, context: StageContext) -> None:
        self.context = context
        self.rules = BoilerplateRules.from_yaml(context.kb.rules(_RULE_FILE))
        self.cues = LineCues(self.rules, Matchers.compile(self.rules, _outlet_names(context.kb)))

    def __call__(self, document: Document) -> Document:
        lines = split_lines(document.text)
        kinds = self._classify(lines, document)
        document.boilerplate = [
            BoilerplateLine(line=line.number, kind=kinds[line.number], text=line.text, span=(line.start, line.end))
            for line in lines
            if line.number in kinds
        ]
        document.scratch.pop("_boilerplate_by_line", None)
        return document

    def _classify(self, lines: Sequence[Line], document: Document) -> dict[int, BoilerplateKind]:
        first_prose = next(
            (i for i, line in enumerate(lines) if _is_prose(line) and not self.cues.is_prompt(line.text)), len(lines)
        )
        kinds: dict[int, BoilerplateKind] = {}
        head_end = min(first_prose, self.rules.byline.head_lines)
        for index, line in enumerate(lines):
            # The first line is the title's place, so it gets no head-only byline cues.
            kind = self.cues.kind(line.text, in_head=0 < index < head_end)
            if kind is not None:
                kinds[line.number] = kind

        self._mark_prompt_blocks(lines, kinds)
        # Lines of hard-wrapped prose are parts of paragraphs: never a title, caption or headline.
        protected = hard_wrapped_lines(lines)
        title = self._title_line(lines, kinds, first_prose)
        if title is not None and title.number in protected:
            title = None
        if title is not None:
            protected.add(title.number)
            if document.article.title is None:
                # A copy, so the caller's Article is not changed behind its back.
                document.article = document.article.model_copy(update={"title": title.text})

        self._mark_caption_runs(lines, kinds, protected)
        self._mark_related_headlines(lines, kinds, protected)
        return kinds

    def _title_line(self, lines: Sequence[Line], kinds: Mapping[int, str], first_prose: int) -> Line | None:
        """The first line not flagged by its own cues, if it comes before the prose and reads as a title."""
        for index, line in enumerate(lines):
            if line.number in kinds:
                continue
            if index < first_prose and is_title_shaped(line.text, self.rules.related.max_words + 10):
                return line
            return None
        return None

    def _mark_prompt_blocks(self, lines: Sequence[Line], kinds: dict[int, BoilerplateKind]) -> None:
        """Everything between a promotion's opening and closing line is part of the promotion."""
        rules = self.rules.other
        for block in rules.blocks:
            start, end = _normalised(block.start), _normalised(block.end)
            for i, line in enumerate(lines):
                if _normalised(line.text) != start:
                    continue
                window = lines[i + 1 : i + 1 + rules.max_block_lines]
                closing = next((j for j, inner in enumerate(window) if _normalised(inner.text) == end), None)
                if closing is None:
                    continue
                for inner in window[:closing]:
                    kinds[inner.number] = "other"

    # -- captions ---------------------------------------------------------------------------------

    def _mark_caption_runs(self, lines: Sequence[Line], kinds: dict[int, BoilerplateKind], protected: set[int]) -> None:
        credits = [i for i, line in enumerate(lines) if kinds.get(line.number) == "credit"]
        if not credits:
            return
        rules = self.rules.caption
        above: dict[int, list[int]] = {}
        candidates: set[int] = set()
        for index in credits:
            run = []
            for j in range(index - 1, max(index - 1 - rules.max_run, -1), -1):
                if lines[j].number in kinds or lines[j].number in protected:
                    break
                run.append(j)
            above[index] = run
            candidates.update(run)
            if index + 1 < len(lines):
                candidates.add(index + 1)
        parsed = self._parse([lines[i] for i in sorted(candidates) if ends_like_sentence(lines[i].text)])

        for index in credits:
            found = False
            for position, j in enumerate(above[index]):
                if not self._is_caption_fragment(lines[j], parsed, allow_present_tense=position == 0):
                    break
                kinds[lines[j].number] = "caption"
                found = True
            below = index + 1
            if (
                not found
                and below < len(lines)
                and lines[below].number not in kinds
                and lines[below].number not in protected
                and self._is_caption_fragment(lines[below], parsed, allow_present_tense=False)
            ):
                kinds[lines[below].number] = "caption"

    def _is_caption_fragment(self, line: Line, parsed: Mapping[int, Doc], allow_present_tense: bool) -> bool:
        """A caption is a fragment: no terminal punctuation, or no finite verb ("X shaking hands with Y").

        The line right above a credit may also be one present-tense sentence ("Smoke rises over Gaza."),
        the house style of agency captions.
        """
        text = line.text
        words = [word for word in line.words if any(char.isalpha() for char in word)]
        if not self.rules.caption.min_words <= len(words) <= self.rules.caption.max_words:
            return False
        if opens_with_quote(text) or text.endswith(":"):
            return False
        # Captions describe a scene in sentence case; a capitalised line is a name, a title or a list item.
        if is_name_shaped(text, self.rules.caption.max_words):
            return False
        if not ends_like_sentence(text):
            return True
        doc = parsed.get(line.number)
        if doc is None:
            return False
        if not has_finite_verb(doc):
            return True
        return allow_present_tense and is_present_tense_sentence(doc, self.rules.caption.present_tense_max_words)

    def _parse(self, lines: Sequence[Line]) -> dict[int, Doc]:
        """Tag the few candidate lines only; the full parse of the article comes in the language stage."""
        if not lines:
            return {}
        nlp: Language = self.context.nlp
        disabled = [name for name in ("ner", "lemmatizer") if name in nlp.pipe_names]
        docs = nlp.pipe((line.text for line in lines), disable=disabled)
        return {line.number: doc for line, doc in zip(lines, docs)}

    # -- related headlines ---------------------------------------------------------------------------

    def _mark_related_headlines(
        self, lines: Sequence[Line], kinds: dict[int, BoilerplateKind], protected: set[int]
    ) -> None:
        rules = self.rules.related

        def headline_shaped(i: int) -> bool:
            line = lines[i]
            return (
                line.number not in kinds
                and line.number not in protected
                and is_headline_shaped(line.text, rules.min_words, rules.max_words)
            )

        # Links listed under a lead-in ("READ MORE", then headlines) belong to it.
        for i, line in enumerate(lines):
            if kinds.get(line.number) == "related":
                j = i + 1
                while j < len(lines) and j - i <= rules.max_run and headline_shaped(j):
                    kinds[lines[j].number] = "related"
                    j += 1

        prose = [i for i, line in enumerate(lines) if line.number not in kinds and _is_prose(line)]
        if len(prose) < 2:
            return
        lone = [
            i
            for i in range(prose[0] + 1, prose[-1])
            if headline_shaped(i)
            and not headline_shaped(i - 1)
            and not headline_shaped(i + 1)
            and not _introduces(lines[i - 1].text)
        ]
        # Many lone headlines are the article's own subheadings (a live blog, a numbered list of
        # sections), not links to other stories; a few in a long text are links.
        if len(lone) > max(rules.max_lone, len(prose) // rules.prose_per_lone):
            return
        for i in lone:
            kinds[lines[i].number] = "related"


def _introduces(text: str) -> bool:
    """The line before presents what follows: "The newspaper reported:", or a section number "2"."""
    return text.endswith(":") or re.fullmatch(r"[\dIVXivx]{1,4}[.)]?", text) is not None


def _is_prose(line: Line) -> bool:
    """A body paragraph: a sentence of some length that ends like one."""
    return len(line.words) >= _MIN_PROSE_WORDS and ends_like_sentence(line.text) and not is_bullet(line.text)


def has_finite_verb(doc: Doc) -> bool:
    return any(token.tag_ in _FINITE_TAGS or token.morph.get("VerbForm") == ["Fin"] for token in doc)


def is_present_tense_sentence(doc: Doc, max_words: int) -> bool:
    """One short sentence whose main verb is in the simple present, with no past or modal verb in it."""
    words = [token for token in doc if not token.is_punct]
    if len(words) > max_words or len(list(doc.sents)) != 1:
        return False
    if any(token.tag_ in _PAST_OR_MODAL_TAGS for token in doc):
        return False
    if any(token.text in _QUOTE_MARKS for token in doc):
        return False
    return any(token.dep_ == "ROOT" and token.tag_ in _PRESENT_TAGS for token in doc)


def _outlet_names(kb: KnowledgeBase) -> list[str]:
    """Outlets also sign photo credits ("Jane Doe/The New York Times")."""
    # Only full names: short aliases ("Post", "Sun") are everyday words in headlines.
    return [outlet.name for outlet in kb.outlets.values() if len(outlet.name) >= 5]


def make_stage(context: StageContext) -> BoilerplateStage:
    return BoilerplateStage(context)
