"""``thucydides extract`` end to end: the installed console script on real files, stdin and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
ARTICLES = DATA / "articles"
MEETING = ARTICLES / "ministers-meet.txt"
PORT_TALKS = ARTICLES / "nested" / "port-talks.md"
REPORT_FIELDS = {"article", "boilerplate", "actors", "events", "quotes", "claims"}


def test_json_on_one_file_prints_one_report_with_its_metadata(cli) -> None:
    result = cli("extract", MEETING, "--format", "json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    assert REPORT_FIELDS <= set(report)
    assert report["article"]["id"] == "ministers-meet"
    assert report["article"]["published"] == "2026-02-10"
    assert report["article"]["source"] == str(MEETING)


def test_json_is_the_default_when_stdout_is_not_a_terminal(cli) -> None:
    result = cli("extract", PORT_TALKS, "--published", "2026-03-05")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["article"]["title"] == "Port talks resume"
    assert report["article"]["published"] == "2026-03-05"


def test_json_on_several_articles_prints_a_list_in_input_order(cli) -> None:
    result = cli("extract", PORT_TALKS, MEETING, "--format", "json")

    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [r["article"]["source"] for r in reports] == [str(PORT_TALKS), str(MEETING)]


def test_jsonl_on_a_directory_prints_one_report_per_line_in_sorted_order(cli) -> None:
    result = cli("extract", ARTICLES, "--format", "jsonl")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["article"]["source"] for line in lines] == [str(MEETING), str(PORT_TALKS)]


def test_table_prints_the_summary_tables(cli) -> None:
    result = cli("extract", MEETING, "--format", "table")

    assert result.returncode == 0, result.stderr
    assert "Kenya and Tanzania discuss trucking fees" in result.stdout
    for title in ("Boilerplate", "Actors", "Events", "Quotes", "Claims"):
        assert title in result.stdout


def test_dash_reads_one_article_from_stdin(cli) -> None:
    text = "Mexico and Canada signed an agreement on water sharing in Ottawa on Friday.\n"

    result = cli("extract", "-", "--published", "2026-06-12", "--format", "json", stdin=text.encode())

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["article"]["text"] == text
    assert report["article"]["source"] == "-"
    assert report["article"]["published"] == "2026-06-12"


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    german = tmp_path / "german.txt"
    german.write_text(
        "Die Regierung in Berlin hat am Montag angekündigt, dass sie die Gespräche mit Paris und Warschau "
        "über die gemeinsame Verteidigung fortsetzen will, obwohl die Verhandlungen schwierig sind.\n",
        encoding="utf-8",
    )
    return {
        "empty": empty,
        "binary": DATA / "picture.txt",
        "latin1": DATA / "latin1.txt",
        "german": german,
        "huge": huge,
        "jsonl": DATA / "batch.jsonl",
        "good": MEETING,
    }


def test_bad_inputs_are_each_named_on_stderr_and_the_batch_goes_on(cli, bad_inputs: dict[str, Path]) -> None:
    result = cli("extract", *bad_inputs.values(), "--format", "jsonl")

    assert result.returncode == 3
    errors = result.stderr
    assert f"{bad_inputs['empty']}: is empty" in errors
    assert f"{bad_inputs['binary']}: looks like a binary file" in errors
    assert f"{bad_inputs['latin1']}: is not valid UTF-8" in errors
    assert f"{bad_inputs['german']}: the text does not look like English" in errors
    assert f"{bad_inputs['huge']}: is 52.4 MB, too large" in errors
    jsonl = bad_inputs["jsonl"]
    assert f"{jsonl}:2: is not valid JSON" in errors
    assert f'{jsonl}:4: has no "text" field' in errors

    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = ["error" if "error" in o else "report" for o in outcomes]
    # empty, binary, latin1, german, huge, then the six JSONL lines (1 and 5 good), then the good file.
    assert kinds == ["error"] * 5 + ["report", "error", "error", "report", "error", "error"] + ["report"]
    assert outcomes[3]["error"]["type"] == "LanguageError"
    assert set(outcomes[0]) == {"article", "error"}
    assert outcomes[-1]["article"]["id"] == "ministers-meet"


def test_exit_status_is_zero_when_everything_succeeds(cli) -> None:
    assert cli("extract", MEETING, "--format", "jsonl").returncode == 0


def test_knowledge_base_directories_can_come_from_the_environment(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n  - id: harbour-herald\n    name: The Harbour Herald\n    aliases: [Harbour Herald]\n"
        "    country: NZL\n    kind: newspaper\n    source: https://example.org\n    checked: 2026-11-25\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("THUCYDIDES_KB", str(tmp_path))
    text = b"The Harbour Herald reported on Tuesday that the two ministers had met in secret, officials said.\n"
    result = cli("extract", "-", "--published", "2026-03-05", "--format", "json", stdin=text)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    herald = [a for a in report["actors"] if a["name"] == "The Harbour Herald"]
    assert herald and (herald[0]["country"], herald[0]["sector"]) == ("NZL", "MED")
    assert "+user." in report["versions"]["knowledge_base"]
