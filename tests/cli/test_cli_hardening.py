"""The command line under bad conditions: a closed input, Ctrl+C and Ctrl+D at a question, a bad
host or port, control characters in what was typed, a cache it cannot use. Each is one clear
line and the right exit status, never a traceback."""

from __future__ import annotations

import os
import pty
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from knotwork.adapters.cli.main import main

KNOTWORK = str(Path(sys.executable).with_name("knotwork"))
ESC = "\x1b"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("knotwork: error: ")
    assert "Traceback" not in err and ESC not in err
    return lines[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "0"], "--port 0 is out of range; use 1 to 65535."),
        (["--port", "70000"], "--port 70000 is out of range; use 1 to 65535."),
        (["--host", "999.999.1.1"], "Cannot listen on --host 999.999.1.1: "),
        (["--host", ""], "--host is empty"),
        (["--host", "0.0.0.0"], "--host 0.0.0.0 listens on every address: set KNOTWORK_ALLOWED"),
    ],
)
def test_serve_refuses_a_bad_host_or_port_before_claiming_to_run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.delenv("KNOTWORK_ALLOWED_HOSTS", raising=False)
    code, out, err = run(capsys, "serve", *args)
    assert code == 2
    assert out == ""  # never "Knotwork is running at ..."
    assert one_error_line(err).startswith(f"knotwork: error: {message}")


def test_serve_says_when_the_port_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "serve", "--port", str(port))
    assert code == 2 and out == ""
    assert one_error_line(err) == (
        f"knotwork: error: Cannot listen on 127.0.0.1 port {port}: Address already in use."
    )


def test_serve_runs_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "KNOTWORK_CACHE_DIR": str(tmp_path / "cache")}
    with subprocess.Popen(
        [KNOTWORK, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=_default_sigint,
    ) as server:
        assert server.stdout is not None and server.stderr is not None
        ready = select.select([server.stdout], [], [], 60)[0]
        if not ready:
            server.kill()
            pytest.fail("the server said nothing within 60 s")
        line = server.stdout.readline()
        assert line == f"Knotwork is running at http://127.0.0.1:{port} (press Ctrl+C to stop)\n"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.read() == b'{"ok":true}'
                    assert "server" not in r.headers  # nothing says what it runs on
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=20) == 0  # asked to stop, it stopped: success
        assert server.stdout.read() == "Knotwork stopped.\n"
        assert "Traceback" not in server.stderr.read()


def _default_sigint() -> None:
    """A child that Ctrl+C can reach: a test runner may have started us with SIGINT ignored
    or blocked, and both pass on to children."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def in_terminal(args: list[str], keys: list[bytes]) -> tuple[int, str]:
    """Run knotwork in a pseudo-terminal; type ``keys`` at the first question."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        _default_sigint()
        os.execv(KNOTWORK, [KNOTWORK, *args])
    out = b""
    typed = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child has gone
                break
            if not chunk:
                break
            out += chunk
        if not typed and b"0 for none)" in out:
            # As a person would, a moment after the question shows: a signal that lands in the
            # instant before Python starts reading the line waits for that line to end.
            time.sleep(0.5)
            for key in keys:
                os.write(fd, key)
                time.sleep(0.3)
            typed = True
    else:
        os.kill(pid, signal.SIGKILL)  # never left behind, whatever went wrong
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


QUESTIONS = ["find", "--text", "my right heel hurts"]


def test_ctrl_d_at_a_question_is_one_line_and_exit_2() -> None:
    code, out = in_terminal(QUESTIONS, [b"\x04"])
    assert code == 2
    assert out.rstrip().endswith(
        "knotwork: error: No answer to a safety question (the input ended), so no results: "
        "answer them all, or pass each as --answer ID=yes|no (`knotwork screen` lists them)."
    )
    assert "Traceback" not in out and "EOFError" not in out


def test_ctrl_c_at_a_question_is_one_line_and_exit_130() -> None:
    code, out = in_terminal(QUESTIONS, [b"\x03"])
    assert code == 130
    assert out.rstrip().endswith("knotwork: interrupted")
    assert "Traceback" not in out and "KeyboardInterrupt" not in out


def test_a_reply_with_control_characters_is_shown_escaped() -> None:
    code, out = in_terminal(QUESTIONS, [ESC.encode() + b"[2Jmaybe\r", b"\x04"])
    assert "or 0 for none, not '\\x1b[2Jmaybe'." in out
    assert ESC not in out  # the terminal echoes what was typed as "^[", and so do we, escaped
    assert code == 2


def test_a_closed_input_never_asks(tmp_path: Path) -> None:
    shell = f"'{KNOTWORK}' find --text 'my right heel hurts' 0<&-"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "answer the" in result.stdout and "safety question" in result.stdout
    assert result.stderr == ""


def test_a_closed_output_is_one_line() -> None:
    result = subprocess.run(
        ["bash", "-c", f"'{KNOTWORK}' atlas >&-"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == (
        "knotwork: error: the standard output is closed, so nothing could be shown.\n"
    )


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["find", "--region", f"templ{ESC}[31m-right"], "'templ\\x1b[31m-right'"),
        (["find", "--text", "heel", "--answer", "fever=ma\u202eybe"], "fever=ma\\u202eybe"),
        (["muscle", f"sole{ESC}]0;pwned\x07us"], "'sole\\x1b]0;pwned\\x07us'"),
    ],
)
def test_control_characters_in_an_error_are_shown_escaped(
    capsys: pytest.CaptureFixture[str], args: list[str], shown: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert shown in one_error_line(err)


def test_control_characters_in_a_usage_error_are_shown_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["find", "--limit", f"{ESC}[2J"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --limit: invalid int value: '\\x1b[2J'" in err
    assert ESC not in err


def test_an_unusable_cache_directory_is_one_warning_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from knotwork.core import cache

    cache._reported.clear()
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("KNOTWORK_CACHE_DIR", str(blocker / "knotwork"))
    code, out, err = run(capsys, "find", "--text", "heel", "--no-input")
    assert code == 0 and "Understood:" in out
    assert err == (
        f"knotwork: warning: cannot use the cache directory {blocker / 'knotwork'}: "
        "Not a directory; working without it (set KNOTWORK_CACHE_DIR, or "
        "KNOTWORK_NO_CACHE=true)\n"
    )
