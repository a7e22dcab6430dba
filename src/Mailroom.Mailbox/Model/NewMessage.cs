using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Model;

/// <summary>
/// A message to deliver or APPEND: its body is already in the blob store (so one body serves every recipient) and
/// its headers were indexed once. The size is taken from the blob, not trusted from the caller.
/// </summary>
public sealed record NewMessage(BlobId BlobId, DateTimeOffset InternalDate, IndexedHeaders Headers)
{
    public MessageFlags Flags { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>
    /// Makes delivery idempotent per mailbox: a second delivery with the same key returns the first one's UID and
    /// changes nothing, even after that message was moved or expunged. Transport uses "queue message id/recipient".
    /// </summary>
    public string? IdempotencyKey { get; init; }

    public static NewMessage From(StoredMessage stored, DateTimeOffset internalDate) =>
        new(stored.Blob.Id, internalDate, stored.Headers);
}

/// <summary>Where a message landed: UIDPLUS's APPENDUID is (UidValidity, Uid).</summary>
public sealed record AppendResult(long FolderId, uint UidValidity, uint Uid, ulong ModSeq, bool AlreadyDelivered);
