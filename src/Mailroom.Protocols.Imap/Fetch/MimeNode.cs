using Mailroom.Mailboxes.Indexing;
using MimeKit;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// One MIME entity of a stored message with its byte offsets in the body blob, so sections are cut from the stored
/// bytes exactly (RFC 9051 §6.4.5 asks for the octets as stored, not a re-serialization).
/// </summary>
public sealed class MimeNode(MimeEntity entity, long begin)
{
    public MimeEntity Entity { get; } = entity;

    /// <summary>Where the entity's header starts (for a part, just after its boundary line).</summary>
    public long Begin { get; } = begin;

    /// <summary>Where its content starts, just after the blank line ending the header.</summary>
    public long ContentStart { get; internal set; }

    /// <summary>Where its content ends; the line break before the next boundary belongs to the boundary (RFC 2046 §5.1.1).</summary>
    public long End { get; internal set; }

    /// <summary>Content lines as stored (encoded), for body-fld-lines.</summary>
    public int Lines { get; internal set; }

    /// <summary>A multipart's parts, or a message/rfc822 part's single child: the encapsulated message's top entity.</summary>
    public List<MimeNode> Children { get; } = [];

    /// <summary>For message/rfc822: the encapsulated message's indexed header (its ENVELOPE).</summary>
    public IndexedHeaders? EmbeddedHeaders { get; internal set; }

    public bool IsMultipart => Entity is Multipart;

    public bool IsMessage => Entity is MessagePart;

    public long ContentLength => Math.Max(0, End - ContentStart);
}
