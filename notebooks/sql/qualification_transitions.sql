-- qualification_transitions: person-by-person category transitions between consecutive snapshots
-- (SPEC §4.4); a new hire has an empty category_from, a leaver an empty category_to.
-- grain: one row per org unit × window pair × category_from × category_to × transition kind.
-- params: $org_level (region, district or school)
select
  q.org_level as org_level,
  q.org_id as org_id,
  q.window_from as window_from,
  q.window_to as window_to,
  q.category_from as category_from,
  q.category_to as category_to,
  q.transition_kind as transition_kind,
  q.persons as persons
from qualification_transitions as q
where q.org_level = $org_level
order by q.org_id, q.window_to, q.transition_kind, q.category_from, q.category_to
