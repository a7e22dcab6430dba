using Mailroom.Persistence;
using System.Data.Common;

namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// What a database provider supplies to the shared mailbox SQL: connections, how a write transaction begins (and
/// what it locks), its dialect's migrations, and how it reports a unique violation. The SQL itself lives in
/// <see cref="AdoMailboxStore"/> and is the same for SQLite and PostgreSQL.
/// </summary>
public abstract class MailboxSqlProvider(TimeProvider? time)
{
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public abstract IReadOnlyList<MailboxMigration> Migrations { get; }

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a read-committed write transaction. Writers to one mailbox serialize on its row in mail_mailboxes, which
    /// every write updates first; a provider with a single writer (SQLite) may serialize everything here instead.
    /// </summary>
    protected abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Releases anything <see cref="BeginWriteTransactionAsync"/> took besides the transaction.</summary>
    protected virtual void EndWriteTransaction()
    {
    }

    /// <summary>Keeps two nodes from migrating at once; called first in the migration transaction.</summary>
    protected virtual Task LockForMigrationAsync(SqlSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// An expression over mail_messages' <c>blob_id</c> giving the body when this provider keeps it in the index
    /// (else NULL), for <see cref="Model.MessageFields.InlineBody"/>; null when no body is ever inline.
    /// </summary>
    public virtual string? InlineBodySql => null;

    /// <summary>SQL that is true when text <paramref name="column"/> contains <paramref name="parameter"/> (bytewise).</summary>
    public virtual string ContainsSql(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    public long NowMilliseconds => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="work"/> on a connection without a transaction: each statement sees the latest commit.</summary>
    public async Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await work(new SqlSession(connection, null));
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        return await WriteTransaction.RunAsync(transaction, () => work(new SqlSession(connection, transaction)), EndWriteTransaction, cancellationToken);
    }

    /// <summary>Applies the migrations not yet recorded in mailbox_schema_migrations; returns the schema version.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => WriteAsync(async session =>
    {
        await LockForMigrationAsync(session, cancellationToken);
        await session.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS mailbox_schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL)", cancellationToken);
        var current = await session.Int64Async("SELECT COALESCE(MAX(version), 0) FROM mailbox_schema_migrations", cancellationToken) ?? 0;
        foreach (var migration in Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await session.ExecuteAsync(migration.Sql, cancellationToken);
            if (migration.Backfill is { } backfill)
            {
                await backfill(session, cancellationToken);
            }

            await session.ExecuteAsync(
                "INSERT INTO mailbox_schema_migrations (version, name) VALUES (@v, @n)",
                cancellationToken, ("v", migration.Version), ("n", migration.Name));
            current = migration.Version;
        }

        return (int)current;
    }, cancellationToken);
}
