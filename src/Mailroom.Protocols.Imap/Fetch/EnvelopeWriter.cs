using System.Buffers;
using System.Text;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Protocols.Imap.Formatting;
using MimeKit;
using MimeKit.Utils;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// Writes the ENVELOPE structure (RFC 9051 §7.5.2) from the envelope indexed at delivery, so FETCH ENVELOPE never
/// opens the body. It walks the stored encoding (<see cref="EnvelopeCodec"/>) and copies each field's UTF-8 bytes
/// into the response, allocating nothing for ASCII envelopes. Display names are stored decoded; for clients that have
/// not enabled UTF8=ACCEPT, non-ASCII names and subjects are encoded again as RFC 2047 words, which is what RFC 9051
/// expects of an envelope's 7-bit strings.
/// </summary>
public static class EnvelopeWriter
{
    private static readonly FormatOptions EncodingOptions = CreateOptions();
    private static readonly byte[] EmptyEnvelope = EnvelopeCodec.Encode(MessageEnvelope.Empty);

    public static void Write(IBufferWriter<byte> writer, MessageEnvelope envelope, bool utf8) =>
        Write(writer, EnvelopeCodec.Encode(envelope), utf8);

    /// <summary>Writes from <see cref="EnvelopeCodec"/>'s encoding; empty means no envelope was indexed (all NIL).</summary>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> encoded, bool utf8)
    {
        var reader = new EnvelopeReader(encoded.IsEmpty ? EmptyEnvelope : encoded);
        writer.WriteByte((byte)'(');
        WriteNString(writer, ref reader, utf8);
        writer.WriteByte((byte)' ');
        WriteText(writer, ref reader, utf8, phrase: false);
        var from = reader.Position;
        for (var list = 0; list < 6; list++)
        {
            writer.WriteByte((byte)' ');
            WriteAddresses(writer, ref reader, from, utf8);
        }

        writer.WriteByte((byte)' ');
        WriteNString(writer, ref reader, utf8);
        writer.WriteByte((byte)' ');
        WriteNString(writer, ref reader, utf8);
        writer.WriteByte((byte)')');
    }

    private static void WriteNString(IBufferWriter<byte> writer, ref EnvelopeReader reader, bool utf8)
    {
        if (reader.TryReadString(out var value))
        {
            writer.WriteString(value, utf8);
        }
        else
        {
            writer.WriteNil();
        }
    }

    /// <summary>A subject or display name: raw 8-bit text for a 7-bit client is encoded (RFC 2047) rather than mangled.</summary>
    private static void WriteText(IBufferWriter<byte> writer, ref EnvelopeReader reader, bool utf8, bool phrase)
    {
        if (!reader.TryReadString(out var value))
        {
            writer.WriteNil();
        }
        else if (utf8 || Ascii.IsValid(value))
        {
            writer.WriteString(value, utf8);
        }
        else
        {
            var text = Encoding.UTF8.GetString(value);
            writer.WriteString(phrase
                ? Rfc2047.EncodePhrase(EncodingOptions, Encoding.UTF8, text)
                : Rfc2047.EncodeText(EncodingOptions, Encoding.UTF8, text), utf8: false);
        }
    }

    /// <summary>One address list; Sender and Reply-To stored as "same as From" print From's list again.</summary>
    private static void WriteAddresses(IBufferWriter<byte> writer, ref EnvelopeReader reader, int from, bool utf8)
    {
        var count = reader.ReadListHeader();
        if (count < 0)
        {
            var resume = reader.Position;
            reader.Rewind(from);
            WriteAddresses(writer, ref reader, from, utf8);
            reader.Rewind(resume);
            return;
        }

        if (count == 0)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteByte((byte)'(');
        for (var i = 0; i < count; i++)
        {
            writer.WriteByte((byte)'(');
            WriteText(writer, ref reader, utf8, phrase: true);
            writer.WriteByte((byte)' ');
            WriteNString(writer, ref reader, utf8);
            writer.WriteByte((byte)' ');
            WriteNString(writer, ref reader, utf8);
            writer.WriteByte((byte)' ');
            WriteNString(writer, ref reader, utf8);
            writer.WriteByte((byte)')');
        }

        writer.WriteByte((byte)')');
    }

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        return options;
    }
}
