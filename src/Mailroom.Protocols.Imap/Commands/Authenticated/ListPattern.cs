using System.Text;
using System.Text.RegularExpressions;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// A LIST pattern (RFC 9051 §6.3.9): reference and pattern joined, "*" matching anything, "%" anything but the
/// hierarchy delimiter. Names compare case-insensitively, as folder names are unique regardless of case.
/// </summary>
internal sealed class ListPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    public ListPattern(string reference, string pattern)
    {
        var full = reference.Length > 0 && pattern.StartsWith(ImapMailboxNames.Delimiter) && reference.EndsWith(ImapMailboxNames.Delimiter)
            ? reference + pattern[1..]
            : reference + pattern;
        var regex = new StringBuilder("^");
        foreach (var c in full)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '%' => "[^" + Regex.Escape(ImapMailboxNames.Delimiter.ToString()) + "]*",
                _ => Regex.Escape(c.ToString()),
            });
        }

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
    }

    public bool Matches(string name)
    {
        try
        {
            return _regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
