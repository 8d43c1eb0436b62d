"""Helper for the EduLake notebooks: a read-only mart connection, named queries, Russian labels.

Every query a notebook runs lives in ``notebooks/sql/<name>.sql``; values chosen in a notebook
(window, indicator, level) reach DuckDB only as ``$name`` parameters, never inside SQL text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pandas as pd

NOTEBOOKS_DIR = Path(__file__).resolve().parent
REPO_ROOT = NOTEBOOKS_DIR.parent
SQL_DIR = NOTEBOOKS_DIR / "sql"
MART_ENV = "EDULAKE_MART"
DEFAULT_MART = REPO_ROOT / "data" / "mart" / "edulake.duckdb"

SUPPRESSED = "…"  # SPEC §6: a suppressed small cell is shown as «…»
NO_DATA = "нет данных"  # SPEC §4.5: a missing source is «нет данных», never zero

_QUERY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_connection: duckdb.DuckDBPyConnection | None = None


def mart_path() -> Path:
    """The mart file: $EDULAKE_MART, else <repo>/data/mart/edulake.duckdb."""
    configured = os.environ.get(MART_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return DEFAULT_MART


def connect() -> duckdb.DuckDBPyConnection:
    """Opens the mart read-only (one connection per kernel, reused by ``query``)."""
    global _connection
    if _connection is None:
        path = mart_path()
        if not path.is_file():
            raise FileNotFoundError(
                f"Витрина не найдена: {path}. Запустите `./edulake demo` или укажите путь "
                f"к файлу в переменной окружения {MART_ENV}."
            )
        _connection = duckdb.connect(str(path), read_only=True)
    return _connection


def sql_text(name: str) -> str:
    """The text of ``notebooks/sql/<name>.sql``."""
    if not _QUERY_NAME.match(name):
        raise ValueError(f"Недопустимое имя запроса: {name!r}")
    path = SQL_DIR / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"Нет файла запроса {path}")
    return path.read_text(encoding="utf-8")


def query(name: str, **params) -> pd.DataFrame:
    """Runs ``sql/<name>.sql`` with ``params`` bound to its ``$name`` parameters.

    Integer columns with NULLs (counts the mart hid, SPEC §6) come back as floats with NaN, so
    that pandas and matplotlib treat a hidden count as missing rather than failing on ``pd.NA``.
    """
    frame = connect().execute(sql_text(name), params).df()
    for column in frame.columns:
        if pd.api.types.is_integer_dtype(frame[column]) and frame[column].isna().any():
            frame[column] = frame[column].astype("float64")
    return frame


def pick_window(window_id: str | None = None) -> pd.Series:
    """The row of ``windows.sql`` for ``window_id``, or the latest window when it is None."""
    windows = query("windows")
    if windows.empty:
        raise RuntimeError(
            "В витрине нет ни одного окна мониторинга (таблица dim_window пуста): "
            "сначала загрузите данные конвейером (`./edulake run` или `./edulake demo`)."
        )
    if window_id is None:
        latest = windows[windows["is_latest"]]
        return (latest if not latest.empty else windows).iloc[-1]
    chosen = windows[windows["window_id"] == window_id]
    if chosen.empty:
        known = ", ".join(windows["window_id"])
        raise ValueError(f"Окна {window_id!r} нет в витрине; есть: {known}")
    return chosen.iloc[0]


def shown(frame: pd.DataFrame) -> pd.Series:
    """Display text of ``value``: whole numbers without decimals, others to 0.1; a row whose
    ``status`` is not ``ok`` keeps the mart's ``value_display`` («…» or «нет данных»)."""

    def one(value, status, display_text) -> str:
        if status != "ok" or pd.isna(value):
            return display_text if isinstance(display_text, str) else NO_DATA
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"

    return pd.Series(
        [one(*row) for row in zip(frame["value"], frame["status"], frame["value_display"])],
        index=frame.index,
        dtype="object",
    )

# ---------------------------------------------------------------- Russian labels

COLUMNS_RU = {
    "indicator_id": "Код показателя",
    "name_ru": "Показатель",
    "group_ru": "Раздел",
    "seed": "Документ",
    "clause": "Пункт",
    "unit": "Единица",
    "unit_ru": "Единица",
    "direction": "Направление",
    "direction_ru": "Лучше, когда",
    "lookback": "Период",
    "min_denominator": "Мин. знаменатель",
    "min_count": "Мин. число",
    "target": "Целевое значение",
    "red_threshold": "Критический порог",
    "definition_ru": "Определение",
    "window_id": "Окно мониторинга",
    "label_ru": "Окно мониторинга",
    "reference_date": "Отчётная дата",
    "org_level": "Уровень",
    "org_id": "Код",
    "org_name": "Территория / ОО",
    "school_id": "Код ОО",
    "school_name": "Образовательная организация",
    "district_name": "Район",
    "numerator": "Числитель",
    "denominator": "Знаменатель",
    "value": "Значение",
    "value_display": "Значение",
    "status": "Статус",
    "schools_covered": "Школ с данными",
    "schools_total": "Школ всего",
    "first_window": "Первое окно",
    "last_window": "Последнее окно",
    "n_windows": "Окон",
    "change": "Изменение",
    "slope": "Наклон МНК, в год",
    "slope_ci_low": "95% ДИ, от",
    "slope_ci_high": "95% ДИ, до",
    "theil_sen_slope": "Наклон Тейла–Сена, в год",
    "mann_kendall_p": "p (Манн–Кендалл)",
    "share_test_p": "p (тест долей)",
    "verdict": "Динамика",
    "projection_next": "Прогноз на следующее окно",
    "indicators": "Показателей",
    "window_from": "Из окна",
    "window_to": "В окно",
    "category_from": "Категория было",
    "category_to": "Категория стало",
    "transition_kind": "Переход",
    "transition_kind_ru": "Переход",
    "persons": "Человек",
    "base_window": "Базовое окно",
    "years_ahead": "Лет вперёд",
    "category": "Категория",
    "persons_expected": "Ожидается человек",
    "due_month": "Месяц",
    "persons_due": "Подлежат аттестации",
    "persons_overdue": "Просрочена аттестация",
    "headcount": "Численность",
    "without_category": "Без категории",
    "below_highest": "Категория ниже высшего ранга",
    "highest_rank": "Высший ранг",
    "source": "Источник",
    "source_ru": "Источник",
    "schools_submitted": "Школ сдали",
    "rows_accepted": "Строк принято",
    "rows_rejected": "Строк отклонено",
    "rejected_pct": "Отклонено, %",
    "rule": "Правило",
    "column_name": "Столбец",
    "rows": "Строк",
    "files": "Файлов",
    "windows": "Окон",
    "example_message": "Пример сообщения",
    "severity": "Уровень",
}

ORG_LEVEL_RU = {"region": "регион", "district": "район", "school": "школа"}
UNIT_RU = {"percent": "%", "count": "чел./ед.", "ratio": "отношение", "per_100": "на 100"}
DIRECTION_RU = {"higher_is_better": "больше", "lower_is_better": "меньше"}
STATUS_RU = {"ok": "есть", "suppressed": "скрыто («…»)", "no_data": NO_DATA}
VERDICTS = ["положительная", "стабильная", "отрицательная", "недостаточно данных"]
VERDICT_COLORS = {
    "положительная": "#2e7d32",
    "стабильная": "#9e9e9e",
    "отрицательная": "#c62828",
    "недостаточно данных": "#e0e0e0",
}
TRANSITION_KIND_RU = {
    "upgrade": "повышение",
    "confirmation": "подтверждение",
    "lateral": "смена категории того же ранга",
    "downgrade": "понижение",
    "lapse": "истечение срока",
    "new_hire": "новый педагог",
    "leaver": "выбыл",
}
CATEGORY_ORDER = [  # SPEC §4.1, RU then KZ, by rank
    "без категории",
    "соответствие занимаемой должности",
    "первая",
    "высшая",
    "педагог-методист",
    "педагог-наставник",
    "педагог-стажёр",
    "педагог",
    "педагог-модератор",
    "педагог-эксперт",
    "педагог-исследователь",
    "педагог-мастер",
]
NEW_HIRE_RU = "новый педагог"  # empty category_from in qualification_transitions
LEAVER_RU = "выбыл"  # empty category_to


def category_sort_key(categories: pd.Series) -> pd.Series:
    """Sorts categories by rank (SPEC §4.1); new hires first, leavers and unknown values last."""
    order = {name: i for i, name in enumerate([NEW_HIRE_RU, *CATEGORY_ORDER, LEAVER_RU])}
    return categories.map(lambda name: order.get(name, len(order)))


SOURCE_RU = {
    "schools": "Реестр ОО",
    "staff": "Кадровый состав",
    "pd_courses": "Повышение квалификации",
    "competitions": "Конкурсы и олимпиады",
    "method_events": "Методические мероприятия",
    "event_participants": "Участники мероприятий",
    "help_requests": "Обращения за помощью",
    "surveys": "Анкетирование",
}


def ru(frame: pd.DataFrame) -> pd.DataFrame:
    """The same frame with Russian column headers (unknown columns keep their names)."""
    return frame.rename(columns=COLUMNS_RU)


def label(column: str) -> str:
    """The Russian label of a column, for chart axes."""
    return COLUMNS_RU.get(column, column)


def setup_plots() -> None:
    """Matplotlib defaults for the notebooks (DejaVu Sans renders Cyrillic)."""
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "figure.figsize": (10, 4.5),
            "figure.dpi": 100,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "font.family": "DejaVu Sans",
        }
    )


def explain_empty(frame: pd.DataFrame, message: str) -> bool:
    """Prints ``message`` and returns True when ``frame`` has no rows."""
    if frame.empty:
        from IPython.display import Markdown, display

        display(Markdown(f"> **Нет данных.** {message}"))
        return True
    return False
