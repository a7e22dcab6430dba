namespace Mailroom.Mailboxes.Model;

/// <summary>
/// Rules for folder paths: levels separated by '/', no empty level, no IMAP LIST wildcards ('%', '*') so every name
/// can be matched literally, no control characters, and case-insensitive uniqueness as in Exchange (which also makes
/// "INBOX" find Inbox, RFC 9051 §5.1).
/// </summary>
public static class FolderNames
{
    public const int MaxLength = 1024;
    public const int MaxLevelLength = 255;

    /// <summary>Returns the trimmed name or throws <see cref="FolderOperationException"/> with <see cref="FolderError.InvalidName"/>.</summary>
    public static string Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxLength)
        {
            throw Invalid(name, "is empty or too long");
        }

        foreach (var level in name.Split(MailFolder.Delimiter))
        {
            if (level.Length == 0 || level.Length > MaxLevelLength || level.Trim().Length != level.Length)
            {
                throw Invalid(name, "has an empty, over-long or space-padded level");
            }
        }

        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '%' or '*' || char.IsSurrogate(c) && !HasValidSurrogates(name))
            {
                throw Invalid(name, "contains a wildcard, control character or broken UTF-16");
            }
        }

        return name;
    }

    /// <summary>The case-insensitive uniqueness key.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>Every proper ancestor, outermost first: "a/b/c" gives "a", "a/b".</summary>
    public static IEnumerable<string> Ancestors(string name)
    {
        for (var i = name.IndexOf(MailFolder.Delimiter); i >= 0; i = name.IndexOf(MailFolder.Delimiter, i + 1))
        {
            yield return name[..i];
        }
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="ancestor"/> or lies under it, case-insensitively.</summary>
    public static bool IsSameOrUnder(string name, string ancestor) =>
        Key(name) == Key(ancestor) || Key(name).StartsWith(Key(ancestor) + MailFolder.Delimiter, StringComparison.Ordinal);

    private static bool HasValidSurrogates(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static FolderOperationException Invalid(string name, string why) =>
        new(FolderError.InvalidName, $"The folder name '{name}' {why}.");
}
