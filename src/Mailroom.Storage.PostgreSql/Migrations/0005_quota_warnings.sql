-- PostgreSQL dialect. When each mailbox last got its "mailbox almost full" warning (at most one a day).
CREATE TABLE quota_warnings (
    mailbox_id TEXT PRIMARY KEY,
    sent_at    BIGINT NOT NULL
);
