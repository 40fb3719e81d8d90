"""``thucydides demo`` runs the pipeline on the bundled sample and shows the summary."""

from __future__ import annotations

import json


def test_demo_shows_the_summary_of_the_bundled_sample(cli) -> None:
    result = cli("demo")

    assert result.returncode == 0, result.stderr
    assert "Australia asks Indonesia to free detained trawler crew" in result.stdout
    for title in ("Actors", "Events", "Quotes", "Claims"):
        assert title in result.stdout


def test_demo_as_json_finds_the_quotes_and_the_denied_claim(cli) -> None:
    result = cli("demo", "--format", "json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["article"]["published"] == "2026-03-12"
    assert len(report["quotes"]) >= 4
    assert any(claim["denied_by"] for claim in report["claims"])
