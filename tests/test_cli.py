import subprocess
import sys
from pathlib import Path

import pytest

from raregraph.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "data" / "alps_gard.txt"


def test_extract_writes_turtle_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "alps.ttl"
    assert main(["extract", str(SEED), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "read 1 page(s)" in printed and "wrote RDF Turtle" in printed
    assert "Autoimmune lymphoproliferative syndrome" in out.read_text(encoding="utf-8")


def test_extract_twice_gives_identical_bytes(tmp_path):
    for name in ("a.ttl", "b.ttl"):
        assert main(["extract", str(SEED), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_extract_kgx_directory_then_stats_and_query(tmp_path, capsys):
    out = tmp_path / "graph"
    assert main(["extract", str(SEED), "-o", str(out), "--format", "kgx"]) == 0
    assert (out / "nodes.tsv").is_file() and (out / "edges.tsv").is_file()
    capsys.readouterr()
    assert main(["stats", str(out)]) == 0
    assert "Disease" in capsys.readouterr().out
    assert main(["query", str(out), "diseases"]) == 0
    assert "Autoimmune lymphoproliferative syndrome" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
        (
            "notes.txt",
            b"Meeting notes\n\nWe agreed to move the weekly call to Thursday "
            b"afternoon and to order new chairs for the office kitchen.\n",
            "does not read like a disease",
        ),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path, name, content, problem):
    page = tmp_path / name
    page.write_bytes(content)
    out = tmp_path / "out.ttl"
    out.write_text("previous result\n")
    result = subprocess.run(
        [sys.executable, "-m", "raregraph.cli", "extract", str(page), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(page) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr
    assert out.read_text() == "previous result\n"  # nothing written over


def test_debug_shows_the_traceback(tmp_path):
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "raregraph.cli",
            "--debug",
            "extract",
            str(page),
            "-o",
            str(tmp_path / "o.ttl"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_help_is_readable(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "GARD" in text and "extract" in text and "examples:" in text


def test_query_errors_are_clear(tmp_path, capsys):
    out = tmp_path / "alps.ttl"
    main(["extract", str(SEED), "-o", str(out)])
    assert main(["query", str(out), "genes"]) == 2
    assert main(["query", str(out), "genes", "--disease", "Canale-Smyth"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "missing.ttl")]) == 2
