-- qualification_projection: Markov projection of the category distribution 1–3 years ahead
-- (SPEC §4.4).
-- grain: one row per org unit × base window × years ahead × category.
-- params: $org_level (region, district or school)
select
  q.org_level as org_level,
  q.org_id as org_id,
  q.base_window as base_window,
  q.years_ahead as years_ahead,
  q.category as category,
  q.persons_expected as persons_expected
from qualification_projection as q
where q.org_level = $org_level
order by q.org_id, q.base_window, q.years_ahead, q.category
