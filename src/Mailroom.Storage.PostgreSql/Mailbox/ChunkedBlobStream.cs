using Mailroom.Mailboxes.Blobs;
using Npgsql;

namespace Mailroom.Storage.PostgreSql;

/// <summary>
/// A seekable read stream over a body's chunk rows: it holds one chunk at a time and fetches the next on demand, each
/// with a short pooled connection, so an open body ties up no connection while the client is slow to read it.
/// </summary>
internal sealed class ChunkedBlobStream(NpgsqlDataSource dataSource, BlobId id, long contentId, long length, int chunkSize) : Stream
{
    private byte[]? chunk;
    private long chunkSeq = -1;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }

        var seq = position / chunkSize;
        if (seq != chunkSeq)
        {
            chunk = Load(seq);
            chunkSeq = seq;
        }

        return CopyOut(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }

        var seq = position / chunkSize;
        if (seq != chunkSeq)
        {
            chunk = await LoadAsync(seq, cancellationToken);
            chunkSeq = seq;
        }

        return CopyOut(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int CopyOut(Span<byte> buffer)
    {
        var inChunk = (int)(position - chunkSeq * chunkSize);
        var n = Math.Min(buffer.Length, chunk!.Length - inChunk);
        if (n <= 0)
        {
            throw new IOException($"The body {id} is shorter than its recorded length.");
        }

        chunk.AsSpan(inChunk, n).CopyTo(buffer);
        position += n;
        return n;
    }

    private byte[] Load(long seq)
    {
        using var connection = dataSource.OpenConnection();
        using var cmd = Command(connection, seq);
        return cmd.ExecuteScalar() as byte[] ?? throw Missing(seq);
    }

    private async Task<byte[]> LoadAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, seq);
        return await cmd.ExecuteScalarAsync(cancellationToken) as byte[] ?? throw Missing(seq);
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, long seq)
    {
        var cmd = new NpgsqlCommand("SELECT data FROM mail_blob_chunks WHERE content_id = @c AND seq = @s", connection);
        cmd.Parameters.AddWithValue("c", contentId);
        cmd.Parameters.AddWithValue("s", seq);
        return cmd;
    }

    // A body swept while being read: only possible past the sweep's grace period after its last message went.
    private IOException Missing(long seq) => new($"Chunk {seq} of the body {id} is gone; it was swept while being read.");
}
