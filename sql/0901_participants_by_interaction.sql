-- An activity's participants, counted for every row of a list (invited, attended) and listed on
-- its page: the unique indexes lead with interaction_id too, but each covers only contacts or
-- only organizations (partial), so neither serves "all participants of this activity".
CREATE INDEX interaction_participants_interaction_idx ON humas.interaction_participants (interaction_id);
