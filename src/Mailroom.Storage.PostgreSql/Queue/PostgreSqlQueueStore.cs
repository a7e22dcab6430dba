using System.Data.Common;
using Mailroom.Transport.Queue;

namespace Mailroom.Storage.PostgreSql.Queue;

/// <summary>
/// The queue shared by every node of an array; its own advisory lock serializes queue writes (and so leases)
/// without waiting on directory writes.
/// </summary>
public sealed class PostgreSqlQueueStore(PostgreSqlDirectoryStore database) : AdoQueueStore
{
    /// <summary>"MRQUE" in ASCII.</summary>
    private const long QueueWriteLock = 0x4D52515545;

    protected override Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        database.OpenAsync(cancellationToken);

    protected override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        database.BeginLockedAsync(connection, QueueWriteLock, cancellationToken);
}
