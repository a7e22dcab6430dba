using System.Buffers;
using System.Security.Cryptography;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Storage;
using Mailroom.Persistence;

namespace Mailroom.Storage.Sqlite;

/// <summary>
/// Bodies of up to <see cref="InlineLimit"/> bytes (most mail) live in their <c>mail_blobs</c> row, and puts that
/// arrive together are committed together (group commit): one fsync for a batch instead of a file create, two
/// fsyncs and a rename per message, which is where an SMTP node spent most of its time. Larger bodies are files
/// named by their hash, <c>&lt;root&gt;/ab/cdef…</c> (256 shard folders keep folders small): a put writes to
/// <c>tmp/</c>, fsyncs, and renames into place (then fsyncs the shard folder) inside a write transaction, so the
/// file's existence and its row change together with respect to the sweep, which deletes a file inside the
/// transaction that deletes its row. A put buffers at most <see cref="InlineLimit"/> bytes before it knows which kind
/// the body is.
/// </summary>
internal sealed class FileBlobStore : AdoBlobStore
{
    /// <summary>The largest body kept in its row; SQLite stores rows this size well (overflow pages, one B-tree).</summary>
    public const int InlineLimit = 64 * 1024;

    private readonly string root;
    private readonly string temp;
    private readonly GroupCommit<InlineBody> inlinePuts;

    public FileBlobStore(MailboxSqlProvider sql, string root)
        : base(sql)
    {
        this.root = Path.GetFullPath(root);
        temp = Path.Combine(this.root, "tmp");
        System.IO.Directory.CreateDirectory(temp);
        inlinePuts = new GroupCommit<InlineBody>(batch => Sql.WriteAsync(async s =>
        {
            foreach (var body in batch)
            {
                // COALESCE: a body first stored as a file (before this store kept small bodies inline) keeps its file.
                body.References = await s.Int64Async(
                    "INSERT INTO mail_blobs (id, size, ref_count, last_put, data) VALUES (@b, @s, 0, @now, @d) " +
                    "ON CONFLICT (id) DO UPDATE SET last_put = excluded.last_put, data = COALESCE(mail_blobs.data, excluded.data) RETURNING ref_count",
                    CancellationToken.None, ("b", body.Id), ("s", body.Data.Length), ("now", Sql.NowMilliseconds), ("d", body.Data)) ?? 0;
            }

            return batch.Count;
        }, CancellationToken.None));
    }

    public string PathOf(BlobId id) => Path.Combine(root, id.Hex[..2], id.Hex[2..]);

    public override async Task<BlobInfo> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InlineLimit + 1);
        try
        {
            var filled = await HashingCopy.FillAsync(content, buffer.AsMemory(0, InlineLimit + 1), cancellationToken);
            if (filled <= InlineLimit)
            {
                var body = new InlineBody(BlobId.FromHash(SHA256.HashData(buffer.AsSpan(0, filled))), buffer.AsSpan(0, filled).ToArray());
                await inlinePuts.SubmitAsync(body).WaitAsync(cancellationToken);
                return new BlobInfo(body.Id, filled, body.References);
            }

            return await PutFileAsync(buffer.AsMemory(0, filled), content, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<BlobInfo> PutFileAsync(ReadOnlyMemory<byte> head, Stream rest, CancellationToken cancellationToken)
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
                (id, size) = await HashingCopy.CopyAsync(head, rest, file, cancellationToken);

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

    public override async Task<Stream> OpenReadAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        var inline = await Sql.ReadAsync(
            async s => await s.ScalarAsync("SELECT data FROM mail_blobs WHERE id = @b", cancellationToken, ("b", id)), cancellationToken);
        if (inline is byte[] data)
        {
            return new MemoryStream(data, writable: false);
        }

        try
        {
            // On Linux a reader keeps its open file even if a sweep unlinks it meanwhile. No FileStream buffer: readers
            // (literals, the MIME parser, SEARCH's text loader) ask for large blocks anyway, and a 64 KiB buffer per
            // open was the biggest allocation of a FETCH BODY[] over many large messages.
            return new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(id);
        }
    }

    protected override async Task<bool> TryDeleteUnreferencedAsync(SqlSession session, BlobId id, long cutoffMilliseconds, CancellationToken cancellationToken)
    {
        var wasFile = await session.Int64Async(
            "DELETE FROM mail_blobs WHERE id = @b AND ref_count = 0 AND last_put < @cutoff RETURNING data IS NULL",
            cancellationToken, ("b", id), ("cutoff", cutoffMilliseconds));
        if (wasFile == 1 && File.Exists(PathOf(id)))
        {
            File.Delete(PathOf(id));
        }

        return wasFile is not null;
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

    /// <summary>A small body waiting for its group commit; the commit fills in <see cref="References"/>.</summary>
    private sealed class InlineBody(BlobId id, byte[] data)
    {
        public BlobId Id { get; } = id;

        public byte[] Data { get; } = data;

        public long References { get; set; }
    }
}
