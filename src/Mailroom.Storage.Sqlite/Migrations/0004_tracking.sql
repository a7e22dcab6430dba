-- The message tracking log (Get-MessageTrackingLog).
CREATE TABLE tracking_events (
    id               TEXT PRIMARY KEY,
    ts               BIGINT NOT NULL,
    event_id         TEXT NOT NULL,
    source           TEXT NOT NULL,
    server           TEXT NOT NULL,
    client_ip        TEXT,
    client_hostname  TEXT,
    connector_id     TEXT,
    sender           TEXT NOT NULL,
    recipients       TEXT NOT NULL,
    recipient_status TEXT,
    message_id       TEXT,
    internal_id      TEXT,
    total_bytes      BIGINT NOT NULL,
    reference        TEXT
);
CREATE INDEX ix_tracking_events_ts ON tracking_events (ts);
CREATE INDEX ix_tracking_events_message_id ON tracking_events (message_id);
