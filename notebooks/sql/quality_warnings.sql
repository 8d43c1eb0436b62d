-- quality_warnings: accepted rows that carry a data-quality warning, by source and rule.
-- grain: one row per severity × source × rule.
-- params: none
select
  i.severity as severity,
  i.source as source,
  i.rule as rule,
  count(*) as rows,
  count(distinct i.window_id) as windows,
  min(i.message) as example_message
from quality_issues as i
where i.severity <> 'error'
group by i.severity, i.source, i.rule
order by rows desc, i.source, i.rule
