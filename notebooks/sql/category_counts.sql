-- category_counts: staff by qualification category over the windows, derived from the numerators
-- of staff_headcount, staff_share_with_category (rank ≥ 1) and staff_share_highest_rank
-- (RU: высшая and above; KZ: исследователь and above). A count is null when one of the three
-- values is suppressed or missing at that unit.
-- grain: one row per org unit × window, at the given level.
-- params: $org_level (region, district or school)
with counts as (
  select
    v.org_level as org_level,
    v.org_id as org_id,
    v.org_name as org_name,
    v.window_id as window_id,
    max(v.numerator) filter (
      where v.indicator_id = 'staff_headcount' and v.status = 'ok'
    ) as headcount,
    max(v.numerator) filter (
      where v.indicator_id = 'staff_share_with_category' and v.status = 'ok'
    ) as with_category,
    max(v.numerator) filter (
      where v.indicator_id = 'staff_share_highest_rank' and v.status = 'ok'
    ) as highest_rank
  from indicator_values as v
  where v.org_level = $org_level
    and v.indicator_id in (
      'staff_headcount', 'staff_share_with_category', 'staff_share_highest_rank'
    )
  group by v.org_level, v.org_id, v.org_name, v.window_id
)
select
  k.org_level as org_level,
  k.org_id as org_id,
  k.org_name as org_name,
  k.window_id as window_id,
  w.reference_date as reference_date,
  w.label_ru as label_ru,
  k.headcount as headcount,
  k.headcount - k.with_category as without_category,
  k.with_category - k.highest_rank as below_highest,
  k.highest_rank as highest_rank
from counts as k
join dim_window as w
  on w.window_id = k.window_id
order by k.org_name, w.reference_date
