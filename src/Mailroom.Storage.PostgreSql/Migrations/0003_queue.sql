-- PostgreSQL dialect. The transport queue: messages (bodies live in the blob store) and their recipients' delivery state.
CREATE TABLE queue_messages (
    id                TEXT PRIMARY KEY,
    blob_id           TEXT NOT NULL,
    size              BIGINT NOT NULL,
    return_path_bytes INTEGER NOT NULL,
    reverse_path      TEXT NOT NULL,
    message_id        TEXT,
    envelope_id       TEXT,
    ret               TEXT,
    received_at       BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL,
    source            TEXT NOT NULL,
    client_address    TEXT,
    submitter         TEXT,
    node              TEXT NOT NULL
);
CREATE TABLE queue_recipients (
    message_id      TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    mailbox_id      TEXT,
    next_hop        TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    notify          TEXT,
    orcpt           TEXT,
    lease_owner     TEXT,
    lease_until     BIGINT,
    PRIMARY KEY (message_id, recipient)
);
CREATE INDEX ix_queue_recipients_due ON queue_recipients (status, next_attempt_at);
