using System.Data.Common;
using Mailroom.Directory.Storage;
using Microsoft.Data.Sqlite;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Writers take SQLite's write lock at BEGIN
/// (BEGIN IMMEDIATE) and, within this process, queue on a semaphore rather than spin on SQLITE_BUSY.
/// </summary>
public sealed class SqliteDirectoryStore : AdoDirectoryStore
{
    private static readonly IReadOnlyList<SqlMigration> Scripts = SqlMigration.FromResources(typeof(SqliteDirectoryStore).Assembly);

    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public SqliteDirectoryStore(string databasePath)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    protected override IReadOnlyList<SqlMigration> Migrations => Scripts;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();

        // WAL (persistent, set once by InitializeAsync) lets readers run beside the writer; FULL makes a commit
        // durable before it returns. Both per-connection settings are cheap; journal_mode is not, so it isn't here.
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>BEGIN DEFERRED: a reader must not take SQLite's write lock (Microsoft.Data.Sqlite's default is IMMEDIATE).</summary>
    protected override Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await base.InitializeAsync(cancellationToken);
    }

    protected override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }
        catch
        {
            writeLock.Release();
            throw;
        }
    }

    protected override void EndWriteTransaction() => writeLock.Release();

    /// <summary>A connection to the node's database, for the other stores that keep their tables in it.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>The database's one write lock: SQLite allows one writer, so every store shares it.</summary>
    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginWriteTransactionAsync(connection, cancellationToken);

    public void EndWrite() => EndWriteTransaction();

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
