-- indicator_catalog: the indicators with their Russian names, seed and publication thresholds.
-- grain: one row per indicator, in catalog order.
-- params: none
select
  c.group_ru as group_ru,
  c.indicator_id as indicator_id,
  c.name_ru as name_ru,
  c.unit as unit,
  c.direction as direction,
  c.lookback as lookback,
  c.seed as seed,
  c.clause as clause,
  c.min_denominator as min_denominator,
  c.min_count as min_count,
  c.target as target,
  c.red_threshold as red_threshold,
  c.definition_ru as definition_ru
from indicator_catalog as c
order by c.sort_order, c.indicator_id
