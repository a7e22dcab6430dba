namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// Splits a message's header block into fields without trusting it: lines end in LF or CRLF, a line starting with
/// WSP continues the previous field, a line without a usable "name:" is skipped (mbox "From " lines, junk), and the
/// block ends at the first empty line or at the end of the bytes. Only the first occurrence of a name is kept, which
/// is the field RFC 5322 §3.6 allows once and the one ENVELOPE reports.
/// </summary>
internal static class HeaderBlock
{
    /// <summary>Reads at most <paramref name="limit"/> bytes, stopping at the blank line that ends the header.</summary>
    public static async Task<byte[]> ReadAsync(Stream message, int limit, CancellationToken cancellationToken)
    {
        var bounded = new BoundedReadStream(message, limit);
        var buffer = new byte[Math.Min(limit, 16 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    return buffer;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var read = await bounded.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer[..length];
            }

            var scanFrom = Math.Max(0, length - 2);
            length += read;
            if (EndOfHeader(buffer.AsSpan(scanFrom, length - scanFrom)) is var end and >= 0)
            {
                return buffer[..(scanFrom + end)];
            }
        }
    }

    /// <summary>The fields whose names (case-insensitive) are in <paramref name="wanted"/>, first occurrence each, with raw values.</summary>
    public static Dictionary<string, byte[]> Parse(ReadOnlySpan<byte> block, IReadOnlySet<string> wanted)
    {
        var fields = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        var valueStart = 0;
        var valueEnd = 0;
        var pos = 0;
        while (pos < block.Length)
        {
            var lineEnd = block[pos..].IndexOf((byte)'\n') is var nl and >= 0 ? pos + nl : block.Length;
            var line = block[pos..lineEnd];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                valueEnd = Math.Min(lineEnd + 1, block.Length);
            }
            else
            {
                Keep(fields, name, block, valueStart, valueEnd);
                name = FieldName(line, wanted);
                valueStart = pos + line.IndexOf((byte)':') + 1;
                valueEnd = Math.Min(lineEnd + 1, block.Length);
            }

            pos = lineEnd + 1;
        }

        Keep(fields, name, block, valueStart, valueEnd);
        return fields;
    }

    private static void Keep(Dictionary<string, byte[]> fields, string? name, ReadOnlySpan<byte> block, int start, int end)
    {
        if (name is not null && !fields.ContainsKey(name))
        {
            fields[name] = block[start..Math.Max(start, end)].ToArray();
        }
    }

    /// <summary>The field name if the line is "name:" with a printable-ASCII name (WSP before the colon is obsolete syntax, allowed).</summary>
    private static string? FieldName(ReadOnlySpan<byte> line, IReadOnlySet<string> wanted)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return null;
        }

        var raw = line[..colon].TrimEnd(" \t"u8);
        if (raw.IsEmpty || raw.IndexOfAnyExceptInRange((byte)33, (byte)126) >= 0)
        {
            return null;
        }

        var name = System.Text.Encoding.ASCII.GetString(raw);
        return wanted.Contains(name) ? name : null;
    }

    /// <summary>Offset just past the blank line, or -1: "\n\n" or "\n\r\n".</summary>
    private static int EndOfHeader(ReadOnlySpan<byte> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != '\n')
            {
                continue;
            }

            if (i + 1 < span.Length && span[i + 1] == '\n')
            {
                return i + 2;
            }

            if (i + 2 < span.Length && span[i + 1] == '\r' && span[i + 2] == '\n')
            {
                return i + 3;
            }
        }

        return -1;
    }
}
