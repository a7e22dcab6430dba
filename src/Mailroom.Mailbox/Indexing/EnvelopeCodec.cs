using System.Buffers;
using System.Text;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// The stored form of an ENVELOPE: a compact binary encoding that FETCH ENVELOPE walks in place, writing each field's
/// UTF-8 bytes straight into the response, instead of JSON that had to be parsed into objects and strings first (the
/// former encoding cost more than the rest of a FETCH ENVELOPE over a large folder).
/// <code>
/// envelope = %x01 nstr(date) nstr(subject) list(from) list(sender) list(reply-to) list(to) list(cc) list(bcc)
///            nstr(in-reply-to) nstr(message-id)
/// nstr     = varint(0)  ; NIL
///          / varint(n + 1) n*OCTET ; UTF-8
/// list     = varint(0)  ; same as From (Sender and Reply-To only, RFC 3501 §7.4.2 defaulting, the common case)
///          / varint(count + 1) count*(nstr(name) nstr(route) nstr(mailbox) nstr(host))
/// </code>
/// Varints are unsigned LEB128.
/// </summary>
public static class EnvelopeCodec
{
    public const byte Version = 1;

    public static byte[] Encode(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.GetSpan(1)[0] = Version;
        buffer.Advance(1);
        WriteString(buffer, envelope.Date);
        WriteString(buffer, envelope.Subject);
        WriteList(buffer, envelope.From, null);
        WriteList(buffer, envelope.Sender, envelope.From);
        WriteList(buffer, envelope.ReplyTo, envelope.From);
        WriteList(buffer, envelope.To, null);
        WriteList(buffer, envelope.Cc, null);
        WriteList(buffer, envelope.Bcc, null);
        WriteString(buffer, envelope.InReplyTo);
        WriteString(buffer, envelope.MessageId);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes into objects (SEARCH, THREAD and tests use these); throws <see cref="InvalidDataException"/> on damage.</summary>
    public static MessageEnvelope Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return MessageEnvelope.Empty;
        }

        var reader = new EnvelopeReader(data);
        var date = reader.ReadString();
        var subject = reader.ReadString();
        var from = ReadList(ref reader, []);
        var sender = ReadList(ref reader, from);
        var replyTo = ReadList(ref reader, from);
        var to = ReadList(ref reader, []);
        var cc = ReadList(ref reader, []);
        var bcc = ReadList(ref reader, []);
        var inReplyTo = reader.ReadString();
        var messageId = reader.ReadString();
        return new MessageEnvelope(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId);
    }

    private static IReadOnlyList<EnvelopeAddress> ReadList(ref EnvelopeReader reader, IReadOnlyList<EnvelopeAddress> sameAs)
    {
        var count = reader.ReadListHeader();
        if (count < 0)
        {
            return sameAs;
        }

        var list = new EnvelopeAddress[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = new EnvelopeAddress(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        }

        return list;
    }

    private static void WriteList(ArrayBufferWriter<byte> buffer, IReadOnlyList<EnvelopeAddress> list, IReadOnlyList<EnvelopeAddress>? from)
    {
        if (from is not null && list.Count > 0 && list.SequenceEqual(from))
        {
            WriteVarint(buffer, 0);
            return;
        }

        WriteVarint(buffer, (uint)list.Count + 1);
        foreach (var address in list)
        {
            WriteString(buffer, address.Name);
            WriteString(buffer, address.Route);
            WriteString(buffer, address.Mailbox);
            WriteString(buffer, address.Host);
        }
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            WriteVarint(buffer, 0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint(buffer, (uint)length + 1);
        buffer.Advance(Encoding.UTF8.GetBytes(value, buffer.GetSpan(length)));
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        var span = buffer.GetSpan(5);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        buffer.Advance(n);
    }
}

/// <summary>
/// Walks an <see cref="EnvelopeCodec"/> encoding field by field without allocating: strings come back as spans of the
/// stored UTF-8. Callers read the fields in their fixed order.
/// </summary>
public ref struct EnvelopeReader
{
    private readonly ReadOnlySpan<byte> data;
    private int position;

    public EnvelopeReader(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data[0] != EnvelopeCodec.Version)
        {
            throw new InvalidDataException("Not an encoded envelope (unknown version).");
        }

        this.data = data;
        position = 1;
    }

    /// <summary>Where the reader is; with <see cref="Rewind"/>, lets a writer print From again for Sender/Reply-To.</summary>
    public readonly int Position => position;

    public void Rewind(int to) => position = to;

    /// <summary>False for NIL; otherwise the string's UTF-8 bytes.</summary>
    public bool TryReadString(out ReadOnlySpan<byte> value)
    {
        var header = ReadVarint();
        if (header == 0)
        {
            value = default;
            return false;
        }

        var length = header - 1;
        if (length > (uint)(data.Length - position))
        {
            throw new InvalidDataException("Encoded envelope string runs past its end.");
        }

        value = data.Slice(position, (int)length);
        position += (int)length;
        return true;
    }

    public string? ReadString() => TryReadString(out var value) ? Encoding.UTF8.GetString(value) : null;

    /// <summary>The number of addresses that follow, or -1 for "the same as From".</summary>
    public int ReadListHeader()
    {
        var header = ReadVarint();
        if (header == 0)
        {
            return -1;
        }

        // Each address takes at least four bytes, so a count the rest cannot hold is damage.
        var count = header - 1;
        if (count > (uint)(data.Length - position) / 4)
        {
            throw new InvalidDataException("Encoded envelope address list runs past its end.");
        }

        return (int)count;
    }

    /// <summary>Skips one address list (its header included).</summary>
    public void SkipList()
    {
        var count = ReadListHeader();
        for (var i = 0; i < count * 4; i++)
        {
            TryReadString(out _);
        }
    }

    private uint ReadVarint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("Encoded envelope ends early.");
            }

            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Encoded envelope has an overlong number.");
    }
}
