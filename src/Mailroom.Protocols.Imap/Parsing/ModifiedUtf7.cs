using System.Text;

namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// IMAP4rev1's mailbox name encoding (RFC 3501 §5.1.3): printable ASCII stands for itself except "&amp;" ("&amp;-"),
/// everything else is UTF-16BE in modified base64 ("," for "/", no padding) between "&amp;" and "-".
/// IMAP4rev2 and UTF8=ACCEPT sessions use UTF-8 instead (RFC 9051 §5.1, RFC 6855 §3).
/// </summary>
public static class ModifiedUtf7
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    public static string Encode(string name)
    {
        var result = new StringBuilder(name.Length);
        var i = 0;
        while (i < name.Length)
        {
            var c = name[i];
            if (c == '&')
            {
                result.Append("&-");
                i++;
            }
            else if (c is >= ' ' and <= '~')
            {
                result.Append(c);
                i++;
            }
            else
            {
                var start = i;
                while (i < name.Length && name[i] is < ' ' or > '~')
                {
                    i++;
                }

                result.Append('&').Append(EncodeBase64(Encoding.BigEndianUnicode.GetBytes(name[start..i]))).Append('-');
            }
        }

        return result.ToString();
    }

    /// <summary>Decodes; false for text that is not valid modified UTF-7 (the name is then taken as it is).</summary>
    public static bool TryDecode(string text, out string name)
    {
        name = text;
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text.All(c => c is >= ' ' and <= '~');
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is < ' ' or > '~')
            {
                return false;
            }

            if (c != '&')
            {
                result.Append(c);
                i++;
                continue;
            }

            var end = text.IndexOf('-', i + 1);
            if (end < 0)
            {
                return false;
            }

            if (end == i + 1)
            {
                result.Append('&');
            }
            else if (DecodeBase64(text.AsSpan(i + 1, end - i - 1)) is { Length: > 0 and var length } bytes && length % 2 == 0)
            {
                var decoded = Encoding.BigEndianUnicode.GetString(bytes);
                // RFC 3501 §5.1.3: printable ASCII must not be encoded.
                if (decoded.Any(ch => ch is >= ' ' and <= '~'))
                {
                    return false;
                }

                result.Append(decoded);
            }
            else
            {
                return false;
            }

            i = end + 1;
        }

        name = result.ToString();
        return true;
    }

    private static string EncodeBase64(byte[] bytes)
    {
        var result = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 6)
            {
                bits -= 6;
                result.Append(Alphabet[(buffer >> bits) & 0x3F]);
            }
        }

        if (bits > 0)
        {
            result.Append(Alphabet[(buffer << (6 - bits)) & 0x3F]);
        }

        return result.ToString();
    }

    private static byte[]? DecodeBase64(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = ((buffer << 6) | value) & 0xFFFFFF;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        // Left-over bits must be zero padding (fewer than 6 of them).
        return bits < 6 && (buffer & ((1 << bits) - 1)) == 0 ? [.. bytes] : null;
    }
}
