"""One build at a time per output directory.

`output_lock(out_dir)` holds an exclusive OS lock (flock) on `out_dir/.eventgraph.lock`
for the whole build; a second build into the same directory fails at once with a
LockError naming the lock file and the build that holds it. The OS drops the lock
when its process dies, so a killed build never leaves a stale lock; the file is
removed when the build ends.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import LockError, OutputError

LOCK_NAME = ".eventgraph.lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextmanager
def output_lock(out_dir: Path) -> Iterator[Path]:
    """Hold the output directory's lock while the block runs (creating the directory if needed)."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output directory {out_dir}: {exc.strerror or exc}") from exc
    path = out_dir / LOCK_NAME
    fd = _acquire(path)
    try:
        yield path
    finally:
        # unlink while still holding the lock, so a waiting process never locks a removed file
        try:
            path.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - Windows cannot remove an open file; it is reused
            pass
        finally:
            os.close(fd)


def _acquire(path: Path) -> int:
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot create the lock file {path}: {exc.strerror or exc}") from exc
        try:
            _lock(fd)
        except BlockingIOError:
            holder = _read(fd)
            os.close(fd)
            raise LockError(
                f"another eventgraph build{holder} is writing into {path.parent} (lock file {path}); "
                "wait for it to finish or choose another --out-dir"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        # the holder we waited behind may have removed the file: then lock the new one
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            _write_holder(fd)
            return fd
        os.close(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    import msvcrt  # pragma: no cover - Windows

    try:  # pragma: no cover
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:  # pragma: no cover
        raise BlockingIOError(str(exc)) from exc


def _write_holder(fd: int) -> None:
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    os.ftruncate(fd, 0)
    os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode())


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return f" ({text})" if text else ""
