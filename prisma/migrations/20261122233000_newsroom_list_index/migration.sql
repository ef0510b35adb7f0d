-- The newsroom lists stories outside the trash by last change: walk this index instead of
-- sorting the whole table.
DROP INDEX story_updated_at_idx;
CREATE INDEX story_newsroom_order_idx ON story (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
