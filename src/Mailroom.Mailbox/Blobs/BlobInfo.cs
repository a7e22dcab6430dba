namespace Mailroom.Mailboxes.Blobs;

/// <summary>A stored body: its id, its size in bytes, and how many messages refer to it (0 = garbage once the grace period passes).</summary>
public sealed record BlobInfo(BlobId Id, long Size, long ReferenceCount);

/// <summary>The blob was never stored, or was swept after its last reference went.</summary>
public sealed class BlobNotFoundException(BlobId id)
    : Exception($"The message body {id} is not in the blob store.")
{
    public BlobId Id { get; } = id;
}
