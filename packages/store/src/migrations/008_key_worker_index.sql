-- A key worker's caseload is read by EpisodeOfCare.careManager on every page load; without an index
-- each load reads every episode in the trust. Per partition, so it needs no resource_type in the key.
CREATE INDEX record_episode_of_care_by_key_worker ON record_episode_of_care ((resource->'careManager'->>'reference'));
