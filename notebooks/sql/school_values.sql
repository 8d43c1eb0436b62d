-- school_values: one indicator in one window for every school, as displayed («…» when suppressed).
-- grain: one row per school.
-- params: $indicator_id, $window_id
select
  d.org_id as school_id,
  d.org_name as school_name,
  s.district_name as district_name,
  s.settlement_type as settlement_type,
  s.school_type as school_type,
  d.numerator as numerator,
  d.denominator as denominator,
  d.value as value,
  d.value_display as value_display,
  d.status as status
from v_indicator_values_display as d
left join dim_school as s
  on s.school_id = d.org_id
where d.indicator_id = $indicator_id
  and d.window_id = $window_id
  and d.org_level = 'school'
order by s.district_name, d.org_name
