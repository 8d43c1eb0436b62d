#!/usr/bin/env python3
"""Build a small, deterministic DuckDB mart with exactly the mart contract (SPEC §8).

For dashboard development and tests before (or instead of) the real pipeline's mart:
2 districts, 5 schools, windows 2023-01 … 2026-01 (January and May), a selection of indicators
from every group, suppressed and no_data rows, trends, transitions, projection, workload,
completeness and quarantine. Rollups add numerators and denominators (never average shares).

Usage: make_fixture_mart.py OUT.duckdb   (the file is replaced atomically)
"""
from __future__ import annotations

import datetime as dt
import math
import os
import random
import sys
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
CONTRACT_DDL = HERE / "mart_contract.sql"

REGION = "Тестовая область"
DISTRICTS = [("d01", "Асиновский район"), ("d02", "Сасовский район")]
SCHOOLS = [
    # school_id, name, district, settlement, type, small, students, staff
    ("7001", "МБОУ СОШ № 1 г. Асино", "d01", "город", "СОШ", False, 820, 58),
    ("7002", "МБОУ «Гимназия № 2»", "d01", "город", "гимназия", False, 640, 46),
    ("7003", "МКОУ ООШ с. Ягодное", "d01", "село", "ООШ", True, 64, 9),
    ("7101", "МБОУ «Лицей № 1» г. Сасово", "d02", "город", "лицей", False, 710, 52),
    ("7102", "МБОУ СОШ с. Кустарёвка", "d02", "село", "СОШ", False, 190, 21),
]
WINDOWS = ["2023-01", "2023-05", "2024-01", "2024-05", "2025-01", "2025-05", "2026-01"]
MONTHS_RU = {1: "январь", 5: "май"}

# indicator_id, name_ru, name_en, seed, clause, group_ru, source, unit, direction,
# target, red_threshold, base share (for generation)
INDICATORS = [
    ("staff_headcount", "Численность педагогических работников", "Headcount of pedagogical staff",
     "001", "п. 1", "Кадры", "staff", "count", "higher_is_better", None, None, None),
    ("staff_share_young", "Доля молодых педагогов (до 35 лет)", "Share of young staff",
     "001", "п. 2", "Кадры", "staff", "percent", "higher_is_better", 25.0, 15.0, 0.22),
    ("staff_share_60_plus", "Доля педагогов в возрасте 60 лет и старше", "Share aged 60+",
     "000", "п. 1.5", "Кадры", "staff", "percent", "lower_is_better", 15.0, 25.0, 0.17),
    ("staff_share_with_category", "Доля педагогов с квалификационной категорией",
     "Share of staff with a category", "001", "п. 1", "Квалификация", "staff", "percent",
     "higher_is_better", 60.0, 45.0, 0.55),
    ("staff_share_highest_rank", "Доля педагогов с высшей категорией и выше",
     "Share with the highest rank", "000", "п. 1.5", "Квалификация", "staff", "percent",
     "higher_is_better", 30.0, 20.0, 0.27),
    ("staff_share_higher_ped_education", "Доля педагогов с высшим педагогическим образованием",
     "Share with higher pedagogical education", "000", "п. 1.5", "Квалификация", "staff",
     "percent", "higher_is_better", 80.0, 70.0, 0.78),
    ("staff_count_attestation_overdue", "Число педагогов с просроченной аттестацией",
     "Count with attestation overdue", "003", "п. 12", "Квалификация", "staff", "count",
     "lower_is_better", 0.0, 5.0, 0.05),
    ("pd_share_36h_in_3y", "Доля педагогов, прошедших ПК ≥ 36 ч за 3 года",
     "Share with ≥36 h of PD in 3 years", "003", "п. 15", "Повышение квалификации",
     "pd_courses", "percent", "higher_is_better", 100.0, 85.0, 0.86),
    ("comp_share_staff_in_prof_competitions", "Доля педагогов — участников профессиональных конкурсов",
     "Share of staff in professional competitions", "001", "п. 4", "Конкурсы и олимпиады",
     "competitions", "percent", "higher_is_better", 20.0, 10.0, 0.14),
    ("comp_count_staff_winners_regional_plus",
     "Число педагогов — победителей и призёров конкурсов регионального уровня и выше",
     "Staff winners at regional level and above", "000", "п. 1.5", "Конкурсы и олимпиады",
     "competitions", "count", "higher_is_better", None, None, 0.05),
    ("comp_students_olympiad_per_100", "Участники олимпиад на 100 обучающихся",
     "Olympiad participants per 100 students", "000", "п. 1.5", "Конкурсы и олимпиады",
     "competitions", "per_100", "higher_is_better", 30.0, 15.0, 0.24),
    ("events_share_staff_regional_federal",
     "Доля педагогов — участников региональных и федеральных методических мероприятий",
     "Share in regional/federal events", "001", "п. 6", "Методические мероприятия",
     "event_participants", "percent", "higher_is_better", 30.0, 15.0, 0.25),
    ("events_share_staff_presenting", "Доля педагогов, представивших опыт работы",
     "Share presenting their experience", "004", "п. 7", "Методические мероприятия",
     "event_participants", "percent", "higher_is_better", 20.0, 10.0, 0.16),
    ("staff_share_in_mentoring", "Доля педагогов, вовлечённых в наставничество",
     "Share in mentoring", "001", "п. 8", "Методическая помощь", "staff", "percent",
     "higher_is_better", 25.0, 12.0, 0.2),
    ("help_share_fulfilled_in_full", "Доля запросов на методическую помощь, выполненных в полном объёме",
     "Share of help requests fulfilled in full", "001", "п. 10", "Методическая помощь",
     "help_requests", "percent", "higher_is_better", 90.0, 75.0, 0.85),
    ("staffing_teachers_per_methodist", "Число учителей на одного методиста",
     "Teachers per methodist", "003", "п. 7", "Штатная обеспеченность", "staff", "ratio",
     "lower_is_better", 300.0, 400.0, None),
    ("survey_response_rate", "Доля педагогов, ответивших на анкету", "Survey response rate",
     "004", "мониторинг", "Анкетирование", "surveys", "percent", "higher_is_better", 70.0, 50.0,
     0.72),
    ("survey_q01_satisfied_support", "Доля педагогов, удовлетворённых методической поддержкой",
     "Satisfied with methodological support", "004", "п. 1", "Анкетирование", "surveys",
     "percent", "higher_is_better", 80.0, 60.0, 0.74),
    ("survey_q03_digital_resources", "Доля педагогов, регулярно использующих цифровые ресурсы",
     "Regular use of digital resources", "004", "п. 3", "Анкетирование", "surveys", "percent",
     "higher_is_better", 85.0, 65.0, 0.8),
]
SOURCES = ["schools", "staff", "pd_courses", "competitions", "method_events",
           "event_participants", "help_requests", "surveys"]
CATEGORIES = ["без категории", "первая", "высшая", "педагог-методист"]
RANK = {c: i for i, c in enumerate(CATEGORIES)}
MIN_COUNT, MIN_DENOMINATOR = 5, 10


def reference_date(window_id: str) -> dt.date:
    year, month = map(int, window_id.split("-"))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def school_raw(rng: random.Random) -> dict:
    """(indicator, window, school) -> (numerator, denominator) or None when not submitted."""
    raw = {}
    for s_idx, (school_id, _, _, _, _, _, students, staff) in enumerate(SCHOOLS):
        for w_idx, window in enumerate(WINDOWS):
            headcount = staff + rng.randint(-2, 2) + (w_idx // 2) * (1 if s_idx % 2 == 0 else -1)
            for ind in INDICATORS:
                ind_id, unit, source, base = ind[0], ind[7], ind[6], ind[11]
                not_sent = (source == "surveys" and school_id == "7003" and window == "2024-05") or (
                    source == "competitions" and school_id == "7102" and window == "2023-01")
                if not_sent:
                    raw[(ind_id, window, school_id)] = None
                    continue
                drift = (w_idx - 3) * 0.012 * (1 if s_idx != 4 else -1)
                if ind_id == "staff_headcount":
                    raw[(ind_id, window, school_id)] = (float(headcount), None)
                elif ind_id == "staffing_teachers_per_methodist":
                    teachers = round(headcount * 0.8)
                    raw[(ind_id, window, school_id)] = (float(teachers), 1.0 if s_idx != 2 else 0.0)
                elif unit == "count":
                    raw[(ind_id, window, school_id)] = (float(max(0, round(headcount * (base + drift / 2)
                                                                      + rng.randint(-1, 1)))), None)
                elif unit == "per_100":
                    raw[(ind_id, window, school_id)] = (
                        float(round(students * max(0.02, base + drift + rng.uniform(-0.04, 0.04)))),
                        float(students))
                else:
                    den = headcount
                    if source == "surveys" and ind_id != "survey_response_rate":
                        den = round(headcount * 0.7)
                    if source == "help_requests":
                        den = max(3, round(headcount * 0.3))
                    share = min(0.99, max(0.01, base + drift + rng.uniform(-0.05, 0.05)))
                    raw[(ind_id, window, school_id)] = (float(round(den * share)), float(den))
    return raw


def value_of(unit: str, num: float | None, den: float | None) -> float | None:
    if num is None:
        return None
    if unit == "count":
        return num
    if not den:
        return None
    factor = {"percent": 100.0, "per_100": 100.0, "ratio": 1.0}[unit]
    return round(num / den * factor, 2)


def build_values(raw: dict) -> list[tuple]:
    rows = []
    units = [("region", REGION, REGION, None, [s[0] for s in SCHOOLS])]
    units += [("district", d, n, d, [s[0] for s in SCHOOLS if s[2] == d]) for d, n in DISTRICTS]
    units += [("school", s[0], s[1], s[2], [s[0]]) for s in SCHOOLS]
    for ind in INDICATORS:
        ind_id, unit = ind[0], ind[7]
        for window in WINDOWS:
            for level, org_id, org_name, district_id, members in units:
                parts = [raw[(ind_id, window, m)] for m in members]
                sent = [p for p in parts if p is not None]
                covered, total = len(sent), len(members)
                if not sent:
                    rows.append((ind_id, window, level, org_id, org_name, district_id, None, None,
                                 None, unit, "no_data", covered, total, False))
                    continue
                num = sum(p[0] for p in sent)
                den = None if unit == "count" else sum(p[1] for p in sent)
                value = value_of(unit, num, den)
                status = "ok"
                if unit != "count" and not den:
                    status = "no_data"
                elif unit == "percent" and den < MIN_DENOMINATOR:
                    status = "suppressed"
                elif unit == "count" and ind_id != "staff_headcount" and 0 < num < MIN_COUNT \
                        and level == "school":
                    status = "suppressed"
                low_conf = ind[5] == "Анкетирование" and level == "school" and den is not None \
                    and den < 15
                if status != "ok":
                    num_out, value = None, None
                else:
                    num_out = num
                rows.append((ind_id, window, level, org_id, org_name, district_id, num_out, den,
                             value, unit, status, covered, total, low_conf))
    return rows


def ols(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    resid = [y - (my + slope * (x - mx)) for x, y in zip(xs, ys)]
    se = math.sqrt(sum(r * r for r in resid) / max(1, n - 2) / sxx) if n > 2 else float("inf")
    return slope, my - slope * mx, se


def build_trends(values: list[tuple]) -> list[tuple]:
    direction = {i[0]: i[8] for i in INDICATORS}
    series: dict = {}
    for r in values:
        series.setdefault((r[0], r[2], r[3], r[4], r[5]), []).append((r[1], r[8]))
    rows = []
    for (ind_id, level, org_id, org_name, district_id), points in sorted(series.items()):
        pts = [(w, v) for w, v in sorted(points) if v is not None]
        if len(pts) < 3:
            rows.append((ind_id, level, org_id, org_name, district_id,
                         pts[0][0] if pts else None, pts[-1][0] if pts else None, len(pts),
                         None, None, None, None, None, None, None, "недостаточно данных", None))
            continue
        xs = [WINDOWS.index(w) for w, _ in pts]
        ys = [v for _, v in pts]
        slope, intercept, se = ols(xs, ys)
        pair_slopes = sorted((ys[j] - ys[i]) / (xs[j] - xs[i])
                             for i in range(len(xs)) for j in range(i + 1, len(xs)))
        theil = pair_slopes[len(pair_slopes) // 2]
        s_stat = sum((ys[j] > ys[i]) - (ys[j] < ys[i])
                     for i in range(len(ys)) for j in range(i + 1, len(ys)))
        n = len(ys)
        var_s = n * (n - 1) * (2 * n + 5) / 18
        z = (s_stat - (1 if s_stat > 0 else -1 if s_stat < 0 else 0)) / math.sqrt(var_s)
        mk_p = round(math.erfc(abs(z) / math.sqrt(2)), 4)
        change = round(ys[-1] - ys[0], 2)
        ci = 2.57 * se
        signed = slope if direction[ind_id] == "higher_is_better" else -slope
        if mk_p < 0.1 and signed > 0:
            verdict = "положительная"
        elif mk_p < 0.1 and signed < 0:
            verdict = "отрицательная"
        else:
            verdict = "стабильная"
        share_p = round(min(1.0, mk_p * 1.1), 4) if INDICATORS[[i[0] for i in INDICATORS]
                                                                .index(ind_id)][7] == "percent" else None
        rows.append((ind_id, level, org_id, org_name, district_id, pts[0][0], pts[-1][0], n,
                     change, round(slope, 4), round(slope - ci, 4), round(slope + ci, 4),
                     round(theil, 4), mk_p, share_p, verdict,
                     round(intercept + slope * (len(WINDOWS)), 2)))
    return rows


def build_qualification(rng: random.Random):
    transitions, projection, workload = [], [], []
    counts: dict = {}
    for school_id, _, district_id, *_rest, staff in SCHOOLS:
        for w_from, w_to in zip(WINDOWS, WINDOWS[1:]):
            for c_from in CATEGORIES:
                for c_to in CATEGORIES:
                    r_from, r_to = RANK[c_from], RANK[c_to]
                    if c_from == c_to:
                        kind, persons = "confirmation", round(staff / 4 * rng.uniform(0.6, 1.0))
                    elif r_to == r_from + 1:
                        kind, persons = "upgrade", rng.randint(0, 3)
                    elif r_to == 0 and r_from in (1, 2):
                        kind, persons = ("lapse" if rng.random() < 0.5 else "downgrade"), rng.randint(0, 2)
                    else:
                        continue
                    if persons:
                        counts.setdefault((school_id, district_id, w_from, w_to, c_from, c_to, kind), 0)
                        counts[(school_id, district_id, w_from, w_to, c_from, c_to, kind)] += persons
            for c in CATEGORIES[:3]:
                for kind, c_from, c_to in (("new_hire", None, c), ("leaver", c, None)):
                    persons = rng.randint(0, 2)
                    if persons:
                        counts[(school_id, district_id, w_from, w_to, c_from, c_to, kind)] = persons
    def roll(level_key):
        out: dict = {}
        for (school_id, district_id, w_from, w_to, c_from, c_to, kind), p in counts.items():
            level, org_id, d_id = level_key(school_id, district_id)
            key = (level, org_id, d_id, w_from, w_to, c_from, c_to, kind)
            out[key] = out.get(key, 0) + p
        return [k + (v,) for k, v in out.items()]
    transitions += roll(lambda s, d: ("school", s, d))
    transitions += roll(lambda s, d: ("district", d, d))
    transitions += roll(lambda s, d: ("region", REGION, None))

    orgs = [("region", REGION, None, sum(s[7] for s in SCHOOLS))]
    orgs += [("district", d, d, sum(s[7] for s in SCHOOLS if s[2] == d)) for d, _ in DISTRICTS]
    orgs += [("school", s[0], s[2], s[7]) for s in SCHOOLS]
    shares0 = [0.42, 0.3, 0.24, 0.04]
    for level, org_id, d_id, staff in orgs:
        for years in (1, 2, 3):
            shift = 0.02 * years
            shares = [shares0[0] - shift, shares0[1], shares0[2] + shift * 0.7, shares0[3] + shift * 0.3]
            for c, sh in zip(CATEGORIES, shares):
                projection.append((level, org_id, d_id, WINDOWS[-1], years, c, round(staff * sh, 1)))
        for window in WINDOWS:
            ref = reference_date(window)
            for m in range(1, 13):
                due = add_months(ref, m)
                persons_due = max(0, round(staff * 0.012 + rng.uniform(-0.6, 1.6)))
                overdue = max(0, round(staff * 0.01 + rng.uniform(-1, 0.5))) if m == 1 else 0
                workload.append((level, org_id, d_id, window, due, persons_due, overdue))
    return transitions, projection, workload


def build_completeness(rng: random.Random):
    completeness, quarantine = [], []
    rules = [("staff", "person_id", "person_id_checksum",
              "СНИЛС не проходит проверку контрольного числа"),
             ("staff", "category", "vocabulary",
              "значение «вторая кат.» не найдено в словаре квалификационных категорий"),
             ("competitions", "level", "vocabulary", "уровень мероприятия «зональный» не распознан"),
             ("pd_courses", "hours", "range", "объём программы должен быть больше 0 ч"),
             ("staff", "birth_date", "type", "дата рождения «31.02.1985» не является датой")]
    for window in WINDOWS:
        for school_id, _, district_id, *_rest, staff in SCHOOLS:
            for source in SOURCES:
                submitted = not ((source == "surveys" and school_id == "7003" and window == "2024-05")
                                 or (source == "competitions" and school_id == "7102"
                                     and window == "2023-01"))
                accepted = 0
                if submitted:
                    accepted = {"schools": 1, "staff": staff, "surveys": round(staff * 0.7)}.get(
                        source, rng.randint(3, 40))
                rejected = rng.choice([0, 0, 0, 1, 2]) if submitted and source != "schools" else 0
                completeness.append((window, school_id, district_id, source, submitted, accepted,
                                     rejected))
                for k in range(rejected):
                    _, column, rule, message = rules[(WINDOWS.index(window) + k) % len(rules)]
                    quarantine.append((window, source, f"{school_id}_{source}.csv",
                                       2 + rng.randint(0, staff), column, rule, message))
    return completeness, quarantine


def build(out: Path) -> None:
    rng = random.Random(7)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    con.execute(CONTRACT_DDL.read_text(encoding="utf-8"))
    con.executemany("insert into indicator_catalog (indicator_id, name_ru, name_en, seed, clause, "
                    "group_ru, source, unit, direction, lookback, min_denominator, min_count, target, "
                    "red_threshold, definition_ru) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
        (i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], i[8], "3y", MIN_DENOMINATOR, MIN_COUNT,
         i[9], i[10], f"{i[1]} (определение по положению {i[3]}, {i[4]})") for i in INDICATORS])
    values = build_values(school_raw(rng))
    con.executemany("insert into indicator_values values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", values)
    con.executemany("insert into indicator_trends values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    build_trends(values))
    transitions, projection, workload = build_qualification(rng)
    con.executemany("insert into qualification_transitions values (?,?,?,?,?,?,?,?,?)", transitions)
    con.executemany("insert into qualification_projection values (?,?,?,?,?,?,?)", projection)
    con.executemany("insert into qualification_workload values (?,?,?,?,?,?,?)", workload)
    completeness, quarantine = build_completeness(rng)
    con.executemany("insert into completeness values (?,?,?,?,?,?,?)", completeness)
    con.executemany("insert into quarantine values (?,?,?,?,?,?,?)", quarantine)
    district_name = dict(DISTRICTS)
    con.executemany("insert into dim_school values (?,?,?,?,?,?,?,?,?,?)", [
        (s[0], s[1], s[2], district_name[s[2]], REGION, s[3], s[4], s[5], s[6], None)
        for s in SCHOOLS])
    con.executemany("insert into dim_district values (?,?,?,?)", [
        (d, n, REGION, sum(1 for s in SCHOOLS if s[2] == d)) for d, n in DISTRICTS])
    con.executemany("insert into dim_window values (?,?,?,?,?,?)", [
        (w, reference_date(w), int(w[:4]), int(w[5:]), f"{MONTHS_RU[int(w[5:])]} {w[:4]}",
         w == WINDOWS[-1]) for w in WINDOWS])
    con.close()
    os.replace(tmp, out)  # atomic publish, as the pipeline does


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixture_mart.py OUT.duckdb")
    target = Path(sys.argv[1]).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    build(target)
    print(target)
