-- indicator_series: one indicator over the windows of the last $years years (the trend period of
-- seed 000 §1.5: reference dates after the latest reference date minus $years years),
-- at region and district level.
-- grain: one row per org unit × window.
-- params: $indicator_id, $years (e.g. 3)
with latest as (
  select max(w.reference_date) as reference_date
  from dim_window as w
)
select
  d.org_level as org_level,
  d.org_id as org_id,
  d.org_name as org_name,
  d.window_id as window_id,
  w.reference_date as reference_date,
  w.label_ru as label_ru,
  d.numerator as numerator,
  d.denominator as denominator,
  d.value as value,
  d.value_display as value_display,
  d.status as status,
  d.schools_covered as schools_covered,
  d.schools_total as schools_total
from v_indicator_values_display as d
join dim_window as w
  on w.window_id = d.window_id
cross join latest as l
where d.indicator_id = $indicator_id
  and d.org_level in ('region', 'district')
  and w.reference_date > l.reference_date - to_years(cast($years as integer))
order by d.org_level desc, d.org_name, w.reference_date
