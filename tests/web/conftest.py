"""A small corpus ingested by the real `flashpoint ingest` into a real DuckDB file, shared by the web tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

XSS = "<img src=x onerror=alert(1)>"

STORIES = [
    {"id": "ukr-1", "date": "2024-03-04", "url": "https://news.example.com/ukr-1",
     "text": "Russian forces shelled the Ukrainian city of Kharkiv, killing 5 civilians."},
    {"id": "ukr-2", "date": "2024-03-05", "url": "https://wire.example.org/ukr-2",
     "text": "Russian artillery shelled Kharkiv, killing 5 civilians, Ukrainian officials said."},
    {"id": "ken-1", "date": "2024-03-12", "url": "https://news.example.com/ken-1",
     "text": f"Police fired tear gas at protesters {XSS} in Nairobi, injuring 12 people."},
    {"id": "ken-2", "date": "2024-04-02", "url": "javascript:alert(2)",
     "text": "Kenyan protesters marched in Mombasa to demand lower food prices."},
    {"id": "fra-1", "date": "2024-04-10", "url": "https://news.example.com/fra-1",
     "text": "The president of France met the German chancellor in Berlin to discuss energy prices."},
    {"id": "nga-1", "date": "2024-05-06", "url": "https://news.example.com/nga-1",
     "text": "Gunmen attacked a village in Zamfara, Nigeria, killing 9 people."},
    {"id": "nga-2", "date": "2024-05-20", "url": "https://news.example.com/nga-2",
     "text": "Nigerian soldiers arrested 14 suspected militants in Maiduguri."},
    {"id": "irn-1", "date": "2024-06-03", "url": "https://news.example.com/irn-1",
     "text": "Iran threatened to close the Strait of Hormuz if the United States imposed new sanctions."},
    {"id": "bra-1", "date": "2024-06-17", "url": "https://news.example.com/bra-1",
     "text": "Brazil sent food aid to flood victims in Bolivia."},
]


# A planted escalation: Russian shelling of four Ukrainian cities within four days, nothing before.
ESCALATION = [
    {"id": f"esc-{i}", "date": f"2024-06-{27 + i}", "url": f"https://news.example.com/esc-{i}",
     "text": f"Russian forces shelled the Ukrainian city of {city}, killing {i + 2} civilians."}
    for i, city in enumerate(["Sumy", "Poltava", "Odesa", "Kherson"])
]


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess (as a user runs it)."""
    return subprocess.run([sys.executable, "-m", "flashpoint", *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def ingest(tmp: Path, stories: list[dict], name: str = "events.duckdb") -> Path:
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    db = tmp / name
    done = run_cli("ingest", str(corpus), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest(tmp_path_factory.mktemp("web"), STORIES)


@pytest.fixture(scope="session")
def client(corpus_db: Path):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from flashpoint.web.app import create_app

    with TestClient(create_app(str(corpus_db))) as c:
        yield c


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`flashpoint serve` in a subprocess on a free loopback port; stopped (by its pid) when the test ends."""

    def __init__(self, db: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "flashpoint", "serve", "--db", str(db), "--port",
                                      str(self.port), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)

    def wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited {self.proc.returncode}: {self.proc.stderr.read()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"serve did not listen on port {self.port} within {timeout} s")

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        return self.proc.stderr.read()


@pytest.fixture(scope="session")
def server(corpus_db: Path) -> Iterator[Server]:
    pytest.importorskip("uvicorn")
    srv = Server(corpus_db)
    try:
        srv.wait()
        yield srv
    finally:
        srv.stop()


def screenshot_path() -> str | None:
    """Where the browser test saves the dashboard's screenshot (docs/dashboard.png): set FLASHPOINT_SCREENSHOT."""
    return os.environ.get("FLASHPOINT_SCREENSHOT") or None


@pytest.fixture(scope="session")
def escalation_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    pytest.importorskip("uvicorn")
    srv = Server(ingest(tmp_path_factory.mktemp("escalation"), STORIES + ESCALATION))
    try:
        srv.wait()
        yield srv
    finally:
        srv.stop()
