"""Nothing half-written: a failed or interrupted build leaves the previous output as it was,
and two builds into one directory cannot both write (a lock with a clear message)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventgraph.export as export
from eventgraph.cli import app
from eventgraph.errors import LockError, OutputError
from eventgraph.export import atomic_write, write_files
from eventgraph.lock import LOCK_NAME, output_lock

runner = CliRunner()
ARTICLE = "A reception was held at the Georgian embassy in Norway. Ambassador Nino Beridze said culture unites peoples."


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _previous(out: Path) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        (out / name).write_bytes(f"previous {name}\n".encode())
    return _snapshot(out)


class _FullDisk:
    """Lets `budget` bytes through, then fails every write as a full disk does."""

    def __init__(self, budget: int) -> None:
        self.budget = budget

    def open(self, real_fdopen):
        def fdopen(fd, *args, **kwargs):
            handle = real_fdopen(fd, *args, **kwargs)
            real_write = handle.write

            def write(data):
                if len(data) > self.budget:
                    real_write(data[: self.budget])
                    self.budget = 0
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                self.budget -= len(data)
                return real_write(data)

            handle.write = write
            return handle

        return fdopen


@pytest.fixture
def full_disk(monkeypatch):
    """Disk full after the first 100 bytes written through eventgraph.export."""
    disk = _FullDisk(100)
    monkeypatch.setattr(export.os, "fdopen", disk.open(os.fdopen))
    return disk


# --- the file set ----------------------------------------------------------------------------


def test_disk_full_mid_way_changes_no_file(tmp_path, full_disk):
    before = _previous(tmp_path)
    files = {tmp_path / "graph.ttl": b"a" * 50, tmp_path / "graph.nt": b"b" * 500, tmp_path / "graph.html": "c"}
    with pytest.raises(OutputError) as caught:
        write_files(files)
    assert str(caught.value) == (
        f"cannot write {tmp_path / 'graph.nt'}: No space left on device; no previous file was changed; "
        "free some disk space and try again"
    )
    assert _snapshot(tmp_path) == before  # no temporary file left either


@pytest.mark.parametrize("interruption", [KeyboardInterrupt(), RuntimeError("serializer bug")], ids=["ctrl-c", "exception"])
def test_an_interruption_while_writing_changes_no_file(tmp_path, monkeypatch, interruption):
    before = _previous(tmp_path)
    real_fsync, calls = os.fsync, []

    def interrupted_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise interruption
        real_fsync(fd)

    monkeypatch.setattr(export.os, "fsync", interrupted_fsync)
    with pytest.raises(type(interruption)):
        write_files({tmp_path / "graph.ttl": "new", tmp_path / "graph.nt": "new", tmp_path / "graph.html": "new"})
    assert _snapshot(tmp_path) == before


def test_a_file_written_in_pieces_is_written_whole_or_not_at_all(tmp_path):
    before = _previous(tmp_path)

    def pieces_then_failure():
        yield b"@prefix eg: <https://w3id.org/eventgraph/ns#> .\n"
        raise RuntimeError("serializer bug")

    with pytest.raises(RuntimeError, match="serializer bug"):
        write_files({tmp_path / "graph.html": "new", tmp_path / "graph.ttl": pieces_then_failure()})
    assert _snapshot(tmp_path) == before
    write_files({tmp_path / "graph.ttl": iter([b"one ", b"two"])})
    assert (tmp_path / "graph.ttl").read_bytes() == b"one two"


def test_ctrl_c_during_the_renames_is_held_back_until_all_are_done(tmp_path, monkeypatch):
    _previous(tmp_path)
    real_replace, renamed = os.replace, []

    def replace_then_ctrl_c(source, target):
        real_replace(source, target)
        renamed.append(Path(target).name)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(export.os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_files({tmp_path / name: "new" for name in ("graph.ttl", "graph.nt", "graph.html")})
    assert renamed == ["graph.ttl", "graph.nt", "graph.html"]
    assert set(_snapshot(tmp_path).values()) == {b"new"}


def test_a_file_that_cannot_be_written_is_one_clear_error(tmp_path):
    (tmp_path / "graph.ttl").mkdir()  # a directory where the file should go
    with pytest.raises(OutputError, match="cannot write .*graph.ttl: Is a directory; no previous file was changed"):
        atomic_write(tmp_path / "graph.ttl", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_file_mode_is_kept(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert path.stat().st_mode & 0o777 == 0o640 and path.read_text() == "new"


# --- the whole build ---------------------------------------------------------------------------


@pytest.fixture
def shared_pipeline(nlp, monkeypatch):
    """Builds reuse the session's spaCy pipeline instead of loading the model again."""
    monkeypatch.setattr("eventgraph.nlp.load_pipeline", lambda config=None: nlp)


@pytest.fixture
def news(tmp_path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.slow
def test_disk_full_during_a_build_leaves_the_previous_output(tmp_path, news, shared_pipeline, full_disk):
    out = tmp_path / "out"
    before = _previous(out)
    result = runner.invoke(app, ["build", str(news), "-o", str(out), "--format", "ttl,nt,jsonld"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("eventgraph: error: cannot write ") and result.output.count("\n") == 1
    assert "No space left on device; no previous file was changed" in result.output
    assert _snapshot(out) == before


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["serializing", "paging", "writing"])
def test_ctrl_c_during_a_build_leaves_the_previous_output(tmp_path, news, shared_pipeline, monkeypatch, moment):
    out = tmp_path / "out"
    before = _previous(out)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    if moment == "serializing":
        monkeypatch.setattr("eventgraph.view.html_pieces", interrupted)  # after the RDF is serialized
    elif moment == "paging":  # the page is made as it is written: the Turtle is staged by then
        monkeypatch.setattr("eventgraph.view.html.page_data", interrupted)
    else:
        monkeypatch.setattr(export.os, "fsync", interrupted)  # the first temporary file is written
    result = runner.invoke(app, ["build", str(news), "-o", str(out)])
    assert result.exit_code == 130
    assert result.output == f"eventgraph: interrupted; the previous output in {out} is unchanged\n"
    assert _snapshot(out) == before


@pytest.mark.slow
def test_a_bug_is_one_line_and_debug_shows_the_traceback(tmp_path, news, shared_pipeline, monkeypatch):
    out = tmp_path / "out"
    before = _previous(out)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("eventgraph.view.html_pieces", broken)
    result = runner.invoke(app, ["build", str(news), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == "eventgraph: internal error: ZeroDivisionError: division by zero; run with --debug and report it\n"
    assert _snapshot(out) == before
    result = runner.invoke(app, ["--debug", "build", str(news), "-o", str(out)])
    assert isinstance(result.exception, ZeroDivisionError)


# --- one build at a time -------------------------------------------------------------------------


def test_a_second_build_into_a_locked_directory_fails_at_once_naming_the_lock(tmp_path, news):
    out = tmp_path / "out"
    before = _previous(out)
    with output_lock(out) as lock:
        assert lock == out / LOCK_NAME
        assert lock.read_text().startswith(f"pid {os.getpid()} on ")
        with pytest.raises(LockError, match="another eventgraph build"):
            with output_lock(out):
                pass
        result = runner.invoke(app, ["build", str(news), "-o", str(out)])
        assert result.exit_code == 1
        line = result.output.strip()
        assert line.startswith(f"eventgraph: error: another eventgraph build (pid {os.getpid()} on ")
        assert line.endswith(f"is writing into {out} (lock file {lock}); wait for it to finish or choose another --out-dir")
    assert not lock.exists()  # removed when the build ends
    assert _snapshot(out) == before


def test_a_lock_left_by_a_killed_build_does_not_block(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from eventgraph.lock import output_lock\n"
         "with output_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(LockError, match=f"pid {holder.pid} on "):
            with output_lock(out):
                pass
    finally:
        holder.kill()  # kill -9: no clean-up runs
        holder.wait()
    assert (out / LOCK_NAME).exists()  # the file stays, but the OS dropped the lock
    with output_lock(out):
        pass


def _held(lock: Path) -> bool:
    try:
        return bool(lock.read_text())
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_two_real_builds_at_once(tmp_path, news):
    """A build in another process holds the lock; a second one fails at once; the first
    finishes and its output is whole."""
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    first = subprocess.Popen(
        [sys.executable, "-m", "eventgraph.cli", "build", str(news), "-o", str(out), "--format", "ttl,nt", "--quiet"],
        env=env, stderr=subprocess.PIPE, text=True,
    )
    try:
        lock = out / LOCK_NAME
        # the holder's line is written once the lock is held
        while not _held(lock) and first.poll() is None:
            time.sleep(0.02)
        # the first holds the lock from reading its input until its files are in place,
        # which includes loading the spaCy model: seconds
        assert first.poll() is None, "the first build ended before the lock was seen"
        second = runner.invoke(app, ["build", str(news), "-o", str(out)])
        assert second.exit_code == 1 and "another eventgraph build" in second.output, second.output
    finally:
        assert first.wait(timeout=300) == 0, first.stderr.read()
    from rdflib import Graph

    assert len(Graph().parse(out / "graph.nt", format="nt")) > 0
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.nt", "graph.ttl"]


def test_view_and_evaluate_outputs_that_cannot_be_written_are_one_line(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text('<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .\n', encoding="utf-8")
    (tmp_path / "taken").mkdir()
    result = runner.invoke(app, ["view", str(graph), "-o", str(tmp_path / "taken")])
    assert result.exit_code == 1
    assert result.output == f"eventgraph: error: cannot write {tmp_path / 'taken'}: Is a directory; no previous file was changed\n"
    gold = tmp_path / "gold.json"
    gold.write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold), "--json", str(tmp_path / "taken")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines()[-1].startswith("eventgraph: error: cannot write ")


@pytest.mark.slow
def test_a_build_removes_what_a_killed_build_left(tmp_path, news, shared_pipeline):
    out = tmp_path / "out"
    _previous(out)
    (out / ".graph.ttl.k1ll3d.tmp").write_text("half a graph")  # kill -9 between write and rename
    (out / ".notes.txt.x.tmp").write_text("not ours")
    result = runner.invoke(app, ["build", str(news), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".notes.txt.x.tmp", "graph.html", "graph.nt", "graph.ttl"]


def test_an_output_directory_that_is_a_file_is_one_clear_error(tmp_path, news):
    taken = tmp_path / "out"
    taken.write_text("a file, not a directory")
    result = runner.invoke(app, ["build", str(news), "-o", str(taken)])
    assert result.exit_code == 1
    assert result.output == f"eventgraph: error: cannot create output directory {taken}: File exists\n"
    assert taken.read_text() == "a file, not a directory"
