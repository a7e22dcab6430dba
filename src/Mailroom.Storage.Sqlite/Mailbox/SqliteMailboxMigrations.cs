using Mailroom.Mailboxes.Storage;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// The mailbox store's schema steps in SQLite's dialect, numbered like the PostgreSQL ones. They are C# text rather
/// than embedded .sql files because the provider project embeds only Migrations/*.sql, which belong to the directory.
/// </summary>
internal static class SqliteMailboxMigrations
{
    public static IReadOnlyList<MailboxMigration> All { get; } =
    [
        new(1, "mailbox", """
            CREATE TABLE mail_counters (
                name  TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            );
            INSERT INTO mail_counters (name, value) VALUES ('uidvalidity', 0);

            CREATE TABLE mail_mailboxes (
                id            TEXT PRIMARY KEY,
                total_size    INTEGER NOT NULL,
                message_count INTEGER NOT NULL,
                created       INTEGER NOT NULL
            );

            -- AUTOINCREMENT: a folder id is never reused, so a session holding a deleted folder's id finds nothing.
            CREATE TABLE mail_folders (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                mailbox_id     TEXT NOT NULL,
                name           TEXT NOT NULL,
                name_key       TEXT NOT NULL,
                role           INTEGER NOT NULL,
                uid_validity   INTEGER NOT NULL,
                uid_next       INTEGER NOT NULL,
                highest_modseq INTEGER NOT NULL,
                message_count  INTEGER NOT NULL,
                total_size     INTEGER NOT NULL,
                UNIQUE (mailbox_id, name_key)
            );
            CREATE INDEX ix_mail_folders_role ON mail_folders (mailbox_id, role);

            CREATE TABLE mail_subscriptions (
                mailbox_id TEXT NOT NULL,
                name_key   TEXT NOT NULL,
                name       TEXT NOT NULL,
                PRIMARY KEY (mailbox_id, name_key)
            );

            CREATE TABLE mail_folder_keywords (
                folder_id INTEGER NOT NULL,
                keyword   TEXT NOT NULL,
                PRIMARY KEY (folder_id, keyword)
            );

            CREATE TABLE mail_messages (
                folder_id         INTEGER NOT NULL,
                uid               INTEGER NOT NULL,
                modseq            INTEGER NOT NULL,
                flags             INTEGER NOT NULL,
                keywords          TEXT NOT NULL,
                blob_id           TEXT NOT NULL,
                size              INTEGER NOT NULL,
                internal_date     INTEGER NOT NULL,
                sent_date         INTEGER,
                subject           TEXT NOT NULL,
                sort_subject      TEXT NOT NULL,
                sort_from         TEXT NOT NULL,
                sort_to           TEXT NOT NULL,
                sort_cc           TEXT NOT NULL,
                sort_display_from TEXT NOT NULL,
                sort_display_to   TEXT NOT NULL,
                search_from       TEXT NOT NULL,
                search_to         TEXT NOT NULL,
                search_cc         TEXT NOT NULL,
                search_bcc        TEXT NOT NULL,
                message_id        TEXT,
                in_reply_to       TEXT,
                thread_refs       TEXT NOT NULL,
                envelope          TEXT NOT NULL,
                PRIMARY KEY (folder_id, uid)
            );
            CREATE INDEX ix_mail_messages_modseq ON mail_messages (folder_id, modseq);
            CREATE INDEX ix_mail_messages_sent ON mail_messages (folder_id, sent_date);
            CREATE INDEX ix_mail_messages_deleted ON mail_messages (folder_id, uid) WHERE (flags & 8) <> 0;
            CREATE INDEX ix_mail_messages_unseen ON mail_messages (folder_id, uid) WHERE (flags & 1) = 0;

            CREATE TABLE mail_expunged (
                folder_id INTEGER NOT NULL,
                uid       INTEGER NOT NULL,
                modseq    INTEGER NOT NULL,
                PRIMARY KEY (folder_id, uid)
            );

            CREATE TABLE mail_deliveries (
                mailbox_id   TEXT NOT NULL,
                delivery_key TEXT NOT NULL,
                folder_id    INTEGER NOT NULL,
                uid_validity INTEGER NOT NULL,
                uid          INTEGER NOT NULL,
                modseq       INTEGER NOT NULL,
                delivered    INTEGER NOT NULL,
                PRIMARY KEY (mailbox_id, delivery_key)
            );
            CREATE INDEX ix_mail_deliveries_delivered ON mail_deliveries (delivered);

            CREATE TABLE mail_blobs (
                id        TEXT PRIMARY KEY,
                size      INTEGER NOT NULL,
                ref_count INTEGER NOT NULL,
                last_put  INTEGER NOT NULL
            );
            CREATE INDEX ix_mail_blobs_unreferenced ON mail_blobs (id) WHERE ref_count = 0;
            """),
        new(2, "small bodies inline", """
            -- Bodies up to FileBlobStore.InlineLimit live in the row itself: no file to create and fsync per message,
            -- and many of them commit together (group commit). NULL means the body is a file.
            ALTER TABLE mail_blobs ADD COLUMN data BLOB;
            """),
        new(3, "header index: folded search text, binary envelope", """
            -- SEARCH SUBJECT/FROM/TO/CC/BCC match these upper-cased copies inside the query (instr/strpos), and
            -- FETCH ENVELOPE reads envelope_data (EnvelopeCodec) instead of parsing JSON; the backfill fills old rows.
            ALTER TABLE mail_messages ADD COLUMN fold_subject TEXT NOT NULL DEFAULT '';
            ALTER TABLE mail_messages ADD COLUMN fold_from TEXT NOT NULL DEFAULT '';
            ALTER TABLE mail_messages ADD COLUMN fold_to TEXT NOT NULL DEFAULT '';
            ALTER TABLE mail_messages ADD COLUMN fold_cc TEXT NOT NULL DEFAULT '';
            ALTER TABLE mail_messages ADD COLUMN fold_bcc TEXT NOT NULL DEFAULT '';
            ALTER TABLE mail_messages ADD COLUMN envelope_data BLOB;
            """) { Backfill = HeaderIndexBackfill.RunAsync },
        new(4, "drop the JSON envelope", """
            ALTER TABLE mail_messages DROP COLUMN envelope;
            """),
        new(5, "covering index for summary reads", """
            -- Summary reads (SELECT's neighbours: SORT DATE, flag SEARCHes, FETCH FLAGS, STORE) walk this index alone
            -- instead of looking up every wide message row (the header index makes rows ~1 KiB, three to a page).
            CREATE INDEX ix_mail_messages_summary ON mail_messages (folder_id, uid, modseq, flags, keywords, size, internal_date, blob_id, sent_date);
            """),
    ];
}
