using System.Text;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// The RFC 5256 §2.1 "base subject": the subject with reply/forward markers, list tags and "(fwd)" trailers removed,
/// used by SORT SUBJECT and THREAD. The input is already decoded from RFC 2047 (step 1's first half).
/// </summary>
public static class BaseSubject
{
    public static string Extract(string? subject)
    {
        var s = CollapseWhitespace(subject ?? string.Empty);
        while (true)
        {
            s = RemoveTrailers(s);
            s = RemoveLeadersAndBlobs(s);

            // Step 6: "[fwd: …]" wraps a forwarded subject; unwrap it and start over from step 2.
            if (s.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase) && s.EndsWith(']'))
            {
                s = s[5..^1];
                continue;
            }

            return s;
        }
    }

    /// <summary>The base subject with ASCII letters uppercased: i;ascii-casemap as a bytewise-comparable key.</summary>
    public static string SortKey(string? subject) => AsciiUpper(Extract(subject));

    public static string AsciiUpper(string s) =>
        string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] is >= 'a' and <= 'z' ? (char)(src[i] - 32) : src[i];
            }
        });

    /// <summary>Step 1's second half: tabs and folding become spaces, runs of spaces become one.</summary>
    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        // A trailing run is dropped here; a leading one too, which step 3 would remove anyway (subj-leader = WSP).
        return sb.ToString();
    }

    /// <summary>Step 2: strip subj-trailer ("(fwd)" / WSP) repeatedly.</summary>
    private static string RemoveTrailers(string s)
    {
        while (true)
        {
            if (s.EndsWith(' '))
            {
                s = s[..^1];
            }
            else if (s.EndsWith("(fwd)", StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^5];
            }
            else
            {
                return s;
            }
        }
    }

    /// <summary>Steps 3–5: strip subj-leader, then a subj-blob if something remains after it, until neither applies.</summary>
    private static string RemoveLeadersAndBlobs(string s)
    {
        while (true)
        {
            var changed = false;
            if (s.StartsWith(' '))
            {
                s = s[1..];
                changed = true;
            }
            else if (MatchLeader(s) is var leader and > 0)
            {
                s = s[leader..];
                changed = true;
            }

            if (MatchBlob(s, 0) is var blob and > 0 && s[blob..].Trim().Length > 0)
            {
                s = s[blob..];
                changed = true;
            }

            if (!changed)
            {
                return s;
            }
        }
    }

    /// <summary>subj-leader's first form: *subj-blob subj-refwd; returns its length or 0.</summary>
    private static int MatchLeader(string s)
    {
        var pos = 0;
        while (MatchBlob(s, pos) is var blob and > 0)
        {
            pos += blob;
        }

        // subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
        if (Prefix(s, pos, "re"))
        {
            pos += 2;
        }
        else if (Prefix(s, pos, "fwd"))
        {
            pos += 3;
        }
        else if (Prefix(s, pos, "fw"))
        {
            pos += 2;
        }
        else
        {
            return 0;
        }

        while (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }

        pos += MatchBlob(s, pos);
        return pos < s.Length && s[pos] == ':' ? pos + 1 : 0;
    }

    /// <summary>subj-blob = "[" *BLOBCHAR "]" *WSP, BLOBCHAR being any CHAR but brackets; returns its length or 0.</summary>
    private static int MatchBlob(string s, int start)
    {
        if (start >= s.Length || s[start] != '[')
        {
            return 0;
        }

        var pos = start + 1;
        while (pos < s.Length && s[pos] is not '[' and not ']')
        {
            pos++;
        }

        if (pos >= s.Length || s[pos] != ']')
        {
            return 0;
        }

        pos++;
        while (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }

        return pos - start;
    }

    private static bool Prefix(string s, int pos, string word) =>
        string.Compare(s, pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && pos + word.Length <= s.Length;
}
