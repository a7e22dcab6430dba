using System.Buffers;
using System.Security.Cryptography;

namespace Mailroom.Mailboxes.Blobs;

/// <summary>Copies a stream in pooled chunks while hashing it, so a body is read exactly once and never held whole.</summary>
public static class HashingCopy
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>Copies everything from <paramref name="source"/> to <paramref name="destination"/>; returns the id and length.</summary>
    public static Task<(BlobId Id, long Size)> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken) =>
        CopyAsync(ReadOnlyMemory<byte>.Empty, source, destination, cancellationToken);

    /// <summary>Copies <paramref name="head"/> (already read from the body) and then the rest of <paramref name="source"/>.</summary>
    public static async Task<(BlobId Id, long Size)> CopyAsync(ReadOnlyMemory<byte> head, Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            hash.AppendData(head.Span);
            await destination.WriteAsync(head, cancellationToken);
            long size = head.Length;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            return (BlobId.FromHash(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; returns the count (short only at the end).</summary>
    public static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer[filled..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
