-- window_overview: every indicator of one window at region and district level, as displayed
-- (a suppressed value is «…», a missing one «нет данных»).
-- grain: one row per indicator × org unit (region, district).
-- params: $window_id (e.g. 2026-01)
select
  c.sort_order as sort_order,
  d.group_ru as group_ru,
  d.indicator_id as indicator_id,
  d.name_ru as name_ru,
  d.unit as unit,
  d.org_level as org_level,
  d.org_id as org_id,
  d.org_name as org_name,
  d.value as value,
  d.value_display as value_display,
  d.status as status,
  d.schools_covered as schools_covered,
  d.schools_total as schools_total
from v_indicator_values_display as d
join indicator_catalog as c
  on c.indicator_id = d.indicator_id
where d.window_id = $window_id
  and d.org_level in ('region', 'district')
order by c.sort_order, d.org_level desc, d.org_name
