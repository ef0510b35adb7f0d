-- Review dates ("granskas senast", issue 12): when a story, network or editorial page is next
-- due to be checked. Stories have none unless one is set; networks and pages are due twelve
-- months after they were made (existing ones: twelve months from now). review_reminded_for is
-- the review date the overdue reminder was last mailed for, so each date is reminded once.
ALTER TABLE story
  ADD COLUMN review_by date,
  ADD COLUMN review_reminded_for date;

ALTER TABLE network
  ADD COLUMN review_by date NOT NULL DEFAULT (CURRENT_DATE + INTERVAL '12 months')::date,
  ADD COLUMN review_reminded_for date;

ALTER TABLE page
  ADD COLUMN review_by date NOT NULL DEFAULT (CURRENT_DATE + INTERVAL '12 months')::date,
  ADD COLUMN review_reminded_for date;

-- The overview's overdue lists read these.
CREATE INDEX story_review_by_idx ON story (review_by) WHERE review_by IS NOT NULL;
CREATE INDEX network_review_by_idx ON network (review_by);
