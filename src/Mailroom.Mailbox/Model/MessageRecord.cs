using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Model;

/// <summary>What a fetch returns besides the summary columns, which are always read.</summary>
[Flags]
public enum MessageFields
{
    /// <summary>UID, MODSEQ, flags, keywords, size, dates and blob id: enough for FETCH FLAGS/UID/RFC822.SIZE/INTERNALDATE.</summary>
    Summary = 0,

    /// <summary>Adds <see cref="MessageRecord.Headers"/>: ENVELOPE and the SEARCH/SORT/THREAD keys (and <see cref="Envelope"/>).</summary>
    Headers = 1,

    /// <summary>Adds only <see cref="MessageRecord.EnvelopeData"/>, the encoded ENVELOPE: all FETCH ENVELOPE needs.</summary>
    Envelope = 2,

    /// <summary>
    /// Adds <see cref="MessageRecord.InlineBody"/> for bodies the provider keeps in the index itself (SQLite's small
    /// bodies), read with the page instead of one blob lookup per message. Pages are smaller with it.
    /// </summary>
    InlineBody = 4,
}

/// <summary>One message as the store holds it. The body is read through <see cref="IBlobStore.OpenReadAsync"/> with <see cref="BlobId"/>.</summary>
public sealed record MessageRecord(
    uint Uid,
    ulong ModSeq,
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    long Size,
    DateTimeOffset InternalDate,
    BlobId BlobId,
    DateTimeOffset? SentDate)
{
    /// <summary>Present when <see cref="MessageFields.Headers"/> was asked for.</summary>
    public IndexedHeaders? Headers { get; init; }

    /// <summary>
    /// The ENVELOPE in <see cref="EnvelopeCodec"/>'s encoding, present when <see cref="MessageFields.Envelope"/> or
    /// <see cref="MessageFields.Headers"/> was asked for; walk it with <see cref="EnvelopeReader"/>.
    /// </summary>
    public byte[]? EnvelopeData { get; init; }

    /// <summary>
    /// The whole body, when <see cref="MessageFields.InlineBody"/> was asked for and the provider stores this body in
    /// its index; otherwise null, and the body is read through <see cref="IBlobStore.OpenReadAsync"/>.
    /// </summary>
    public byte[]? InlineBody { get; init; }
}

/// <summary>
/// A bounded slice of a fetch. <see cref="NextUid"/> is where the next page starts, or null when the range is done;
/// callers loop on it so no fetch ever holds a whole folder.
/// </summary>
public sealed record MessagePage(IReadOnlyList<MessageRecord> Messages, uint? NextUid);

/// <summary>A fetch over a UID range, optionally only messages changed after <see cref="ChangedSince"/> (RFC 7162 CHANGEDSINCE).</summary>
public sealed record FetchRequest(UidRange Range)
{
    public const int MaxLimit = 5000;

    /// <summary>The largest page with <see cref="MessageFields.InlineBody"/>: inline bodies are up to 64 KiB each.</summary>
    public const int MaxInlineBodyLimit = 100;

    public int Limit { get; init; } = 500;

    public MessageFields Fields { get; init; }

    public ulong ChangedSince { get; init; }

    /// <summary>
    /// Only messages whose indexed text matches: every group must match, a group when any of its conditions does.
    /// The store compares case-folded text (<see cref="SearchText.Fold"/>), so this is SEARCH's case-insensitive
    /// substring match (RFC 9051 §6.4.4) done by the database instead of row by row in the caller.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TextCondition>> TextFilter { get; init; } = [];
}

/// <summary>The header texts the store indexes for SEARCH, decoded and case-folded.</summary>
public enum IndexedText
{
    Subject,
    From,
    To,
    Cc,
    Bcc,
}

/// <summary><see cref="Field"/> contains <see cref="Value"/>, case-insensitively.</summary>
public sealed record TextCondition(IndexedText Field, string Value);

/// <summary>Orders the store can sort by itself (RFC 5256 ARRIVAL, DATE, SIZE).</summary>
public enum MessageOrder
{
    /// <summary>The internal date.</summary>
    Arrival,

    /// <summary>The Date header as a UTC instant, else the internal date (RFC 5256 §2.2).</summary>
    Date,

    Size,
}

/// <summary>One key of a store-side sort.</summary>
public readonly record struct MessageOrderKey(MessageOrder Order, bool Descending);

/// <summary>One page of UIDs; <see cref="NextUid"/> is where the next page starts, or null when the range is done.</summary>
public sealed record UidPage(IReadOnlyList<uint> Uids, uint? NextUid);
