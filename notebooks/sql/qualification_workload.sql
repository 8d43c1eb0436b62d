-- qualification_workload: attestations falling due per month in the 12 months after each window,
-- and persons already overdue (SPEC §4.4).
-- grain: one row per org unit × window × due month.
-- params: $org_level (region, district or school)
select
  q.org_level as org_level,
  q.org_id as org_id,
  q.window_id as window_id,
  q.due_month as due_month,
  q.persons_due as persons_due,
  q.persons_overdue as persons_overdue
from qualification_workload as q
where q.org_level = $org_level
order by q.org_id, q.window_id, q.due_month
