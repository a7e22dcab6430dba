using MimeKit;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// The searchable text of one message for BODY, TEXT and HEADER on unindexed fields: header fields with their values
/// decoded (RFC 2047) and the decoded text of its text parts (transfer encoding and charset removed), which is what
/// RFC 9051 §6.4.4 means by matching "the specified string" in a message.
/// </summary>
public sealed class MessageText(IReadOnlyList<KeyValuePair<string, string>> headerFields, string body)
{
    public IReadOnlyList<KeyValuePair<string, string>> HeaderFields { get; } = headerFields;

    public string Body { get; } = body;

    /// <summary>Reads the header only, or the whole message when <paramref name="withBody"/>; bodies are read by MimeKit part by part.</summary>
    public static async Task<MessageText> LoadAsync(Stream message, bool withBody, CancellationToken cancellationToken)
    {
        if (!withBody)
        {
            var parser = new MimeParser(message, MimeFormat.Entity);
            var headers = await parser.ParseHeadersAsync(cancellationToken);
            return new MessageText(Fields(headers), string.Empty);
        }

        var mime = await MimeMessage.LoadAsync(message, cancellationToken);
        var body = new System.Text.StringBuilder();
        foreach (var part in mime.BodyParts)
        {
            if (part is TextPart text)
            {
                body.Append(text.Text).Append('\n');
            }
        }

        return new MessageText(Fields(mime.Headers), body.ToString());
    }

    private static List<KeyValuePair<string, string>> Fields(HeaderList headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value ?? string.Empty)).ToList();
}
