-- trend_verdicts: every stored trend at region and district level with the indicator's name,
-- so that a notebook can list the indicators whose dynamics is negative or positive.
-- grain: one row per indicator × org unit (region, district).
-- params: none
select
  c.sort_order as sort_order,
  c.group_ru as group_ru,
  t.indicator_id as indicator_id,
  c.name_ru as name_ru,
  c.unit as unit,
  t.org_level as org_level,
  t.org_name as org_name,
  t.first_window as first_window,
  t.last_window as last_window,
  t.n_windows as n_windows,
  t.change as change,
  t.verdict as verdict,
  t.projection_next as projection_next
from indicator_trends as t
join indicator_catalog as c
  on c.indicator_id = t.indicator_id
where t.org_level in ('region', 'district')
order by c.sort_order, t.org_level desc, t.org_name
