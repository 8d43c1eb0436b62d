-- trend_verdict_counts: how many indicator × org unit trends got each verdict, per level.
-- grain: one row per org level × verdict.
-- params: none
select
  t.org_level as org_level,
  t.verdict as verdict,
  count(*) as indicators
from indicator_trends as t
group by t.org_level, t.verdict
order by t.org_level, t.verdict
