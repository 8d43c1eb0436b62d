-- indicator_trend: the stored 3-year trend of one indicator at region and district level.
-- grain: one row per org unit.
-- params: $indicator_id
select
  t.org_level as org_level,
  t.org_name as org_name,
  t.first_window as first_window,
  t.last_window as last_window,
  t.n_windows as n_windows,
  t.change as change,
  t.slope as slope,
  t.slope_ci_low as slope_ci_low,
  t.slope_ci_high as slope_ci_high,
  t.theil_sen_slope as theil_sen_slope,
  t.mann_kendall_p as mann_kendall_p,
  t.share_test_p as share_test_p,
  t.verdict as verdict,
  t.projection_next as projection_next
from indicator_trends as t
where t.indicator_id = $indicator_id
  and t.org_level in ('region', 'district')
order by t.org_level desc, t.org_name
