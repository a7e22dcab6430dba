using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>One node of a parsed SEARCH criteria tree (RFC 9051 §6.4.4, RFC 3501 §6.4.4, RFC 7162 MODSEQ).</summary>
public abstract record SearchKey
{
    /// <summary>True if matching reads the message text from the blob (BODY, TEXT, HEADER of an unindexed field).</summary>
    public virtual bool NeedsText => false;

    /// <summary>True if matching needs the indexed header columns.</summary>
    public virtual bool NeedsHeaders => false;

    /// <summary>True if the tree mentions MODSEQ, which makes the response carry the highest MODSEQ (RFC 7162 §3.1.5).</summary>
    public virtual bool MentionsModSeq => false;
}

public sealed record AllKey : SearchKey
{
    public static AllKey Instance { get; } = new();
}

/// <summary>ANSWERED/UNANSWERED, DELETED, DRAFT, FLAGGED, SEEN and their negations.</summary>
public sealed record FlagKey(MessageFlags Flag, bool Set) : SearchKey;

public sealed record KeywordKey(string Keyword, bool Set) : SearchKey;

/// <summary>RECENT (Set) and OLD (not Set); NEW is RECENT UNSEEN.</summary>
public sealed record RecentKey(bool Set) : SearchKey;

public enum AddressField
{
    From,
    To,
    Cc,
    Bcc,
}

public sealed record AddressKey(AddressField Field, string Value) : SearchKey
{
    public override bool NeedsHeaders => true;
}

public sealed record SubjectKey(string Value) : SearchKey
{
    public override bool NeedsHeaders => true;
}

/// <summary>HEADER field-name string. Fields the store indexes are matched from the index; others read the header.</summary>
public sealed record HeaderKey(string Field, string Value) : SearchKey
{
    public override bool NeedsHeaders => true;

    public override bool NeedsText => !HeaderKeys.IsIndexed(Field);
}

/// <summary>BODY (body only) or TEXT (header and body).</summary>
public sealed record TextKey(string Value, bool IncludeHeader) : SearchKey
{
    public override bool NeedsText => true;
}

public enum DateField
{
    /// <summary>INTERNALDATE: BEFORE, ON, SINCE.</summary>
    Internal,

    /// <summary>The Date header: SENTBEFORE, SENTON, SENTSINCE.</summary>
    Sent,
}

public enum DateComparison
{
    Before,
    On,
    Since,
}

public sealed record DateKey(DateField Field, DateComparison Comparison, DateOnly Date) : SearchKey
{
    public override bool NeedsHeaders => Field == DateField.Sent;
}

/// <summary>LARGER n (Larger) or SMALLER n.</summary>
public sealed record SizeKey(bool Larger, uint Size) : SearchKey;

/// <summary>A sequence set of message numbers, or UID set; <c>$</c> is the saved result (RFC 5182).</summary>
public sealed record SequenceKey(SequenceSet Set, bool Uid) : SearchKey;

public sealed record ModSeqKey(ulong ModSeq) : SearchKey
{
    public override bool MentionsModSeq => true;
}

public sealed record NotKey(SearchKey Inner) : SearchKey
{
    public override bool NeedsText => Inner.NeedsText;

    public override bool NeedsHeaders => Inner.NeedsHeaders;

    public override bool MentionsModSeq => Inner.MentionsModSeq;
}

public sealed record OrKey(SearchKey Left, SearchKey Right) : SearchKey
{
    public override bool NeedsText => Left.NeedsText || Right.NeedsText;

    public override bool NeedsHeaders => Left.NeedsHeaders || Right.NeedsHeaders;

    public override bool MentionsModSeq => Left.MentionsModSeq || Right.MentionsModSeq;
}

/// <summary>A list of keys (the top level or a parenthesized list): all must match.</summary>
public sealed record AndKey(IReadOnlyList<SearchKey> Keys) : SearchKey
{
    public override bool NeedsText => Keys.Any(k => k.NeedsText);

    public override bool NeedsHeaders => Keys.Any(k => k.NeedsHeaders);

    public override bool MentionsModSeq => Keys.Any(k => k.MentionsModSeq);

    public bool Equals(AndKey? other) => other is not null && Keys.SequenceEqual(other.Keys);

    public override int GetHashCode() => Keys.Count;
}

/// <summary>Header fields whose text the store indexes, so HEADER on them never opens the body.</summary>
public static class HeaderKeys
{
    public static bool IsIndexed(string field) =>
        field.Equals("Subject", StringComparison.OrdinalIgnoreCase) || field.Equals("From", StringComparison.OrdinalIgnoreCase)
        || field.Equals("To", StringComparison.OrdinalIgnoreCase) || field.Equals("Cc", StringComparison.OrdinalIgnoreCase)
        || field.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || field.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)
        || field.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase) || field.Equals("Date", StringComparison.OrdinalIgnoreCase);
}
