-- quarantine_reasons: why rows were rejected, by source, rule and column, with one example message
-- (messages name file, row, column and rule; they hold no raw values).
-- grain: one row per source × rule × column.
-- params: none
select
  q.source as source,
  q.rule as rule,
  q.column_name as column_name,
  count(*) as rows,
  count(distinct q.window_id) as windows,
  min(q.message) as example_message
from quarantine as q
group by q.source, q.rule, q.column_name
order by rows desc, q.source, q.rule, q.column_name
