using System.Data.Common;
using Mailroom.Directory.Storage;
using Npgsql;

namespace Mailroom.Storage.PostgreSql;

/// <summary>
/// The shared store of an array of nodes. Directory writes are rare, so every write transaction takes one
/// transaction-scoped advisory lock: writers on all nodes are serialized and business rules checked inside
/// a transaction still hold at commit.
/// </summary>
public sealed class PostgreSqlDirectoryStore(string connectionString) : AdoDirectoryStore, IAsyncDisposable
{
    /// <summary>The advisory lock key of directory writes ("MRDIR" in ASCII).</summary>
    private const long DirectoryWriteLock = 0x4D52444952;

    private static readonly IReadOnlyList<SqlMigration> Scripts = SqlMigration.FromResources(typeof(PostgreSqlDirectoryStore).Assembly);

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    protected override IReadOnlyList<SqlMigration> Migrations => Scripts;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginLockedAsync(connection, DirectoryWriteLock, cancellationToken);

    /// <summary>A connection to the shared database, for the other stores that keep their tables in it.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>Begins a transaction holding the transaction-scoped advisory lock <paramref name="lockKey"/>.</summary>
    public async Task<DbTransaction> BeginLockedAsync(DbConnection connection, long lockKey, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({lockKey})";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
