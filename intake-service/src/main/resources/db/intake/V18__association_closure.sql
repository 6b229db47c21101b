-- An association that left the federation: when it was closed (its tokens revoked, its volunteers
-- deactivated, its cases erased). NULL: open.
ALTER TABLE associations ADD COLUMN closed_at timestamptz;
