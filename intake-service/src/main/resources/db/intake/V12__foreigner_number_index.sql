-- A keyed hash (HMAC, its key in vault_secrets) of each identity's foreigner number, so that a case
-- can be found by that number, and a second case for the same person noticed, without decrypting
-- every identity. NULL: not computed yet (identities stored before this column, filled in by the
-- service in the background); empty: the identity has no foreigner number.
ALTER TABLE identities ADD COLUMN foreigner_number_index bytea;
CREATE INDEX identities_by_foreigner_number ON identities (foreigner_number_index)
  WHERE foreigner_number_index IS NOT NULL AND length(foreigner_number_index) > 0;
