namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// A FETCH command's data items and modifiers, with what they need from the store worked out once per command rather
/// than once per message.
/// </summary>
public sealed class FetchAttributes
{
    public FetchAttributes(IReadOnlyList<FetchItem> items, ulong? changedSince = null, bool vanished = false)
    {
        Items = items;
        ChangedSince = changedSince;
        Vanished = vanished;
        foreach (var item in items)
        {
            NeedsEnvelope |= item.Kind == FetchItemKind.Envelope;
            NeedsBody |= item.Kind is not (FetchItemKind.Uid or FetchItemKind.Flags or FetchItemKind.InternalDate
                or FetchItemKind.Rfc822Size or FetchItemKind.Envelope or FetchItemKind.ModSeq or FetchItemKind.EmailId or FetchItemKind.ThreadId);
            NeedsStructure |= item.Kind is FetchItemKind.Body or FetchItemKind.BodyStructure or FetchItemKind.Binary or FetchItemKind.BinarySize
                || (item.Section is { } s && (s.Part.Count > 0 || s.Text == SectionText.Mime));
            SetsSeen |= item.SetsSeen;
            HasModSeq |= item.Kind == FetchItemKind.ModSeq;
            HasUid |= item.Kind == FetchItemKind.Uid;
            HasFlags |= item.Kind == FetchItemKind.Flags;
        }
    }

    public IReadOnlyList<FetchItem> Items { get; }

    /// <summary>RFC 7162 CHANGEDSINCE modifier: only messages with a higher MODSEQ; implies MODSEQ in every response.</summary>
    public ulong? ChangedSince { get; }

    /// <summary>RFC 7162 §3.2.6 VANISHED modifier (UID FETCH with CHANGEDSINCE only).</summary>
    public bool Vanished { get; }

    /// <summary>ENVELOPE needs the encoded envelope indexed at delivery (not the rest of the header index).</summary>
    public bool NeedsEnvelope { get; }

    /// <summary>Some item reads the message body from the blob store.</summary>
    public bool NeedsBody { get; }

    /// <summary>Some item needs the MIME structure parsed (part numbers, MIME headers, body structure, BINARY).</summary>
    public bool NeedsStructure { get; }

    /// <summary>A non-PEEK body item: the handler sets \Seen first and reports FLAGS (RFC 9051 §6.4.5).</summary>
    public bool SetsSeen { get; }

    public bool HasModSeq { get; }

    public bool HasUid { get; }

    public bool HasFlags { get; }
}
