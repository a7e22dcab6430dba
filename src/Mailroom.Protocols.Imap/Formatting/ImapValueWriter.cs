using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Mailroom.Protocols.Imap.Formatting;

/// <summary>
/// Writes RFC 9051 data values (numbers, atoms, strings, nstrings, date-times) into a response buffer. Strings go out
/// quoted when they can (shorter, and what clients log readably) and as literals when they hold CR, LF, NUL, are long,
/// or hold 8-bit bytes the client has not allowed (UTF-8 is allowed in quoted strings only after ENABLE UTF8=ACCEPT or
/// IMAP4rev2, RFC 9051 §4.3 / RFC 6855 §3).
/// </summary>
public static class ImapValueWriter
{
    /// <summary>Longer strings go out as literals; keeps response lines short for clients that cap line length.</summary>
    public const int MaxQuotedLength = 1024;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static void WriteAscii(this IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        writer.Advance(text.Length);
    }

    public static void WriteByte(this IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteBytes(this IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        var span = writer.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
    }

    public static void WriteNumber(this IBufferWriter<byte> writer, ulong value)
    {
        var span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        writer.Advance(written);
    }

    public static void WriteNil(this IBufferWriter<byte> writer) => writer.WriteAscii("NIL");

    public static void WriteNString(this IBufferWriter<byte> writer, string? value, bool utf8)
    {
        if (value is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.WriteString(value, utf8);
        }
    }

    public static void WriteString(this IBufferWriter<byte> writer, string value, bool utf8) =>
        writer.WriteString(Encoding.UTF8.GetBytes(value), utf8);

    public static void WriteString(this IBufferWriter<byte> writer, ReadOnlySpan<byte> value, bool utf8)
    {
        if (CanQuote(value, utf8))
        {
            var escapes = 0;
            foreach (var b in value)
            {
                escapes += b is (byte)'"' or (byte)'\\' ? 1 : 0;
            }

            var span = writer.GetSpan(value.Length + escapes + 2);
            var n = 0;
            span[n++] = (byte)'"';
            foreach (var b in value)
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    span[n++] = (byte)'\\';
                }

                span[n++] = b;
            }

            span[n++] = (byte)'"';
            writer.Advance(n);
            return;
        }

        writer.WriteLiteralHeader(value.Length);
        writer.WriteBytes(value);
    }

    /// <summary><c>{n}</c> CRLF: what precedes a literal's bytes in a server response.</summary>
    public static void WriteLiteralHeader(this IBufferWriter<byte> writer, long length, bool literal8 = false)
    {
        if (literal8)
        {
            writer.WriteByte((byte)'~');
        }

        writer.WriteByte((byte)'{');
        writer.WriteNumber((ulong)length);
        writer.WriteAscii("}\r\n");
    }

    /// <summary>RFC 9051 date-time: <c>"dd-Mon-yyyy hh:mm:ss +zzzz"</c> with a space-padded day.</summary>
    public static void WriteDateTime(this IBufferWriter<byte> writer, DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"\"{value.Day,2}-{Months[value.Month - 1]}-{value.Year:D4} {value.Hour:D2}:{value.Minute:D2}:{value.Second:D2} {sign}{offset.Hours:D2}{offset.Minutes:D2}\"");
        writer.WriteAscii(text);
    }

    /// <summary>TEXT-CHAR only (no CR, LF, NUL), short, and 8-bit only when the client accepts UTF-8.</summary>
    private static bool CanQuote(ReadOnlySpan<byte> value, bool utf8)
    {
        if (value.Length > MaxQuotedLength)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b is 0 or (byte)'\r' or (byte)'\n' || (b >= 0x80 && !utf8))
            {
                return false;
            }
        }

        return !utf8 || System.Text.Unicode.Utf8.IsValid(value);
    }
}
