-- What a volunteer's webhook receives: STANDARD (the signed JSON of the notification) or CHAT ({"text": ...},
-- for a team chat's incoming webhook).
ALTER TABLE volunteers ADD COLUMN webhook_format text NOT NULL DEFAULT 'STANDARD';
