-- received_files_summary: files received per window and status, with their rows.
-- grain: one row per window × status.
-- params: none
select
  f.window_id as window_id,
  f.status as status,
  count(*) as files,
  cast(sum(f.rows) as bigint) as rows
from received_files as f
group by f.window_id, f.status
order by f.window_id, f.status
