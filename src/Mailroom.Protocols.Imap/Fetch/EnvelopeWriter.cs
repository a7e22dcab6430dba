using System.Buffers;
using System.Text;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Protocols.Imap.Formatting;
using MimeKit;
using MimeKit.Utils;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// Writes the ENVELOPE structure (RFC 9051 §7.5.2) from the envelope indexed at delivery, so FETCH ENVELOPE never
/// opens the body. Display names are stored decoded; for clients that have not enabled UTF8=ACCEPT they are encoded
/// again as RFC 2047 words, which is what RFC 9051 expects of an envelope's 7-bit strings.
/// </summary>
public static class EnvelopeWriter
{
    private static readonly FormatOptions EncodingOptions = CreateOptions();

    public static void Write(IBufferWriter<byte> writer, MessageEnvelope envelope, bool utf8)
    {
        writer.WriteByte((byte)'(');
        writer.WriteNString(envelope.Date, utf8);
        writer.WriteByte((byte)' ');
        WriteText(writer, envelope.Subject, utf8);
        WriteAddresses(writer, envelope.From, utf8);
        WriteAddresses(writer, envelope.Sender, utf8);
        WriteAddresses(writer, envelope.ReplyTo, utf8);
        WriteAddresses(writer, envelope.To, utf8);
        WriteAddresses(writer, envelope.Cc, utf8);
        WriteAddresses(writer, envelope.Bcc, utf8);
        writer.WriteByte((byte)' ');
        writer.WriteNString(envelope.InReplyTo, utf8);
        writer.WriteByte((byte)' ');
        writer.WriteNString(envelope.MessageId, utf8);
        writer.WriteByte((byte)')');
    }

    /// <summary>The raw Subject, except raw 8-bit text for a 7-bit client, which is encoded (RFC 2047) rather than mangled.</summary>
    private static void WriteText(IBufferWriter<byte> writer, string? text, bool utf8)
    {
        if (text is null || utf8 || Ascii.IsValid(text))
        {
            writer.WriteNString(text, utf8);
            return;
        }

        writer.WriteString(Rfc2047.EncodeText(EncodingOptions, Encoding.UTF8, text), utf8: false);
    }

    private static void WriteAddresses(IBufferWriter<byte> writer, IReadOnlyList<EnvelopeAddress> addresses, bool utf8)
    {
        writer.WriteByte((byte)' ');
        if (addresses.Count == 0)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteByte((byte)'(');
        foreach (var address in addresses)
        {
            writer.WriteByte((byte)'(');
            WritePhrase(writer, address.Name, utf8);
            writer.WriteByte((byte)' ');
            writer.WriteNString(address.Route, utf8);
            writer.WriteByte((byte)' ');
            writer.WriteNString(address.Mailbox, utf8);
            writer.WriteByte((byte)' ');
            writer.WriteNString(address.Host, utf8);
            writer.WriteByte((byte)')');
        }

        writer.WriteByte((byte)')');
    }

    private static void WritePhrase(IBufferWriter<byte> writer, string? name, bool utf8)
    {
        if (name is null || utf8 || Ascii.IsValid(name))
        {
            writer.WriteNString(name, utf8);
            return;
        }

        writer.WriteString(Rfc2047.EncodePhrase(EncodingOptions, Encoding.UTF8, name), utf8: false);
    }

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        return options;
    }
}
