using System.Buffers;
using System.Text;
using Mailroom.Protocols.Imap.Formatting;
using MimeKit;
using MimeKit.Utils;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// Writes BODY (non-extensible) and BODYSTRUCTURE (with extension data) as RFC 9051 §7.5.2 / RFC 3501 §7.4.2 define
/// them, from a parsed <see cref="MessageStructure"/>. Sizes and line counts are those of the stored (encoded) content.
/// </summary>
public static class BodyStructureWriter
{
    private static readonly FormatOptions SevenBit = CreateOptions();

    public static void Write(IBufferWriter<byte> writer, MessageStructure structure, bool extensible, bool utf8) =>
        WriteNode(writer, structure.Root, extensible, utf8);

    private static void WriteNode(IBufferWriter<byte> writer, MimeNode node, bool extensible, bool utf8)
    {
        writer.WriteByte((byte)'(');
        if (node.Entity is Multipart multipart)
        {
            WriteMultipart(writer, node, multipart, extensible, utf8);
        }
        else
        {
            WriteSinglePart(writer, node, extensible, utf8);
        }

        writer.WriteByte((byte)')');
    }

    private static void WriteMultipart(IBufferWriter<byte> writer, MimeNode node, Multipart multipart, bool extensible, bool utf8)
    {
        if (node.Children.Count == 0)
        {
            // body-type-mpart needs at least one body; an empty multipart shows an empty text part, as other servers do.
            writer.WriteAscii("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)");
        }

        foreach (var child in node.Children)
        {
            WriteNode(writer, child, extensible, utf8);
        }

        writer.WriteByte((byte)' ');
        WriteText(writer, multipart.ContentType.MediaSubtype, utf8);
        if (extensible)
        {
            writer.WriteByte((byte)' ');
            WriteParameters(writer, multipart.ContentType.Parameters, utf8);
            WriteDispositionLanguageLocation(writer, multipart, utf8);
        }
    }

    private static void WriteSinglePart(IBufferWriter<byte> writer, MimeNode node, bool extensible, bool utf8)
    {
        var entity = node.Entity;
        var type = entity.ContentType;
        WriteText(writer, type.MediaType, utf8);
        writer.WriteByte((byte)' ');
        WriteText(writer, type.MediaSubtype, utf8);
        writer.WriteByte((byte)' ');

        // RFC 2045 §5.2: no Content-Type means text/plain; charset=us-ascii, and the structure says so.
        if (type.Parameters.Count == 0 && !entity.Headers.Contains(HeaderId.ContentType) && type.IsMimeType("text", "plain"))
        {
            writer.WriteAscii("(\"charset\" \"us-ascii\")");
        }
        else
        {
            WriteParameters(writer, type.Parameters, utf8);
        }

        writer.WriteByte((byte)' ');
        WriteHeaderValue(writer, entity.Headers[HeaderId.ContentId], utf8);
        writer.WriteByte((byte)' ');
        WriteHeaderValue(writer, entity.Headers[HeaderId.ContentDescription], utf8);
        writer.WriteByte((byte)' ');
        var encoding = entity.Headers[HeaderId.ContentTransferEncoding]?.Trim();
        WriteText(writer, string.IsNullOrEmpty(encoding) ? "7BIT" : encoding.ToUpperInvariant(), utf8);
        writer.WriteByte((byte)' ');
        writer.WriteNumber((ulong)node.ContentLength);

        if (node.IsMessage && type.IsMimeType("message", "rfc822") && node.Children.Count > 0 && node.EmbeddedHeaders is { } headers)
        {
            writer.WriteByte((byte)' ');
            EnvelopeWriter.Write(writer, headers.Envelope, utf8);
            writer.WriteByte((byte)' ');
            WriteNode(writer, node.Children[0], extensible, utf8);
            writer.WriteByte((byte)' ');
            writer.WriteNumber((ulong)node.Lines);
        }
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteByte((byte)' ');
            writer.WriteNumber((ulong)node.Lines);
        }

        if (extensible)
        {
            writer.WriteByte((byte)' ');
            WriteHeaderValue(writer, entity.Headers[HeaderId.ContentMd5], utf8);
            WriteDispositionLanguageLocation(writer, entity, utf8);
        }
    }

    /// <summary>body-fld-dsp SP body-fld-lang SP body-fld-loc.</summary>
    private static void WriteDispositionLanguageLocation(IBufferWriter<byte> writer, MimeEntity entity, bool utf8)
    {
        writer.WriteByte((byte)' ');
        if (entity.ContentDisposition is { } disposition)
        {
            writer.WriteByte((byte)'(');
            WriteText(writer, disposition.Disposition, utf8);
            writer.WriteByte((byte)' ');
            WriteParameters(writer, disposition.Parameters, utf8);
            writer.WriteByte((byte)')');
        }
        else
        {
            writer.WriteNil();
        }

        writer.WriteByte((byte)' ');
        var languages = entity.Headers[HeaderId.ContentLanguage]?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (languages.Length == 0)
        {
            writer.WriteNil();
        }
        else
        {
            writer.WriteByte((byte)'(');
            for (var i = 0; i < languages.Length; i++)
            {
                if (i > 0)
                {
                    writer.WriteByte((byte)' ');
                }

                WriteText(writer, languages[i], utf8);
            }

            writer.WriteByte((byte)')');
        }

        writer.WriteByte((byte)' ');
        WriteHeaderValue(writer, entity.Headers[HeaderId.ContentLocation], utf8);
    }

    private static void WriteParameters(IBufferWriter<byte> writer, ParameterList parameters, bool utf8)
    {
        if (parameters.Count == 0)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteByte((byte)'(');
        var first = true;
        foreach (var parameter in parameters)
        {
            if (!first)
            {
                writer.WriteByte((byte)' ');
            }

            first = false;
            WriteText(writer, parameter.Name, utf8);
            writer.WriteByte((byte)' ');
            WriteText(writer, parameter.Value ?? string.Empty, utf8);
        }

        writer.WriteByte((byte)')');
    }

    private static void WriteHeaderValue(IBufferWriter<byte> writer, string? value, bool utf8) =>
        WriteNText(writer, value?.Trim() is { Length: > 0 } trimmed ? trimmed : null, utf8);

    private static void WriteNText(IBufferWriter<byte> writer, string? value, bool utf8)
    {
        if (value is null)
        {
            writer.WriteNil();
        }
        else
        {
            WriteText(writer, value, utf8);
        }
    }

    /// <summary>Decoded parameter values may be Unicode (RFC 2231); a 7-bit client gets them as RFC 2047 words.</summary>
    private static void WriteText(IBufferWriter<byte> writer, string value, bool utf8)
    {
        if (utf8 || Ascii.IsValid(value))
        {
            writer.WriteString(value, utf8);
        }
        else
        {
            writer.WriteString(Rfc2047.EncodeText(SevenBit, Encoding.UTF8, value), utf8: false);
        }
    }

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        return options;
    }
}
