namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// Everything taken from a message's header at delivery so that FETCH ENVELOPE, SEARCH on the common headers, SORT
/// (RFC 5256, RFC 5957 DISPLAY) and THREAD never open the body. Sort keys are already case-mapped so the database
/// compares them bytewise, the same way in SQLite and PostgreSQL.
/// </summary>
public sealed record IndexedHeaders
{
    public MessageEnvelope Envelope { get; init; } = MessageEnvelope.Empty;

    /// <summary>The parsed Date header, or null when missing or unparseable; SORT DATE then falls back to the internal date (RFC 5256 §3).</summary>
    public DateTimeOffset? SentDate { get; init; }

    /// <summary>The Subject with encoded words decoded and whitespace collapsed, for SEARCH SUBJECT.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>RFC 5256 §2.1 base subject, ASCII-uppercased (i;ascii-casemap), for SORT SUBJECT and THREAD.</summary>
    public string SortSubject { get; init; } = string.Empty;

    /// <summary>RFC 5256 §3: the addr-mailbox (local part) of the first address, ASCII-uppercased.</summary>
    public string SortFrom { get; init; } = string.Empty;

    public string SortTo { get; init; } = string.Empty;

    public string SortCc { get; init; } = string.Empty;

    /// <summary>RFC 5957: display name of the first address, else its addr-spec, uppercased (approximating i;unicode-casemap).</summary>
    public string SortDisplayFrom { get; init; } = string.Empty;

    public string SortDisplayTo { get; init; } = string.Empty;

    /// <summary>Decoded "Name &lt;addr&gt;, …" text of each address header, for SEARCH FROM/TO/CC/BCC substring matches.</summary>
    public string SearchFrom { get; init; } = string.Empty;

    public string SearchTo { get; init; } = string.Empty;

    public string SearchCc { get; init; } = string.Empty;

    public string SearchBcc { get; init; } = string.Empty;

    /// <summary>The Message-ID without angle brackets, for THREAD=REFERENCES (RFC 5256 §2.2).</summary>
    public string? MessageId { get; init; }

    /// <summary>The first message id of In-Reply-To, without brackets.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The message ids of References, in order, without brackets.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public static IndexedHeaders Empty { get; } = new();
}
