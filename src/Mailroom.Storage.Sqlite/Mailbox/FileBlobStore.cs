using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Storage;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// Bodies as files named by their hash, <c>&lt;root&gt;/ab/cdef…</c> (256 shard folders keep folders small), with their
/// reference rows in the mailbox index. A put writes to <c>tmp/</c>, fsyncs, and renames into place (then fsyncs the
/// shard folder) inside a write transaction, so the file's existence and its row change together with respect to the
/// sweep, which deletes a file inside the transaction that deletes its row.
/// </summary>
internal sealed class FileBlobStore : AdoBlobStore
{
    private readonly string root;
    private readonly string temp;

    public FileBlobStore(MailboxSqlProvider sql, string root)
        : base(sql)
    {
        this.root = Path.GetFullPath(root);
        temp = Path.Combine(this.root, "tmp");
        System.IO.Directory.CreateDirectory(temp);
    }

    public string PathOf(BlobId id) => Path.Combine(root, id.Hex[..2], id.Hex[2..]);

    public override async Task<BlobInfo> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var tmp = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        try
        {
            BlobId id;
            long size;
            await using (var file = new FileStream(tmp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            }))
            {
                (id, size) = await HashingCopy.CopyAsync(content, file, cancellationToken);

                // On disk before the rename can make it visible: a crash must never leave a short file under a valid name.
                file.Flush(flushToDisk: true);
            }

            return await Sql.WriteAsync(async s =>
            {
                var references = await s.Int64Async(
                    "INSERT INTO mail_blobs (id, size, ref_count, last_put) VALUES (@b, @s, 0, @now) " +
                    "ON CONFLICT (id) DO UPDATE SET last_put = excluded.last_put RETURNING ref_count",
                    cancellationToken, ("b", id), ("s", size), ("now", Sql.NowMilliseconds));
                var path = PathOf(id);
                if (!File.Exists(path))
                {
                    // Also when the row existed: a sweep that crashed after deleting the file but before its commit
                    // leaves a row without a file, and this put repairs it.
                    var shard = Path.GetDirectoryName(path)!;
                    if (!System.IO.Directory.Exists(shard))
                    {
                        System.IO.Directory.CreateDirectory(shard);
                        DirectorySync.Flush(root);
                    }

                    File.Move(tmp, path);
                    DirectorySync.Flush(shard);
                }

                return new BlobInfo(id, size, references ?? 0);
            }, cancellationToken);
        }
        finally
        {
            File.Delete(tmp); // no-op when it was renamed
        }
    }

    public override Task<Stream> OpenReadAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        try
        {
            // On Linux a reader keeps its open file even if a sweep unlinks it meanwhile.
            return Task.FromResult<Stream>(new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(id);
        }
    }

    protected override async Task<bool> TryDeleteUnreferencedAsync(SqlSession session, BlobId id, long cutoffMilliseconds, CancellationToken cancellationToken)
    {
        var deleted = await session.ExecuteAsync(
            "DELETE FROM mail_blobs WHERE id = @b AND ref_count = 0 AND last_put < @cutoff",
            cancellationToken, ("b", id), ("cutoff", cutoffMilliseconds));
        if (deleted == 1)
        {
            File.Delete(PathOf(id));
        }

        return deleted == 1;
    }

    protected override Task SweepAbandonedAsync(long cutoffMilliseconds, CancellationToken cancellationToken)
    {
        var cutoff = DateTimeOffset.FromUnixTimeMilliseconds(cutoffMilliseconds).UtcDateTime;
        foreach (var file in new DirectoryInfo(temp).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
            }
        }

        return Task.CompletedTask;
    }
}
