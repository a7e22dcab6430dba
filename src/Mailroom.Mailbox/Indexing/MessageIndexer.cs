using MimeKit;
using MimeKit.Utils;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// Indexes a message's header once, at delivery or APPEND. It never throws on bad input: a field it cannot parse is
/// indexed as absent, because a malformed header must not stop mail from being delivered.
/// </summary>
public static partial class MessageIndexer
{
    /// <summary>Headers beyond this are not indexed (the body still holds them); bounds memory per delivery.</summary>
    public const int MaxHeaderBytes = 256 * 1024;

    private static readonly HashSet<string> Wanted = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Subject", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "In-Reply-To", "Message-ID", "References",
    };

    private static readonly ParserOptions Options = CreateOptions();

    /// <summary>Reads only the header block of <paramref name="message"/> (at most <see cref="MaxHeaderBytes"/>).</summary>
    public static async Task<IndexedHeaders> IndexAsync(Stream message, CancellationToken cancellationToken = default) =>
        Index(await HeaderBlock.ReadAsync(message, MaxHeaderBytes, cancellationToken));

    /// <summary>Indexes a header block (or a whole message, of which only the header is looked at).</summary>
    public static IndexedHeaders Index(ReadOnlySpan<byte> headerBlock)
    {
        var fields = HeaderBlock.Parse(headerBlock, Wanted);
        var from = Addresses(fields, "From");
        var to = Addresses(fields, "To");
        var cc = Addresses(fields, "Cc");
        var bcc = Addresses(fields, "Bcc");
        var sender = Addresses(fields, "Sender");
        var replyTo = Addresses(fields, "Reply-To");
        var subject = Raw(fields, "Subject");
        var decodedSubject = DecodeText(fields, "Subject");
        var inReplyTo = Raw(fields, "In-Reply-To");
        var messageId = Raw(fields, "Message-ID");

        return new IndexedHeaders
        {
            Envelope = new MessageEnvelope(
                Raw(fields, "Date"),
                subject,
                Envelope(from),
                Envelope(sender.Count > 0 ? sender : from),
                Envelope(replyTo.Count > 0 ? replyTo : from),
                Envelope(to),
                Envelope(cc),
                Envelope(bcc),
                inReplyTo,
                messageId),
            SentDate = SentDate(fields),
            Subject = decodedSubject,
            SortSubject = BaseSubject.SortKey(decodedSubject),
            SortFrom = SortMailbox(from),
            SortTo = SortMailbox(to),
            SortCc = SortMailbox(cc),
            SortDisplayFrom = SortDisplay(from),
            SortDisplayTo = SortDisplay(to),
            SearchFrom = SearchText(from),
            SearchTo = SearchText(to),
            SearchCc = SearchText(cc),
            SearchBcc = SearchText(bcc),
            MessageId = MessageIds.First(messageId),
            InReplyTo = MessageIds.First(inReplyTo),
            References = MessageIds.Extract(Raw(fields, "References")),
        };
    }

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Looser;
        options.Rfc2047ComplianceMode = RfcComplianceMode.Loose;
        options.AllowAddressesWithoutDomain = true;
        options.AllowUnquotedCommasInAddresses = true;
        return options;
    }

    private static string? Raw(Dictionary<string, byte[]> fields, string name) =>
        fields.TryGetValue(name, out var raw) && HeaderText.Unfold(raw) is { Length: > 0 } text ? text : null;

    private static string DecodeText(Dictionary<string, byte[]> fields, string name)
    {
        if (!fields.TryGetValue(name, out var raw))
        {
            return string.Empty;
        }

        try
        {
            return HeaderText.Collapse(Rfc2047.DecodeText(Options, raw));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // MimeKit is not supposed to throw here; if it ever does, the raw text is still searchable.
            return HeaderText.Collapse(HeaderText.Unfold(raw));
        }
    }

    private static DateTimeOffset? SentDate(Dictionary<string, byte[]> fields)
    {
        try
        {
            return fields.TryGetValue("Date", out var raw) && DateUtils.TryParse(raw, out var date) ? date : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
