using System.Buffers;
using System.Security.Cryptography;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Mailroom.Storage.PostgreSql;

/// <summary>
/// Bodies in the shared database, so every node of an array reads what any node stored, as rows of 256 KiB chunks.
/// Not one bytea per body: that would be built whole in memory on both client and server and is capped at 1 GB.
/// Not large objects: they need their own unlink bookkeeping and are awkward with dumps and logical replication.
/// Chunks stream in both directions with bounded memory and allow seeking (IMAP partial fetches).
/// </summary>
internal sealed class PostgreSqlBlobStore(PostgreSqlMailboxSql sql) : AdoBlobStore(sql)
{
    public const int ChunkSize = 256 * 1024;

    private NpgsqlDataSource DataSource => sql.DataSource;

    public override async Task<BlobInfo> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contentId = await ScalarAsync<long>(connection, transaction, "SELECT nextval('mail_blob_content_ids')", cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long size = 0;
        try
        {
            for (long seq = 0; ; seq++)
            {
                var read = await HashingCopy.FillAsync(content, buffer.AsMemory(0, ChunkSize), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                size += read;
                await using var insert = new NpgsqlCommand("INSERT INTO mail_blob_chunks (content_id, seq, data) VALUES (@c, @s, @d)", connection, transaction);
                insert.Parameters.AddWithValue("c", contentId);
                insert.Parameters.AddWithValue("s", seq);
                insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("d", NpgsqlDbType.Bytea) { TypedValue = buffer.AsMemory(0, read) });
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (read < ChunkSize)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var id = BlobId.FromHash(hash.GetHashAndReset());
        await using var upsert = new NpgsqlCommand(
            "INSERT INTO mail_blobs (id, size, ref_count, last_put, content_id, chunk_size) VALUES (@b, @z, 0, @now, @c, @k) " +
            "ON CONFLICT (id) DO UPDATE SET last_put = excluded.last_put RETURNING content_id, ref_count", connection, transaction);
        upsert.Parameters.AddWithValue("b", id.Hex);
        upsert.Parameters.AddWithValue("z", size);
        upsert.Parameters.AddWithValue("now", Sql.NowMilliseconds);
        upsert.Parameters.AddWithValue("c", contentId);
        upsert.Parameters.AddWithValue("k", (long)ChunkSize);
        long storedContent, references;
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (storedContent, references) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (storedContent != contentId)
        {
            // The body was already stored: keep that copy and drop the chunks just written.
            await using var drop = new NpgsqlCommand("DELETE FROM mail_blob_chunks WHERE content_id = @c", connection, transaction);
            drop.Parameters.AddWithValue("c", contentId);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BlobInfo(id, size, references);
    }

    public override async Task<Stream> OpenReadAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT size, content_id, chunk_size FROM mail_blobs WHERE id = @b", connection);
        cmd.Parameters.AddWithValue("b", id.Hex);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new BlobNotFoundException(id);
        }

        return new ChunkedBlobStream(DataSource, id, reader.GetInt64(1), reader.GetInt64(0), (int)reader.GetInt64(2));
    }

    protected override async Task<bool> TryDeleteUnreferencedAsync(SqlSession session, BlobId id, long cutoffMilliseconds, CancellationToken cancellationToken)
    {
        var contentId = await session.Int64Async(
            "DELETE FROM mail_blobs WHERE id = @b AND ref_count = 0 AND last_put < @cutoff RETURNING content_id",
            cancellationToken, ("b", id), ("cutoff", cutoffMilliseconds));
        if (contentId is null)
        {
            return false;
        }

        await session.ExecuteAsync("DELETE FROM mail_blob_chunks WHERE content_id = @c", cancellationToken, ("c", contentId.Value));
        return true;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }
}
