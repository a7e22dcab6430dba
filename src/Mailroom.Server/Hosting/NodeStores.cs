using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Storage.PostgreSql;
using Mailroom.Storage.PostgreSql.Array;
using Mailroom.Storage.PostgreSql.Queue;
using Mailroom.Storage.Sqlite;
using Mailroom.Storage.Sqlite.Queue;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Tracking;

namespace Mailroom.Server.Hosting;

/// <summary>
/// The one place that picks concrete stores: everything in SQLite files in the data folder, or everything in one
/// shared PostgreSQL database so several nodes form one organization.
/// </summary>
public sealed record NodeStores(IDirectoryStore Directory, IMailboxStore Mailboxes, IQueueStore Queue, IMessageTrackingLog Tracking)
{
    /// <summary>On PostgreSQL, the node's standing link to the other nodes (lock, LISTEN/NOTIFY); null on SQLite.</summary>
    public PostgreSqlNodeLink? Link { get; init; }

    public static NodeStores Create(MailroomOptions.StoreOptions store, string dataPath, string serverName = "")
    {
        switch (store.Provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = new SqliteDirectoryStore(store.ConnectionString is { Length: > 0 } path ? path : Path.Combine(dataPath, "mailroom.db"));
                return new NodeStores(sqlite, new SqliteMailboxStore(dataPath), new SqliteQueueStore(sqlite), new AdoMessageTrackingLog(sqlite.OpenAsync, sqlite.BeginWriteAsync, sqlite.EndWrite));
            case "postgresql":
                var cs = store.ConnectionString is { Length: > 0 } c
                    ? c
                    : throw new InvalidOperationException("Mailroom:Store:Provider is PostgreSql, so Mailroom:Store:ConnectionString must be set.");
                var pg = new PostgreSqlDirectoryStore(cs);
                var link = new PostgreSqlNodeLink(cs, serverName);
                var feed = new PostgreSqlMailboxChangeFeed(link);
                var mailboxes = new PostgreSqlMailboxStore(cs, feed);
                feed.FolderIds = async (id, ct) => [.. (await mailboxes.ListFoldersAsync(id, ct)).Select(f => f.Id)];
                return new NodeStores(pg, mailboxes, new PostgreSqlQueueStore(pg), new AdoMessageTrackingLog(pg.OpenAsync, async (c, ct) => await c.BeginTransactionAsync(ct))) { Link = link };
            default:
                throw new InvalidOperationException($"Mailroom:Store:Provider \"{store.Provider}\" isn't known; use Sqlite or PostgreSql.");
        }
    }

    /// <summary>A connection to the node database (directory, queue, tracking, quota warnings).</summary>
    public Task<System.Data.Common.DbConnection> OpenNodeDatabaseAsync(CancellationToken cancellationToken) => Directory switch
    {
        SqliteDirectoryStore sqlite => sqlite.OpenAsync(cancellationToken),
        PostgreSqlDirectoryStore pg => pg.OpenAsync(cancellationToken),
        _ => throw new InvalidOperationException("Unknown directory store."),
    };

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Directory.InitializeAsync(cancellationToken);
        await Mailboxes.InitializeAsync(cancellationToken);
        await Queue.InitializeAsync(cancellationToken);
    }
}
