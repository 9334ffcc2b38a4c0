"""A real headless Chromium for tests, driven over the DevTools protocol on a pipe.

``--remote-debugging-pipe`` makes Chromium read DevTools commands from file descriptor 3 and write
replies and events to descriptor 4, each message a JSON text ended by a NUL byte: no port, no
WebSocket library, nothing that reaches the network. The flags are those that work on this project's
machines (no sandbox as root, no GPU, no background networking, a fresh profile).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """The browser to start: $CHROMIUM, else the first of the usual names on PATH."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if Path(given).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


class Page:
    """One tab, with the console errors and network requests it produced."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session
        self.console_errors: list[str] = []
        self.requests: list[str] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.call(method, params, session=self.session)

    def navigate(self, url: str, timeout: float = 30.0) -> None:
        self.send("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", self.session, timeout)

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in reply:
            raise BrowserError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path


class Browser:
    def __init__(self, proc: subprocess.Popen[bytes], to_browser: int, from_browser: int) -> None:
        self.proc, self._out, self._in = proc, to_browser, from_browser
        self._next = 0
        self._buffer = b""
        self._pages: dict[str, Page] = {}

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._out, json.dumps(message).encode() + b"\0")

    def _read(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 16)
                if not chunk:
                    raise BrowserError(f"Chromium closed the pipe (exit code {self.proc.poll()})")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        self._dispatch(message)
        return message

    def _dispatch(self, message: dict[str, Any]) -> None:
        page = self._pages.get(str(message.get("sessionId")))
        method, params = message.get("method"), message.get("params") or {}
        if page is None or method is None:
            return
        if method == "Runtime.exceptionThrown":
            page.console_errors.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            page.console_errors.append(json.dumps(params.get("args", []))[:500])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            page.console_errors.append(str(params["entry"].get("text"))[:500])
        elif method == "Network.requestWillBeSent":
            page.requests.append(str(params.get("request", {}).get("url")))

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
             timeout: float = 30.0) -> dict[str, Any]:  # fmt: skip
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def wait_for(self, method: str, session: str | None, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            message = self._read(deadline)
            if message.get("method") == method and (session is None or message.get("sessionId") == session):
                return message

    def new_page(self, width: int = 1280, height: int = 900) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        return page

    def close(self) -> None:
        with suppress(BrowserError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self._out, self._in):
            with suppress(OSError):
                os.close(fd)


@contextmanager
def chromium(executable: str, profile: Path) -> Iterator[Browser]:
    """Start Chromium (a fresh profile in ``profile``) and stop it, whatever the test does."""
    import fcntl

    # the child's ends, moved above 9 so that placing them at 3 and 4 cannot overwrite one another
    r, to_child_w = os.pipe()
    from_child_r, w = os.pipe()
    to_child_r, from_child_w = (
        fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 10),
        fcntl.fcntl(w, fcntl.F_DUPFD_CLOEXEC, 10),
    )
    os.close(r)
    os.close(w)

    def wire() -> None:  # in the child: the pipe ends at descriptors 3 and 4 (dup2 makes them inheritable)
        os.dup2(to_child_r, 3)
        os.dup2(from_child_w, 4)

    profile.mkdir(parents=True, exist_ok=True)
    # close_fds=False: it would close 3 and 4 after preexec_fn; Python's own descriptors are not
    # inheritable, so nothing else leaks into the browser.
    proc = subprocess.Popen(
        [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=wire,
        close_fds=False,
    )
    os.close(to_child_r)
    os.close(from_child_w)
    browser = Browser(proc, to_child_w, from_child_r)
    try:
        browser.call("Browser.getVersion", timeout=60)
        yield browser
    finally:
        browser.close()
