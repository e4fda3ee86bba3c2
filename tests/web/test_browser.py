"""The dashboard in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against a real `serve`.

Skips when Chromium or Playwright is missing (.ci/run installs Chromium). With FLASHPOINT_SCREENSHOT=PATH set, the
alerts test saves a screenshot of the dashboard there (docs/dashboard.png is made that way:
FLASHPOINT_SCREENSHOT=$PWD/docs/dashboard.png python -m pytest tests/web/test_browser.py).
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from urllib.parse import urlparse

import pytest

from .conftest import XSS, screenshot_path

CHROMIUM = os.environ.get("FLASHPOINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

TIMEOUT = 20_000  # ms, for any one wait


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, timeout=60_000,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run",
                                    "--disable-quic"])
        try:
            yield b
        finally:
            b.close()


class Page:
    """A fresh page that records every request and every dialog."""

    def __init__(self, browser, server) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.server = server

    def open(self) -> None:
        self.page.goto(self.server.url + "/")
        self.page.wait_for_selector("body[data-ready]")

    def ready(self, previous: str) -> None:
        # a function, not an expression string: the page's CSP forbids eval, which an expression would need
        self.page.wait_for_function("prev => document.body.getAttribute('data-ready') !== prev", arg=previous)

    def drawn(self, selector: str = "#events [data-event-id]") -> set[str]:
        return set(self.page.eval_on_selector_all(selector, "ns => ns.map(n => n.getAttribute('data-event-id'))"))


@pytest.fixture
def page(browser, server):
    p = Page(browser, server)
    yield p
    p.context.close()


def api(server, path: str) -> dict:
    with urllib.request.urlopen(server.url + path, timeout=20) as r:  # noqa: S310 - loopback only
        return json.loads(r.read())


def located(events: list[dict]) -> set[str]:
    return {e["id"] for e in events if e["location"] and e["location"]["lat"] is not None}


def test_the_map_draws_the_stored_events(page, server):
    page.open()
    stored = api(server, "/api/events?limit=1000")["events"]
    assert len(stored) == 8
    assert page.drawn() == located(stored) and len(page.drawn()) >= 7  # every located event is a point
    assert page.drawn("#event-list [data-event-id]") == {e["id"] for e in stored}  # every event is listed
    assert page.page.locator("#countries path").count() > 150  # the world shapes the package ships
    assert page.page.locator("#timeline rect").count() >= 3
    assert not page.errors, page.errors
    assert page.page.is_hidden("#error") and "8 events match" in page.page.inner_text("#summary")
    page.page.wait_for_selector("#alert-list li")
    assert "No dyad or place rises" in page.page.inner_text("#alert-list")  # nine scattered events


def test_a_filter_changes_what_is_drawn(page, server):
    page.open()
    before = page.drawn()
    mark = page.page.get_attribute("body", "data-ready")
    page.page.select_option("#f-type", "ASSAULT")
    page.ready(mark)
    assaults = located(api(server, "/api/events?limit=1000&type=ASSAULT")["events"])
    assert page.drawn() == assaults and assaults and assaults < before
    mark = page.page.get_attribute("body", "data-ready")
    page.page.fill("#f-q", "Kharkiv")
    page.page.click("#f-apply")
    page.ready(mark)
    assert len(page.drawn()) == 1
    mark = page.page.get_attribute("body", "data-ready")
    page.page.click("#f-reset")
    page.ready(mark)
    assert page.drawn() == before
    months = page.page.locator("#timeline rect").count()
    mark = page.page.get_attribute("body", "data-ready")
    page.page.select_option("#f-by", "week")  # weeks without events between the first and the last: gaps drawn
    page.ready(mark)
    assert page.page.locator("#timeline rect").count() >= months and page.page.is_hidden("#error")
    assert "events match" in page.page.inner_text("#summary")
    mark = page.page.get_attribute("body", "data-ready")
    page.page.select_option("#f-status", "all")
    page.ready(mark)
    assert page.drawn("#event-list [data-event-id]") > before  # the hypothetical event appears


def test_story_markup_is_shown_as_text(page, server):
    page.open()
    target = api(server, "/api/events?q=onerror")["events"][0]
    page.page.click(f"#event-list [data-event-id='{target['id']}']")
    page.page.wait_for_selector("#evidence-body .report")
    text = page.page.inner_text("#evidence-body")
    assert XSS in text  # the markup is there, as characters
    assert page.page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.page.evaluate("document.querySelectorAll('#evidence-body *[onerror]').length") == 0
    page.page.wait_for_timeout(500)  # give a (wrongly) inserted image time to fail and fire its handler
    assert page.dialogs == []
    marks = page.page.eval_on_selector_all("#evidence-body .report mark", "ns => ns.map(n => [n.className, "
                                                                         "n.textContent])")
    assert ["trigger", "fired tear gas"] in marks and any(k == "actor" for k, _ in marks)


def test_every_report_and_a_safe_source_link(page, server):
    page.open()
    kharkiv = api(server, "/api/events?q=Kharkiv")["events"][0]
    page.page.click(f"#events [data-event-id='{kharkiv['id']}']")
    page.page.wait_for_selector("#evidence-body .report")
    assert page.page.locator("#evidence-body .report").count() == 2
    hrefs = page.page.eval_on_selector_all("#evidence-body a", "ns => ns.map(n => n.href)")
    assert sorted(hrefs) == ["https://news.example.com/ukr-1", "https://wire.example.org/ukr-2"]
    mombasa = api(server, "/api/events?q=Mombasa")["events"][0]
    page.page.click(f"#event-list [data-event-id='{mombasa['id']}']")
    page.page.wait_for_selector(f"#evidence-body [data-evidence-id='{mombasa['id']}']")
    assert page.page.locator("#evidence-body a").count() == 0  # a javascript: URL is never a link
    assert "javascript:alert(2)" in page.page.inner_text("#evidence-body")


def test_nothing_is_loaded_from_outside_the_machine(page, server):
    page.open()
    page.page.locator("#event-list [data-event-id]").first.click()
    page.page.wait_for_selector("#evidence-body .report")
    page.page.goto(server.url + "/docs")
    page.page.wait_for_selector(".swagger-ui .opblock", timeout=TIMEOUT)
    assert page.requests
    hosts = {urlparse(u).netloc for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {f"127.0.0.1:{server.port}"}, hosts
    assert not page.errors, page.errors


def test_alerts_are_listed_and_lead_to_their_events(browser, escalation_server):
    page = Page(browser, escalation_server)
    try:
        page.open()
        alerts = api(escalation_server, "/api/alerts")
        dyad = next(a for a in alerts if a.get("dyad") == ["RUS", "UKR"])
        assert len(dyad["events"]) == 4
        item = page.page.wait_for_selector("#alert-list [data-alert='RUS>UKR']")
        assert "4 conflict events" in item.inner_text()
        if screenshot_path():
            kharkiv = api(escalation_server, "/api/events?q=Kharkiv")["events"][0]
            page.page.click(f"#event-list [data-event-id='{kharkiv['id']}']")  # the event with two reports
            page.page.wait_for_selector("#evidence-body .report >> nth=1")
            page.page.screenshot(path=screenshot_path(), full_page=True)
        mark = page.page.get_attribute("body", "data-ready")
        item.click()
        page.ready(mark)
        assert set(dyad["events"]) <= page.drawn()
        assert page.page.input_value("#f-since") == dyad["window"][0]
    finally:
        page.context.close()


def test_the_map_zooms_and_pans(page, server):
    page.open()
    box = page.page.locator("#map").bounding_box()
    page.page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    for _ in range(4):
        page.page.mouse.wheel(0, -200)
    page.page.wait_for_function("() => document.getElementById('map').getAttribute('viewBox') !== '0 0 960 480'")
    zoomed = [float(v) for v in page.page.get_attribute("#map", "viewBox").split()]
    assert zoomed[2] < 960 and zoomed[3] < 480
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5, steps=5)
    page.page.mouse.up()
    panned = [float(v) for v in page.page.get_attribute("#map", "viewBox").split()]
    assert panned[0] > zoomed[0] and page.page.input_value("#f-country") == ""  # a drag is no click on a country
    page.page.dblclick("#map")
    assert page.page.get_attribute("#map", "viewBox") == "0 0 960 480"
    assert len(page.drawn()) == 8 and not page.errors
