using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Storage;
using Npgsql;

namespace Mailroom.Storage.PostgreSql;

/// <summary>
/// The mailbox store an array of nodes shares: index and bodies in one PostgreSQL database, so a node can die without
/// taking any mail with it. Changes are published in-process only until a LISTEN/NOTIFY feed is passed in
/// (see <see cref="IMailboxChangeFeed"/>).
/// </summary>
public sealed class PostgreSqlMailboxStore : AdoMailboxStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource? owned;

    /// <summary>A store with its own connection pool.</summary>
    public PostgreSqlMailboxStore(string connectionString, IMailboxChangeFeed? changes = null, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), changes, time, owns: true)
    {
    }

    /// <summary>A store on a data source the caller owns (to share one pool with the other stores).</summary>
    public PostgreSqlMailboxStore(NpgsqlDataSource dataSource, IMailboxChangeFeed? changes = null, TimeProvider? time = null)
        : this(dataSource, changes, time, owns: false)
    {
    }

    private PostgreSqlMailboxStore(NpgsqlDataSource dataSource, IMailboxChangeFeed? changes, TimeProvider? time, bool owns)
        : this(new PostgreSqlMailboxSql(dataSource, time), changes)
    {
        owned = owns ? dataSource : null;
    }

    private PostgreSqlMailboxStore(PostgreSqlMailboxSql sql, IMailboxChangeFeed? changes)
        : base(sql, new PostgreSqlBlobStore(sql), changes)
    {
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
