namespace Mailroom.Mailboxes.Blobs;

/// <summary>
/// Content-addressed message bodies, written once and shared by every message that refers to them.
/// References are counted by the mailbox store in the same transaction that adds or removes a message; a body whose
/// count is zero is garbage, reclaimed by <see cref="SweepAsync"/> once it is older than a grace period (so a body put
/// by transport but not yet delivered is never swept from under it).
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store, hashing as it goes; nothing holds the whole body in memory.
    /// Returns when the body is on stable storage. Storing bytes that are already there stores nothing new.
    /// </summary>
    Task<BlobInfo> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the body for reading (seekable, with a known length); throws <see cref="BlobNotFoundException"/>.</summary>
    Task<Stream> OpenReadAsync(BlobId id, CancellationToken cancellationToken = default);

    /// <summary>The body's size and reference count, or null if it is not stored.</summary>
    Task<BlobInfo?> GetInfoAsync(BlobId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes bodies nobody refers to whose last put is older than <paramref name="gracePeriod"/>, plus abandoned
    /// temporary files; returns how many bodies went. Safe to run on several nodes at once.
    /// </summary>
    Task<int> SweepAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default);
}
