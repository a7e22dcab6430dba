namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// One numbered schema step of the mailbox store. The mailbox store keeps its own list and its own table
/// (<c>mailbox_schema_migrations</c>), apart from the directory's, so the two stores evolve without sharing numbers
/// and either can live in a database of its own. Both providers number their dialect's steps the same.
/// </summary>
public sealed record MailboxMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// Runs after <see cref="Sql"/> in the same transaction, for conversions SQL cannot express (re-encoding stored
    /// values in .NET); shared by both providers so existing rows end up as new ones are written.
    /// </summary>
    public Func<SqlSession, CancellationToken, Task>? Backfill { get; init; }
}
