-- A keyed hash (HMAC, its key derived from the foreigner-number index key) of each identity's name, written
-- the same whatever the accents, the case and the order of its words, so that a second case for the same
-- person is noticed when neither has a foreigner number (a first request). NULL: not computed yet (filled in
-- by the service in the background); empty: no name of two words or more.
ALTER TABLE identities ADD COLUMN name_index bytea;
CREATE INDEX identities_by_name ON identities (name_index) WHERE name_index IS NOT NULL AND length(name_index) > 0;
