"""Every command explains itself, with an example; usage errors exit with status 2."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("command", [[], ["extract"], ["demo"]], ids=["thucydides", "extract", "demo"])
def test_every_command_help_shows_an_example(cli, command: list[str]) -> None:
    result = cli(*command, "--help")

    assert result.returncode == 0, result.stderr
    assert "Example: thucydides" in result.stdout


def test_version_prints_the_package_version(cli) -> None:
    result = cli("--version")

    assert result.returncode == 0
    assert result.stdout.startswith("thucydides ")


def test_a_missing_path_is_a_usage_error_naming_it(cli, tmp_path) -> None:
    result = cli("extract", tmp_path / "no-such-article.txt")

    assert result.returncode == 2
    assert "no-such-article.txt" in result.stderr
    assert result.stdout == ""


def test_a_bad_publication_date_is_a_usage_error(cli) -> None:
    result = cli("extract", "-", "--published", "28/11/2025")

    assert result.returncode == 2
    assert "--published" in result.stderr


def test_an_unknown_format_is_a_usage_error(cli) -> None:
    result = cli("extract", "-", "--format", "xml")

    assert result.returncode == 2
    assert "xml" in result.stderr


def test_an_unknown_option_is_a_usage_error(cli) -> None:
    result = cli("extract", "-", "--colour")

    assert result.returncode == 2


def test_a_knowledge_base_directory_with_broken_yaml_is_a_usage_error_naming_the_file(cli, tmp_path) -> None:
    (tmp_path / "people.yaml").write_text("people: [unclosed\n", encoding="utf-8")

    result = cli("extract", "-", "--kb", tmp_path, stdin=b"Peru and Chile held talks on Monday.")

    assert result.returncode == 2
    assert "people.yaml" in result.stderr
    assert "not valid YAML" in result.stderr
