using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>An RFC 3516 BINARY fetch of a part whose Content-Transfer-Encoding the server cannot decode: NO [UNKNOWN-CTE].</summary>
public sealed class UnknownTransferEncodingException(string encoding)
    : Exception($"Unknown Content-Transfer-Encoding '{encoding}'.");

/// <summary>
/// Cuts the octets of a body section (RFC 9051 §6.4.5) or a decoded BINARY part (RFC 3516) out of a stored message.
/// Whole-message, header and text sections need no MIME parse; part sections use <see cref="MessageStructure"/>.
/// Ranges are streamed from the blob; only header subsets and decoded parts are built in memory.
/// </summary>
public static class SectionExtractor
{
    /// <summary>Header blocks longer than this are cut for HEADER.FIELDS filtering (they are not otherwise limited).</summary>
    public const int MaxFilteredHeader = 1024 * 1024;

    /// <summary>The content of a section item (BODY[…], RFC822*, BINARY[…], BINARY.SIZE[…] whose length is the answer), partial applied.</summary>
    public static async Task<SectionContent> ExtractAsync(Stream message, MessageStructure? structure, FetchItem item, CancellationToken cancellationToken)
    {
        var section = item.Kind switch
        {
            FetchItemKind.Rfc822 => Section.Whole,
            FetchItemKind.Rfc822Header => Section.Header,
            FetchItemKind.Rfc822Text => Section.BodyText,
            _ => item.Section ?? Section.Whole,
        };

        var content = item.Kind is FetchItemKind.Binary or FetchItemKind.BinarySize
            ? await BinaryAsync(message, structure, section, cancellationToken)
            : await SectionAsync(message, structure, section, cancellationToken);
        return content.Slice(item.Partial);
    }

    private static async Task<SectionContent> SectionAsync(Stream message, MessageStructure? structure, Section section, CancellationToken cancellationToken)
    {
        if (section.Part.Count == 0)
        {
            if (section.Text == SectionText.None)
            {
                return SectionContent.Range(message, 0, message.Length);
            }

            var headerEnd = structure?.Root.ContentStart ?? await HeaderEnd.FindAsync(message, cancellationToken);
            return await MessageTextAsync(message, section, 0, headerEnd, message.Length, cancellationToken);
        }

        var node = (structure ?? throw new InvalidOperationException("Part sections need the message structure.")).Resolve(section.Part);
        if (node is null)
        {
            return SectionContent.Nil;
        }

        switch (section.Text)
        {
            case SectionText.None:
                return SectionContent.Range(message, node.ContentStart, node.ContentLength);
            case SectionText.Mime:
                return SectionContent.Range(message, node.Begin, node.ContentStart - node.Begin);
            default:
                // HEADER/TEXT after part numbers address an encapsulated message (RFC 9051 §6.4.5).
                if (!node.IsMessage || node.Children.Count == 0)
                {
                    return SectionContent.Nil;
                }

                var inner = node.Children[0];
                return await MessageTextAsync(message, section, inner.Begin, inner.ContentStart, node.End, cancellationToken);
        }
    }

    private static async Task<SectionContent> MessageTextAsync(Stream message, Section section, long begin, long headerEnd, long end, CancellationToken cancellationToken)
    {
        switch (section.Text)
        {
            case SectionText.Header:
                return SectionContent.Range(message, begin, headerEnd - begin);
            case SectionText.Text:
                return SectionContent.Range(message, headerEnd, end - headerEnd);
            default:
                var header = await MessageStructure.ReadAsync(message, begin, Math.Min(headerEnd - begin, MaxFilteredHeader), cancellationToken);
                return SectionContent.Memory(HeaderFields.Filter(header, section.Fields, section.Text == SectionText.HeaderFieldsNot));
        }
    }

    private static async Task<SectionContent> BinaryAsync(Stream message, MessageStructure? structure, Section section, CancellationToken cancellationToken)
    {
        if (section.Part.Count == 0)
        {
            return SectionContent.Range(message, 0, message.Length);
        }

        var node = (structure ?? throw new InvalidOperationException("BINARY needs the message structure.")).Resolve(section.Part);
        if (node is null)
        {
            return SectionContent.Nil;
        }

        var raw = SectionContent.Range(message, node.ContentStart, node.ContentLength);
        if (node.IsMultipart || node.IsMessage)
        {
            return raw;
        }

        var encodingName = node.Entity.Headers[HeaderId.ContentTransferEncoding]?.Trim() ?? string.Empty;
        var encoding = encodingName.ToLowerInvariant() switch
        {
            "" or "7bit" or "8bit" or "binary" => ContentEncoding.Default,
            "base64" => ContentEncoding.Base64,
            "quoted-printable" => ContentEncoding.QuotedPrintable,
            "x-uuencode" or "uuencode" or "x-uue" => ContentEncoding.UUEncode,
            _ => throw new UnknownTransferEncodingException(encodingName),
        };

        if (encoding == ContentEncoding.Default)
        {
            return raw;
        }

        var encoded = await raw.ToArrayAsync(cancellationToken);
        using var output = new MemoryStream();
        using (var filtered = new FilteredStream(output))
        {
            filtered.Add(DecoderFilter.Create(encoding));
            await filtered.WriteAsync(encoded, cancellationToken);
            await filtered.FlushAsync(cancellationToken);
        }

        return SectionContent.Memory(output.ToArray());
    }
}
