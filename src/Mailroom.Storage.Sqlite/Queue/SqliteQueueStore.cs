using System.Data.Common;
using Mailroom.Transport.Queue;

namespace Mailroom.Storage.Sqlite.Queue;

/// <summary>The queue in the node's SQLite database (its tables come with the directory's migrations).</summary>
public sealed class SqliteQueueStore(SqliteDirectoryStore database) : AdoQueueStore
{
    protected override Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        database.OpenAsync(cancellationToken);

    protected override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        database.BeginWriteAsync(connection, cancellationToken);

    protected override void EndWriteTransaction() => database.EndWrite();
}
