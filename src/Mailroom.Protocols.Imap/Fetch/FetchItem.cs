using System.Globalization;
using System.Text;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>The message data items of RFC 9051 §6.4.5, RFC 3516 (BINARY), RFC 7162 (MODSEQ) and RFC 8474 (ids).</summary>
public enum FetchItemKind
{
    Uid,
    Flags,
    InternalDate,
    Rfc822Size,
    Envelope,

    /// <summary>BODY without a section: the non-extensible body structure.</summary>
    Body,
    BodyStructure,

    /// <summary>BODY[section]&lt;partial&gt; and BODY.PEEK[…].</summary>
    BodySection,

    /// <summary>BINARY[part]&lt;partial&gt; and BINARY.PEEK[…] (RFC 3516): the part with its transfer encoding removed.</summary>
    Binary,
    BinarySize,
    Rfc822,
    Rfc822Header,
    Rfc822Text,
    ModSeq,
    EmailId,
    ThreadId,
}

/// <summary>RFC 9051 section-msgtext / section-text.</summary>
public enum SectionText
{
    /// <summary>No text specifier: the whole message (empty part) or the part's content.</summary>
    None,
    Header,
    HeaderFields,
    HeaderFieldsNot,
    Text,
    Mime,
}

/// <summary>A section specifier: part numbers (empty for the message itself), a text specifier, and header names.</summary>
public sealed record Section(IReadOnlyList<uint> Part, SectionText Text, IReadOnlyList<string> Fields)
{
    public static Section Whole { get; } = new([], SectionText.None, []);

    public static Section Header { get; } = new([], SectionText.Header, []);

    public static Section BodyText { get; } = new([], SectionText.Text, []);

    /// <summary>The section as written back in the FETCH response (RFC 9051 §7.5.2 msg-att-static).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendJoin('.', Part);
        var text = Text switch
        {
            SectionText.Header => "HEADER",
            SectionText.HeaderFields => "HEADER.FIELDS",
            SectionText.HeaderFieldsNot => "HEADER.FIELDS.NOT",
            SectionText.Text => "TEXT",
            SectionText.Mime => "MIME",
            _ => null,
        };
        if (text is not null)
        {
            sb.Append(Part.Count > 0 ? "." : string.Empty).Append(text);
        }

        if (Text is SectionText.HeaderFields or SectionText.HeaderFieldsNot)
        {
            sb.Append(" (").AppendJoin(' ', Fields).Append(')');
        }

        return sb.ToString();
    }
}

/// <summary>RFC 9051 partial: <c>&lt;origin.length&gt;</c>, octets counted from 0.</summary>
public readonly record struct PartialRange(uint Origin, uint Length);

/// <summary>One FETCH data item as asked for.</summary>
public sealed record FetchItem(FetchItemKind Kind)
{
    public static FetchItem Uid { get; } = new(FetchItemKind.Uid);

    public static FetchItem Flags { get; } = new(FetchItemKind.Flags);

    public static FetchItem ModSeq { get; } = new(FetchItemKind.ModSeq);

    public Section? Section { get; init; }

    /// <summary>BODY.PEEK / BINARY.PEEK: do not set \Seen.</summary>
    public bool Peek { get; init; }

    public PartialRange? Partial { get; init; }

    /// <summary>True if fetching this sets \Seen (RFC 9051 §6.4.5: BODY[…], BINARY[…], RFC822 and RFC822.TEXT).</summary>
    public bool SetsSeen => !Peek && Kind is FetchItemKind.BodySection or FetchItemKind.Binary or FetchItemKind.Rfc822 or FetchItemKind.Rfc822Text;

    /// <summary>The name the response item carries: PEEK dropped, partial reduced to its origin.</summary>
    public string ResponseName => Kind switch
    {
        FetchItemKind.Uid => "UID",
        FetchItemKind.Flags => "FLAGS",
        FetchItemKind.InternalDate => "INTERNALDATE",
        FetchItemKind.Rfc822Size => "RFC822.SIZE",
        FetchItemKind.Envelope => "ENVELOPE",
        FetchItemKind.Body => "BODY",
        FetchItemKind.BodyStructure => "BODYSTRUCTURE",
        FetchItemKind.BodySection => "BODY[" + Section + "]" + OriginSuffix,
        FetchItemKind.Binary => "BINARY[" + Section + "]" + OriginSuffix,
        FetchItemKind.BinarySize => "BINARY.SIZE[" + Section + "]",
        FetchItemKind.Rfc822 => "RFC822",
        FetchItemKind.Rfc822Header => "RFC822.HEADER",
        FetchItemKind.Rfc822Text => "RFC822.TEXT",
        FetchItemKind.ModSeq => "MODSEQ",
        FetchItemKind.EmailId => "EMAILID",
        FetchItemKind.ThreadId => "THREADID",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    private string OriginSuffix => Partial is { } p ? "<" + p.Origin.ToString(CultureInfo.InvariantCulture) + ">" : string.Empty;
}
