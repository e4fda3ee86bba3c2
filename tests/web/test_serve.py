"""`flashpoint serve`: a real uvicorn on a free loopback port, asked over real HTTP, then stopped."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

import pytest

from .conftest import Server, free_port, run_cli

pytest.importorskip("uvicorn")


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:  # noqa: S310 - loopback only
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_every_endpoint_answers_over_http(server):
    status, headers, body = get(server.url + "/api/events?limit=5")
    assert status == 200 and "default-src 'self'" in headers["content-security-policy"]
    page = json.loads(body)
    assert page["total"] == 8 and len(page["events"]) == 5
    event_id = page["events"][0]["id"]
    status, _, body = get(f"{server.url}/api/events/{event_id}")
    assert status == 200 and json.loads(body)["reports"]
    for path in ("/", "/docs", "/openapi.json", "/api/series?actor=KEN", "/api/alerts", "/api/meta",
                 "/api/timeline?by=week"):
        assert get(server.url + path)[0] == 200, path
    for path in ("/api/events?bbox=x", "/api/events?limit=100000", "/api/events/nope", "/api/series?actor=QQQ"):
        status, _, body = get(server.url + path)
        assert 400 <= status < 500 and json.loads(body)["detail"], path


def test_bound_to_loopback_only(server):
    """The listening socket of the server's port is 127.0.0.1 (read from the kernel's table, no traffic sent)."""
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("no /proc/net/tcp on this system")
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port = local.rsplit(":", 1)
                if int(port, 16) == server.port and state == "0A":  # LISTEN
                    listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian hex


def test_other_host_names_are_refused_on_loopback(server):
    """A page on another site that rebinds its name to 127.0.0.1 cannot read the API."""
    status, _, _ = get(server.url + "/api/events", headers={"Host": "attacker.example"})
    assert status == 400
    assert get(server.url + "/api/events", headers={"Host": f"localhost:{server.port}"})[0] == 200


def test_warning_when_not_on_loopback(corpus_db):
    """192.0.2.1 (TEST-NET-1) is no address of this machine: serve warns, then fails to listen, clearly."""
    done = run_cli("serve", "--db", str(corpus_db), "--host", "192.0.2.1", "--port", str(free_port()), timeout=60)
    assert "warning: serving on 192.0.2.1, not loopback" in done.stderr
    assert done.returncode == 2 and "cannot listen on 192.0.2.1" in done.stderr
    assert "Traceback" not in done.stderr


def test_port_in_use_is_a_clear_error(server, corpus_db):
    done = run_cli("serve", "--db", str(corpus_db), "--port", str(server.port), timeout=60)
    assert done.returncode == 2 and f"cannot listen on 127.0.0.1:{server.port}" in done.stderr
    assert "warning" not in done.stderr


def test_stops_cleanly(corpus_db):
    srv = Server(corpus_db)
    try:
        srv.wait()
        assert get(srv.url + "/api/meta")[0] == 200
    finally:
        err = srv.stop()
    assert "Traceback" not in err


def test_host_names():
    from flashpoint.web.app import _host_name

    assert _host_name("127.0.0.1:8000") == "127.0.0.1"
    assert _host_name("LOCALHOST") == "localhost"
    assert _host_name("[::1]:8000") == "[::1]"
    assert _host_name("evil.example:80") == "evil.example"


def test_wrong_method_says_which_are_allowed(server):
    request = urllib.request.Request(server.url + "/api/meta", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=20)  # noqa: S310 - loopback only
        raise AssertionError("DELETE was accepted")
    except urllib.error.HTTPError as exc:
        assert exc.code == 405 and "GET" in exc.headers["allow"]
