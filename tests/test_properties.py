"""Property: any Unicode text gives a Report or a ThucydidesError, never a crash, and offsets stay in the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thucydides

NEWS_WORDS = (
    "the", "minister", "said", "on", "Monday", "that", "China", "and", "Japan", "would", "not", "talks",
    "President", "urged", "denied", "reported", "according", "to", "Reuters", "in", "Beijing", "last", "week",
    "a", "spokesman", "for", "government", "\u201c", "\u201d", '"', ",", ".", "\n", "\n\n", "PHOTO:", "/", "AFP",
)
"""Words of news prose, so that many examples pass the English check and reach the later stages."""

arbitrary_text = st.text(max_size=300)
newsy_text = st.lists(
    st.one_of(st.sampled_from(NEWS_WORDS), st.text(min_size=1, max_size=6)), min_size=1, max_size=120
).map(" ".join)


def spans_of(report: thucydides.Report) -> list[tuple[int, int]]:
    spans = [line.span for line in report.boilerplate]
    spans += [m for actor in report.actors for m in actor.mentions]
    spans += [d.span for d in report.dates] + [e.span for e in report.events] + [c.span for c in report.claims]
    spans += [q.span for q in report.quotes]
    spans += [q.speaker_span for q in report.quotes if q.speaker_span]
    spans += [q.cue_span for q in report.quotes if q.cue_span]
    return spans


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(arbitrary_text, newsy_text))
def test_any_text_gives_a_report_or_a_thucydides_error(text: str) -> None:
    try:
        report = thucydides.extract(text, published="2025-11-28")
    except thucydides.ThucydidesError as error:
        assert error.reason
        return
    assert isinstance(report, thucydides.Report)
    assert report.article.text == text
    for start, end in spans_of(report):
        assert 0 <= start <= end <= len(text)
