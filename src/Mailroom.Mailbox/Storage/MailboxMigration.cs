namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// One numbered schema step of the mailbox store. The mailbox store keeps its own list and its own table
/// (<c>mailbox_schema_migrations</c>), apart from the directory's, so the two stores evolve without sharing numbers
/// and either can live in a database of its own. Both providers number their dialect's steps the same.
/// </summary>
public sealed record MailboxMigration(int Version, string Name, string Sql);
