"""Superset configuration for EduLake's local dashboards (loaded via SUPERSET_CONFIG_PATH).

Everything local: the metadata database and the secret key live in EDULAKE_SUPERSET_HOME
(default data/superset/ at the repository root), the UI speaks Russian, numbers use the
Russian locale (decimal comma, thin-space thousands), and no result is cached, so a newly
published mart is visible at the next query.
"""
import os
import secrets
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
_HOME = Path(os.environ.get("EDULAKE_SUPERSET_HOME", _ROOT / "data" / "superset")).resolve()
_HOME.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    path = _HOME / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_HOME / 'superset.db'}"
DATA_DIR = str(_HOME)

# Russian UI and number formats
BABEL_DEFAULT_LOCALE = "ru"
LANGUAGES = {"ru": {"flag": "ru", "name": "Русский"}, "en": {"flag": "us", "name": "English"}}
D3_FORMAT = {
    "decimal": ",",
    "thousands": "\u00a0",
    "grouping": [3],
    "currency": ["", "\u00a0₽"],
}
D3_TIME_FORMAT = {
    "dateTime": "%A, %e %B %Y г. %X",
    "date": "%d.%m.%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
    "shortDays": ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
    "months": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
               "сентябрь", "октябрь", "ноябрь", "декабрь"],
    "shortMonths": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт",
                    "ноя", "дек"],
}

# Local, single user machine: no rate limit on login (the browser tests log in repeatedly),
# no HTTPS-only headers, no example data.
AUTH_RATE_LIMITED = False
RATELIMIT_ENABLED = False
TALISMAN_ENABLED = False
SESSION_COOKIE_SECURE = False
WTF_CSRF_TIME_LIMIT = None
SUPERSET_LOAD_EXAMPLES = False

# Never serve a cached result: the mart is replaced atomically after each window and every
# query opens a fresh DuckDB connection (Superset's engines use NullPool by default).
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

FEATURE_FLAGS = {
    "DASHBOARD_NATIVE_FILTERS": True,
    "DASHBOARD_CROSS_FILTERS": True,
    "ALERT_REPORTS": False,
    "ROW_LEVEL_SECURITY": True,
}
ROW_LIMIT = 50000
SQL_MAX_ROW = 100000
# allow file-based DuckDB connections to the mart
PREVENT_UNSAFE_DB_CONNECTIONS = False
