-- Known devices: a secret key returned at each login, sent back with the device's next login,
-- so that login is not locked out by other people's failed logins (docs/DECISIONS.md, D19).
-- Kept apart from tokens, which are deleted at logout and expiry: a device stays known.
CREATE TABLE device_keys (
    key_hash   BLOB PRIMARY KEY,
    handle     TEXT NOT NULL REFERENCES accounts(handle),
    device     TEXT NOT NULL,
    used_ms    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX device_keys_by_handle ON device_keys(handle, used_ms);
