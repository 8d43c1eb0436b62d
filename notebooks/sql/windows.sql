-- windows: the monitoring windows of the mart, oldest first.
-- grain: one row per window.
-- params: none
select
  w.window_id as window_id,
  w.reference_date as reference_date,
  w.label_ru as label_ru,
  w.is_latest as is_latest
from dim_window as w
order by w.reference_date
