using System.Data.Common;
using Mailroom.Mailboxes.Storage;
using Microsoft.Data.Sqlite;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// The mailbox index in its own SQLite file (WAL), apart from the directory's, so mail traffic never queues behind
/// directory writes. SQLite has one writer: writers queue on a semaphore in this process and take the write lock at
/// BEGIN (BEGIN IMMEDIATE) instead of failing with SQLITE_BUSY halfway through.
/// </summary>
internal sealed class SqliteMailboxSql : MailboxSqlProvider
{
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public SqliteMailboxSql(string databasePath, TimeProvider? time)
        : base(time)
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

    private static readonly object Configured = new();

    // Native handles whose pragmas are set; weak, so closed handles drop out.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();

    private volatile bool walSet;

    public override IReadOnlyList<MailboxMigration> Migrations => SqliteMailboxMigrations.All;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Pooled connections keep their native handle, and pragmas stick to it: set them once per handle, not on every
        // open (a SELECT opens a connection four times; the pragmas were a third of a small read's cost).
        if (connection.Handle is { } handle && configured.TryGetValue(handle, out _))
        {
            return connection;
        }

        await using var pragma = connection.CreateCommand();

        // WAL lets readers run beside the writer; FULL makes a commit durable (fsync'd WAL) before it returns; reads
        // go through a memory map instead of a read() per page. journal_mode is persistent and costly to ask for, so
        // only the first connection sets it.
        pragma.CommandText = (walSet ? string.Empty : "PRAGMA journal_mode=WAL; ") +
            "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA mmap_size=268435456;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        walSet = true;
        if (connection.Handle is { } configuredHandle)
        {
            configured.AddOrUpdate(configuredHandle, Configured);
        }

        return connection;
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

    /// <summary>Bodies up to <see cref="FileBlobStore.InlineLimit"/> are in mail_blobs.data (NULL for files).</summary>
    public override string? InlineBodySql => "(SELECT data FROM mail_blobs WHERE mail_blobs.id = mail_messages.blob_id)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
