-- When the sender was told that a recipient's delivery is delayed (RFC 3461 NOTIFY=DELAY); one notice per recipient.
ALTER TABLE queue_recipients ADD COLUMN delay_notified_at BIGINT;
