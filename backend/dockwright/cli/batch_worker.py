"""A forked process that lints one chunk of a batch and talks to the calling process over two pipes.

The conversation, each message a length-prefixed pickle:

1. worker → caller: the ShellCheck requests of the chunk (sent as soon as the chunk is parsed), so that the
   caller can hand every distinct script of the whole batch to ShellCheck once;
2. caller → worker: ShellCheck's results for those scripts (only when ShellCheck runs);
3. worker → caller: each file's kind, findings and error.

A worker that fails at any point is made up for: the caller lints its chunk itself.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
from collections.abc import Callable
from typing import IO, Any

_LENGTH = struct.Struct("<Q")


class Worker:
    """Forks at construction; ``work(send, receive)`` runs in the child, which then exits."""

    def __init__(self, work: Callable[[Callable[[Any], None], Callable[[], Any]], None]) -> None:
        up_read, up_write = os.pipe()
        down_read, down_write = os.pipe()
        sys.stdout.flush()  # or the child would print what the caller had buffered a second time
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: work, then leave without running the caller's exit handlers
            os.close(up_read)
            os.close(down_write)
            status = 1
            try:
                with os.fdopen(up_write, "wb") as up, os.fdopen(down_read, "rb") as down:
                    work(lambda message: _send(up, message), lambda: _receive(down))
                status = 0
            finally:
                os._exit(status)
        os.close(up_write)
        os.close(down_read)
        self._up = os.fdopen(up_read, "rb")
        self._down: IO[bytes] | None = os.fdopen(down_write, "wb")
        self.failed = False

    def receive(self) -> Any:
        """The worker's next message, or None once it has failed."""
        if self.failed:
            return None
        try:
            return _receive(self._up)
        except Exception:  # EOF, a broken pipe, a damaged pickle: whatever it was, the caller makes up for it
            self.failed = True
            return None

    def send(self, message: Any) -> None:
        if self.failed or self._down is None:
            return
        try:
            _send(self._down, message)
        except OSError:  # BrokenPipeError: the worker is gone
            self.failed = True

    def finish(self) -> bool:
        """Close the pipes and reap the process; True when it exited cleanly and never failed."""
        if self._down is not None:
            with contextlib.suppress(OSError):  # the worker may be gone already
                self._down.close()
            self._down = None
        self._up.close()
        _, status = os.waitpid(self.pid, 0)
        return not self.failed and status == 0


def _send(pipe: IO[bytes], message: Any) -> None:
    import pickle  # here: a batch without workers never needs it

    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_LENGTH.pack(len(payload)))
    pipe.write(payload)
    pipe.flush()


def _receive(pipe: IO[bytes]) -> Any:
    import pickle

    header = pipe.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("the worker closed its pipe")
    (size,) = _LENGTH.unpack(header)
    payload = pipe.read(size)
    if len(payload) < size:
        raise EOFError("the worker closed its pipe mid-message")
    return pickle.loads(payload)
