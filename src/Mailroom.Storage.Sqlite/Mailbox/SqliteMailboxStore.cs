using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Storage;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// The embedded mailbox store: the index in <c>&lt;dataPath&gt;/mailbox.db</c> (SQLite, WAL) and bodies as files under
/// <c>&lt;dataPath&gt;/blobs/</c>, except bodies up to <see cref="InlineBodyLimit"/> bytes, which live in the index. One per process per data folder: its write lock is in-process.
/// </summary>
public sealed class SqliteMailboxStore : AdoMailboxStore
{
    public SqliteMailboxStore(string dataPath, IMailboxChangeFeed? changes = null, TimeProvider? time = null)
        : this(new SqliteMailboxSql(Path.Combine(dataPath, "mailbox.db"), time), dataPath, changes)
    {
    }

    private SqliteMailboxStore(SqliteMailboxSql sql, string dataPath, IMailboxChangeFeed? changes)
        : base(sql, new FileBlobStore(sql, Path.Combine(dataPath, "blobs")), changes)
    {
        DataPath = Path.GetFullPath(dataPath);
    }

    /// <summary>The largest body kept in the index rather than in a file.</summary>
    public const int InlineBodyLimit = FileBlobStore.InlineLimit;

    public string DataPath { get; }

    /// <summary>Where a body's file is (for diagnostics and tests); the file exists only while the body is stored.</summary>
    public string BlobPath(BlobId id) => ((FileBlobStore)Blobs).PathOf(id);
}
