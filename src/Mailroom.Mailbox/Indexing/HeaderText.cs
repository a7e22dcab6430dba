using System.Text;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>Turns a header's raw bytes into the unfolded string ENVELOPE wants, whatever the charset mess.</summary>
internal static class HeaderText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Unfolds (RFC 5322 §2.2.3: CRLF before WSP is removed) and trims. Valid UTF-8 (RFC 6532) is read as such;
    /// other 8-bit bytes are read as Latin-1, the most common legacy charset, so nothing throws and nothing is lost.
    /// </summary>
    public static string Unfold(byte[] raw)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(raw);
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not '\r' and not '\n' and not '\0')
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim(' ', '\t');
    }

    /// <summary>Collapses runs of whitespace to one space, for decoded text meant for searching.</summary>
    public static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
