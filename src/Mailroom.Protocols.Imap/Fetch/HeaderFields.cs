using System.Text;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// HEADER.FIELDS and HEADER.FIELDS.NOT (RFC 9051 §6.4.5): the header lines whose field names are (or are not) in the
/// list, compared case-insensitively, each with its continuation lines, followed by the blank line that ends a header.
/// </summary>
public static class HeaderFields
{
    public static byte[] Filter(ReadOnlySpan<byte> header, IReadOnlyList<string> names, bool exclude)
    {
        var output = new MemoryStream();
        var keep = false;
        var pos = 0;
        while (pos < header.Length)
        {
            var newline = header[pos..].IndexOf((byte)'\n');
            var end = newline < 0 ? header.Length : pos + newline + 1;
            var line = header[pos..end];
            if (IsBlank(line))
            {
                break;
            }

            if (line[0] is not ((byte)' ' or (byte)'\t'))
            {
                var colon = line.IndexOf((byte)':');
                keep = colon > 0 && Matches(line[..colon], names) != exclude;
            }

            if (keep)
            {
                output.Write(line);
                if (line[^1] != '\n')
                {
                    output.Write("\r\n"u8);
                }
            }

            pos = end;
        }

        output.Write("\r\n"u8);
        return output.ToArray();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line is [(byte)'\n'] or [(byte)'\r', (byte)'\n'];

    private static bool Matches(ReadOnlySpan<byte> name, IReadOnlyList<string> names)
    {
        name = name.TrimEnd((byte)' ').TrimEnd((byte)'\t');
        Span<char> chars = stackalloc char[Math.Min(name.Length, 256)];
        if (name.Length > chars.Length)
        {
            return false;
        }

        Encoding.Latin1.GetChars(name, chars);
        foreach (var wanted in names)
        {
            if (chars.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
