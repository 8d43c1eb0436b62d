"""Headless Debian Chromium driven by Selenium with the system chromedriver (never downloaded)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1600,2400", "--lang=ru-RU"]

# what Superset renders for a failed chart
ERROR_SELECTORS = ['[data-test="error-tooltip"]', ".alert-danger", '[role="alert"].ant-alert-error',
                   ".ant-alert-error", '[data-test="error-message"]']


def start_browser(profile_dir: Path | None = None) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = profile_dir or Path(tempfile.mkdtemp(prefix="edulake-chromium-"))
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    return driver


def login(driver: webdriver.Chrome, url: str, username: str, password: str) -> None:
    driver.get(f"{url}/login/")
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "input[name='username'], #username"),
             60, "login form")
    user = driver.find_elements(By.CSS_SELECTOR, "input[name='username'], #username")[0]
    secret = driver.find_elements(By.CSS_SELECTOR, "input[name='password'], #password")[0]
    user.send_keys(username)
    secret.send_keys(password)
    buttons = driver.find_elements(By.CSS_SELECTOR, "button[type='submit'], input[type='submit']")
    if buttons:
        buttons[0].click()
    else:
        secret.submit()
    wait_for(lambda: "/login" not in driver.current_url, 60, "redirect after login")


def wait_for(condition, timeout: float, what: str, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - the page is still changing
            value = None
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def dashboard_state(driver: webdriver.Chrome) -> dict:
    """Counts of chart holders, charts still loading, and error tiles on the page."""
    script = """
      const q = s => document.querySelectorAll(s).length;
      return {
        holders: q('[data-test="chart-grid-component"]'),
        rendered: q('[data-test="chart-grid-component"] .chart-container, '
                    + '[data-test="chart-grid-component"] .slice_container'),
        loading: q('[data-test="chart-grid-component"] .loading, '
                   + '[data-test="chart-grid-component"] [aria-label="Loading"], '
                   + '[data-test="chart-grid-component"] [data-test="loading-indicator"]'),
        errors: arguments[0].map(s => q(s)).reduce((a, b) => a + b, 0),
        text: document.body.innerText.slice(0, 400),
      };
    """
    return driver.execute_script(script, ERROR_SELECTORS)
