-- survey_indicator_values: the survey indicators (survey_*, seed 004) in every window at region
-- and district level, as displayed; survey_response_rate qualifies every other one.
-- grain: one row per survey indicator × org unit (region, district) × window.
-- params: none
select
  c.sort_order as sort_order,
  d.indicator_id as indicator_id,
  d.name_ru as name_ru,
  d.unit as unit,
  d.org_level as org_level,
  d.org_id as org_id,
  d.org_name as org_name,
  d.window_id as window_id,
  w.reference_date as reference_date,
  d.numerator as numerator,
  d.denominator as denominator,
  d.value as value,
  d.value_display as value_display,
  d.status as status,
  d.schools_covered as schools_covered,
  d.schools_total as schools_total
from v_indicator_values_display as d
join indicator_catalog as c
  on c.indicator_id = d.indicator_id
join dim_window as w
  on w.window_id = d.window_id
where d.indicator_id like 'survey\_%' escape '\'
  and d.org_level in ('region', 'district')
order by c.sort_order, d.org_level desc, d.org_name, w.reference_date
