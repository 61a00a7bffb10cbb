"""The README's query examples give the answers it shows (on the committed sample graph)."""

import re
import shlex

import pytest
from typer.testing import CliRunner

from eventgraph.cli import app

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ (eventgraph query output/graph\.ttl .*?)\n(.*?)```", README, re.S)


def _normalized(text: str) -> list[list[str]]:
    """Rows of cells; 'a; b' lists compare as sets (GROUP_CONCAT has no order)."""
    rows = []
    for line in text.strip().splitlines():
        cells = re.split(r"\s{2,}|,(?=\S)", line.strip())
        rows.append(["; ".join(sorted(cell.split("; "))) for cell in cells])
    return rows


def test_readme_has_query_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("command, shown", EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_readme_query_example(command, shown, monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert _normalized(result.output) == _normalized(shown)
