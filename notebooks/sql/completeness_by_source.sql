-- completeness_by_source: per window and source, how many schools submitted it and how many rows
-- were accepted and rejected (SPEC §4.5).
-- grain: one row per window × source.
-- params: none
select
  c.window_id as window_id,
  c.source as source,
  count(distinct c.school_id) filter (where c.submitted) as schools_submitted,
  count(distinct c.school_id) as schools_total,
  cast(sum(c.rows_accepted) as bigint) as rows_accepted,
  cast(sum(c.rows_rejected) as bigint) as rows_rejected,
  round(
    100.0 * sum(c.rows_rejected) / nullif(sum(c.rows_accepted) + sum(c.rows_rejected), 0), 2
  ) as rejected_pct
from completeness as c
group by c.window_id, c.source
order by c.window_id, c.source
