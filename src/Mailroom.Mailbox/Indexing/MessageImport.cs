using Mailroom.Mailboxes.Blobs;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>A body in the blob store with its header indexed: what transport and APPEND hand to the mailbox store.</summary>
public sealed record StoredMessage(BlobInfo Blob, IndexedHeaders Headers);

/// <summary>The one path from raw message bytes to a <see cref="StoredMessage"/>.</summary>
public static class MessageImport
{
    /// <summary>
    /// Streams the message into <paramref name="blobs"/>, then indexes its header by reading the header back from the
    /// store, so the source stream is read once and may be forward-only (an SMTP DATA or an IMAP literal).
    /// </summary>
    public static async Task<StoredMessage> ImportAsync(IBlobStore blobs, Stream message, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.PutAsync(message, cancellationToken);
        await using var stored = await blobs.OpenReadAsync(blob.Id, cancellationToken);
        return new StoredMessage(blob, await MessageIndexer.IndexAsync(stored, cancellationToken));
    }
}
