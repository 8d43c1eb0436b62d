-- The mart contract the dashboards are written against (SPEC §8, issue 7), as DuckDB DDL.
-- Used by make_fixture_mart.py to build a development mart and by the contract test, which
-- binds every dataset's SQL against an empty database created from this file.
create table indicator_catalog (
  indicator_id text, name_ru text, name_en text, seed text, clause text, group_ru text,
  source text, unit text, direction text, lookback text, min_denominator integer,
  min_count integer, target double, red_threshold double, numerator_sql text,
  denominator_sql text, definition_ru text, sort_order integer
);
create table indicator_values (
  indicator_id text, window_id text, org_level text, org_id text, org_name text,
  district_id text, numerator double, denominator double, value double, unit text,
  status text, schools_covered integer, schools_total integer, low_confidence boolean
);
create table indicator_trends (
  indicator_id text, org_level text, org_id text, org_name text, district_id text,
  first_window text, last_window text, n_windows integer, change double, slope double,
  slope_ci_low double, slope_ci_high double, theil_sen_slope double, mann_kendall_p double,
  share_test_p double, verdict text, projection_next double
);
create table qualification_transitions (
  org_level text, org_id text, district_id text, window_from text, window_to text,
  category_from text, category_to text, transition_kind text, persons integer
);
create table qualification_projection (
  org_level text, org_id text, district_id text, base_window text, years_ahead integer,
  category text, persons_expected double
);
create table qualification_workload (
  org_level text, org_id text, district_id text, window_id text, due_month date,
  persons_due integer, persons_overdue integer
);
create table completeness (
  window_id text, school_id text, district_id text, source text, submitted boolean,
  rows_accepted integer, rows_rejected integer
);
create table quarantine (
  window_id text, source text, file_name text, row_number integer, column_name text,
  rule text, message text
);
create table quality_issues (
  window_id text, source text, file_name text, row_number integer, column_name text,
  rule text, severity text, message text
);
create table received_files (
  window_id text, source text, file_name text, status text, rows integer, encoding text,
  size_bytes bigint, rule text, loaded_at timestamp
);
create table dim_school (
  school_id text, school_name text, district_id text, district_name text, region text,
  settlement_type text, school_type text, is_small_class boolean, student_count integer,
  closed_date date
);
create table dim_district (
  district_id text, district_name text, region text, schools_total integer
);
create table dim_window (
  window_id text, reference_date date, year integer, month integer, label_ru text,
  is_latest boolean
);
create table qualification_growth (
  org_level text, org_id text, district_id text, window_from text, window_to text,
  staff_from integer, staff_to integer, with_category_from integer, with_category_to integer,
  net_growth integer
);
create table qualification_backtest (
  org_level text, org_id text, base_window text, target_window text, category text,
  projected double, observed integer, abs_pct_error double
);
create table pd_need_forecast (
  org_level text, org_id text, district_id text, base_window text, target_window text,
  persons_lacking_36h integer
);
