-- Found by the national benchmark (docs/performance.md, docs/scaling.md): the participant page
-- gathers a record and the duplicates merged into it with a recursive query on merged_into_id,
-- which had no index, so every page read scanned all the region's participants several times
-- (17–20 s for one page in a region of 12 500 participants). Merged records are few: a partial
-- index over them alone makes each step an index lookup (under a second on the same data).
CREATE INDEX participants_merged_into_idx ON participants (region_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
