-- quarantine_by_window: rejected rows per window and source.
-- grain: one row per window × source.
-- params: none
select
  q.window_id as window_id,
  q.source as source,
  count(*) as rows
from quarantine as q
group by q.window_id, q.source
order by q.window_id, q.source
