using Mailroom.Persistence;
using System.Data.Common;

namespace Mailroom.Directory.Storage;

/// <summary>
/// The directory store over plain ADO.NET: the SQL is the same in SQLite and PostgreSQL, so the providers
/// supply only connections, the organization-wide write lock, migrations and how they report a unique violation.
/// </summary>
public abstract class AdoDirectoryStore : IDirectoryStore
{
    private long generation;

    public long ChangeGeneration => Interlocked.Read(ref generation);

    public void NoteChange() => Interlocked.Increment(ref generation);

    protected abstract IReadOnlyList<SqlMigration> Migrations { get; }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the directory's write lock until it ends.</summary>
    protected abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Releases anything <see cref="BeginWriteTransactionAsync"/> took besides the transaction.</summary>
    protected virtual void EndWriteTransaction()
    {
    }

    /// <summary>A read transaction; providers whose default transaction takes a write lock (SQLite) override it.</summary>
    protected virtual async Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected internal abstract bool IsUniqueViolation(DbException exception);

    public virtual async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await WriteAsync(async tx => await ((AdoDirectorySession)tx).MigrateAsync(Migrations, cancellationToken), cancellationToken);
    }

    public async Task<T> ReadAsync<T>(Func<IDirectoryReader, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadTransactionAsync(connection, cancellationToken);
        var result = await work(new AdoDirectorySession(this, connection, transaction));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<T> WriteAsync<T>(Func<IDirectoryTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        var result = await WriteTransaction.RunAsync(transaction, () => work(new AdoDirectorySession(this, connection, transaction)), EndWriteTransaction, cancellationToken);
        NoteChange();
        return result;
    }
}
