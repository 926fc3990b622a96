-- The participants of one activity, by activity alone. sql/0900's indexes on participants all
-- lead with something else or are partial (interaction_id, contact_id WHERE contact_id IS NOT
-- NULL), and none serves `interaction_id = $1` by itself: that is what the foreign key's ON
-- DELETE CASCADE runs for every deleted activity. Measured with 3.2M generated participants,
-- deleting 20,000 activities ran for over 10 minutes (a sequential scan per activity) before
-- it was cancelled.
CREATE INDEX interaction_participants_interaction_idx ON humas.interaction_participants (interaction_id);
