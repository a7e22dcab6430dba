-- PostgreSQL dialect. The organization directory: objects as JSON, their unique lookup keys, and password hashes kept apart.
CREATE TABLE directory_objects (
    id           TEXT PRIMARY KEY,
    object_class TEXT NOT NULL,
    name         TEXT COLLATE "C" NOT NULL, -- bytewise, as SQLite orders, so listings page alike
    data         TEXT NOT NULL
);
CREATE INDEX ix_directory_objects_class_name ON directory_objects (object_class, name, id);
CREATE TABLE directory_keys (
    lookup_key TEXT PRIMARY KEY,
    object_id  TEXT NOT NULL
);
CREATE INDEX ix_directory_keys_object ON directory_keys (object_id);
CREATE TABLE directory_secrets (
    object_id     TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL
);
