"""Headless Chromium logs in, opens every dashboard, waits for its charts, finds no error tile,
and saves a screenshot per dashboard to artifacts/screenshots/<slug>.png."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from browser import dashboard_state, login, start_browser, wait_for
from conftest import DASHBOARDS as DASHBOARDS_DIR, bundle_objects, env

DASHBOARDS = bundle_objects("dashboards")
SCREENSHOTS = Path(os.environ.get("EDULAKE_SCREENSHOTS",
                                  DASHBOARDS_DIR.parent / "artifacts" / "screenshots"))


@pytest.fixture(scope="module")
def browser(superset_url, tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium-profile"))
    login(driver, superset_url, "admin", env("EDULAKE_ADMIN_PASSWORD"))
    yield driver
    driver.quit()


def chart_count(source: dict) -> int:
    return sum(1 for row in source["layout"] for cell in row if not isinstance(cell, dict))


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_dashboard_renders_without_errors(browser, superset_url, name):
    source = DASHBOARDS[name]
    browser.get(f"{superset_url}/superset/dashboard/{source['slug']}/")
    expected = chart_count(source)

    def settled():
        state = dashboard_state(browser)
        done = state["holders"] >= expected and state["loading"] == 0 and state["rendered"] > 0
        return state if done else None

    wait_for(settled, 120, f"charts of {source['slug']}")
    time.sleep(3)  # let the native filters' default values re-query and render
    state = wait_for(settled, 60, f"charts of {source['slug']} after filters")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1600, max(1200, min(int(height) + 200, 6000)))
    browser.save_screenshot(str(SCREENSHOTS / f"{source['slug']}.png"))
    assert state["errors"] == 0, f"{source['slug']}: error tiles; page starts: {state['text']}"
    assert source["dashboard_title"] in browser.page_source
