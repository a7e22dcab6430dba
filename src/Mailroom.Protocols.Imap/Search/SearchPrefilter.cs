using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// Turns the header keys of SEARCH criteria (SUBJECT, FROM, TO, CC, BCC, HEADER on those fields) into a store text
/// filter (<see cref="FetchRequest.TextFilter"/>), so the database passes over messages that cannot match instead of
/// the session decoding every message's header index. The filter is only ever a necessary condition: every message
/// the criteria match passes it, and <see cref="SearchMatcher"/> still decides each candidate, so NOT, OR with an
/// unindexed side, and empty strings (which match any message with the field) simply add nothing.
/// </summary>
public static class SearchPrefilter
{
    /// <summary>Groups that must all match; each group matches when any of its conditions does.</summary>
    public static IReadOnlyList<IReadOnlyList<TextCondition>> Build(SearchKey key)
    {
        var groups = new List<IReadOnlyList<TextCondition>>();
        Collect(key, groups);
        return groups;
    }

    private static void Collect(SearchKey key, List<IReadOnlyList<TextCondition>> groups)
    {
        if (key is AndKey and)
        {
            foreach (var child in and.Keys)
            {
                Collect(child, groups);
            }
        }
        else if (AnyOf(key) is { } group)
        {
            groups.Add(group);
        }
    }

    /// <summary>Conditions of which at least one holds whenever <paramref name="key"/> matches, or null if none is known.</summary>
    private static List<TextCondition>? AnyOf(SearchKey key) => key switch
    {
        SubjectKey { Value.Length: > 0 } subject => [new TextCondition(IndexedText.Subject, subject.Value)],
        AddressKey { Value.Length: > 0 } address => [new TextCondition(Field(address.Field), address.Value)],
        HeaderKey { Value.Length: > 0 } header when HeaderField(header.Field) is { } field => [new TextCondition(field, header.Value)],
        OrKey or => AnyOf(or.Left) is { } left && AnyOf(or.Right) is { } right ? [.. left, .. right] : null,
        AndKey and => and.Keys.Select(AnyOf).FirstOrDefault(g => g is not null),
        _ => null,
    };

    private static IndexedText Field(AddressField field) => field switch
    {
        AddressField.From => IndexedText.From,
        AddressField.To => IndexedText.To,
        AddressField.Cc => IndexedText.Cc,
        _ => IndexedText.Bcc,
    };

    /// <summary>HEADER fields matched against the same decoded text as SUBJECT/FROM/TO/CC/BCC (see SearchMatcher).</summary>
    private static IndexedText? HeaderField(string name) => name.ToUpperInvariant() switch
    {
        "SUBJECT" => IndexedText.Subject,
        "FROM" => IndexedText.From,
        "TO" => IndexedText.To,
        "CC" => IndexedText.Cc,
        "BCC" => IndexedText.Bcc,
        _ => null,
    };
}
