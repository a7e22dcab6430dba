namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// One entry of an envelope address list, shaped like RFC 9051 §7.5.2's address structure so FETCH ENVELOPE is a
/// straight print. Group syntax follows that section: a start marker has <see cref="Mailbox"/> = group name and
/// <see cref="Host"/> = null; an end marker has everything null. <see cref="Name"/> is decoded (Unicode): the IMAP
/// engine re-encodes it (RFC 2047) for clients that did not enable UTF8=ACCEPT.
/// </summary>
public sealed record EnvelopeAddress(string? Name, string? Route, string? Mailbox, string? Host)
{
    /// <summary>Dovecot's placeholders for an address without a domain or local part, so host = NIL stays a group marker.</summary>
    public const string MissingDomain = "MISSING_DOMAIN";

    public const string MissingMailbox = "MISSING_MAILBOX";

    public bool IsGroupStart => Host is null && Mailbox is not null;

    public bool IsGroupEnd => Host is null && Mailbox is null;
}

/// <summary>
/// The ENVELOPE of RFC 9051 §7.5.2. Date, Subject, In-Reply-To and Message-ID are the raw header values, unfolded, as
/// the RFC asks; Sender and Reply-To already default to From when absent or empty (RFC 3501 §7.4.2).
/// </summary>
public sealed record MessageEnvelope(
    string? Date,
    string? Subject,
    IReadOnlyList<EnvelopeAddress> From,
    IReadOnlyList<EnvelopeAddress> Sender,
    IReadOnlyList<EnvelopeAddress> ReplyTo,
    IReadOnlyList<EnvelopeAddress> To,
    IReadOnlyList<EnvelopeAddress> Cc,
    IReadOnlyList<EnvelopeAddress> Bcc,
    string? InReplyTo,
    string? MessageId)
{
    public static MessageEnvelope Empty { get; } = new(null, null, [], [], [], [], [], [], null, null);
}
