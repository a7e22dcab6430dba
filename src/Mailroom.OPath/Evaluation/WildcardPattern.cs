namespace Mailroom.OPath.Evaluation;

/// <summary>
/// A -like pattern in which <c>*</c> matches any run of characters (there is no other wildcard and
/// no escape). Matching ignores case, ordinal.
/// </summary>
internal sealed class WildcardPattern
{
    private const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;

    // Always at least two: the text before the first '*' and after the last one.
    private readonly string[] _segments;

    public WildcardPattern(string pattern)
    {
        if (!HasWildcard(pattern))
        {
            throw new ArgumentException("A wildcard pattern needs at least one '*'.", nameof(pattern));
        }

        _segments = pattern.Split('*');
    }

    public static bool HasWildcard(string pattern) => pattern.Contains('*', StringComparison.Ordinal);

    public bool IsMatch(string text)
    {
        var prefix = _segments[0];
        var suffix = _segments[^1];
        var end = text.Length - suffix.Length;
        if (end < prefix.Length || !text.StartsWith(prefix, Comparison) || !text.EndsWith(suffix, Comparison))
        {
            return false;
        }

        // With only '*' as a wildcard, taking the leftmost match of each middle segment is never
        // worse than any later one, so no backtracking is needed.
        var position = prefix.Length;
        for (var i = 1; i < _segments.Length - 1; i++)
        {
            var segment = _segments[i];
            var found = text.IndexOf(segment, position, end - position, Comparison);
            if (found < 0)
            {
                return false;
            }

            position = found + segment.Length;
        }

        return true;
    }
}
