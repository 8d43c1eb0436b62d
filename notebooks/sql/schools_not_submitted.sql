-- schools_not_submitted: schools that did not submit a source in a window; their indicators from
-- that source are «нет данных», never zero.
-- grain: one row per window × school × source not submitted.
-- params: none
select
  c.window_id as window_id,
  c.source as source,
  c.school_id as school_id,
  s.school_name as school_name,
  s.district_name as district_name
from completeness as c
left join dim_school as s
  on s.school_id = c.school_id
where not c.submitted
order by c.window_id, c.source, s.district_name, c.school_id
