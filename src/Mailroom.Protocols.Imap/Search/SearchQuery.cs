namespace Mailroom.Protocols.Imap.Search;

/// <summary>RFC 4731 RETURN options and RFC 5182 SAVE.</summary>
[Flags]
public enum SearchReturnOptions
{
    None = 0,
    Min = 1,
    Max = 2,
    All = 4,
    Count = 8,
    Save = 16,
}

/// <summary>
/// A parsed SEARCH (or the search part of SORT/THREAD): the charset, RETURN options (null when RETURN was not given,
/// which means a classic <c>* SEARCH</c> answer for an IMAP4rev1 client), and the criteria.
/// </summary>
public sealed record SearchQuery(string? Charset, SearchReturnOptions? Return, SearchKey Key)
{
    /// <summary>RETURN () means RETURN (ALL) (RFC 4731 §3.1).</summary>
    public SearchReturnOptions EffectiveReturn => Return is null or SearchReturnOptions.None ? SearchReturnOptions.All : Return.Value;
}
