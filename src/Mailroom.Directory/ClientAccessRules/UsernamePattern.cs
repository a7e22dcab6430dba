namespace Mailroom.Directory.ClientAccessRules;

/// <summary>
/// A value of <c>UsernameMatchesAnyOfPatterns</c>: text with <c>*</c> wildcards, matched case-insensitively against
/// the whole account name in <c>&lt;domain&gt;\&lt;user&gt;</c> form (exchange.md §3.4; Mailroom uses the UPN's
/// domain and local part, e.g. <c>contoso.com\jeff</c>). Other characters need no escaping.
/// </summary>
public static class UsernamePattern
{
    public const int MaxLength = 256;

    /// <summary>Null when the pattern is usable, else why not.</summary>
    public static string? Validate(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "A user name pattern can't be empty.";
        }

        if (pattern.Length > MaxLength)
        {
            return $"The user name pattern \"{pattern[..32]}...\" is longer than {MaxLength} characters.";
        }

        return pattern.Any(char.IsControl) ? $"The user name pattern \"{pattern}\" contains a control character." : null;
    }

    /// <summary>The account name a pattern is matched against: <c>domain\user</c> from the UPN.</summary>
    public static string AccountName(string userPrincipalName)
    {
        var at = userPrincipalName.LastIndexOf('@');
        return at <= 0 ? userPrincipalName : $"{userPrincipalName[(at + 1)..]}\\{userPrincipalName[..at]}";
    }

    public static bool Matches(string pattern, string accountName)
    {
        // A linear glob match (no regex backtracking), since patterns come from administrators and run per login.
        var (p, s, star, mark) = (0, 0, -1, 0);
        while (s < accountName.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(accountName[s]))
            {
                p++;
                s++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
