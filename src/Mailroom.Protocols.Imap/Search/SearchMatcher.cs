using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;
using MimeKit.Utils;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// Decides whether a message matches SEARCH criteria. Everything the store indexes is matched first; the message text
/// is read only when the answer still depends on a BODY/TEXT/HEADER key after that (three-valued evaluation), so
/// <c>UNSEEN BODY x</c> never opens a seen message. Text matching is a case-insensitive substring match on Unicode
/// text (RFC 9051 §6.4.4; simple case folding).
/// </summary>
public sealed class SearchMatcher
{
    private readonly SearchKey key;
    private readonly SearchEnvironment environment;
    private readonly bool textNeedsBody;
    private readonly Dictionary<SequenceKey, (uint Low, uint High)[]> ranges = new(ReferenceEqualityComparer.Instance);

    public SearchMatcher(SearchKey key, SearchEnvironment environment)
    {
        this.key = key;
        this.environment = environment;
        textNeedsBody = Walk(key).OfType<TextKey>().Any();
        foreach (var sequence in Walk(key).OfType<SequenceKey>())
        {
            var largest = sequence.Uid ? environment.LargestUid : environment.LargestSequence;
            ranges[sequence] = sequence.Set.IsSavedResult ? [] : sequence.Set.Resolve(largest).ToArray();
        }
    }

    public bool NeedsHeaders => key.NeedsHeaders;

    public async ValueTask<bool> MatchesAsync(MessageRecord message, uint sequence, CancellationToken cancellationToken)
    {
        if (Evaluate(key, message, sequence, null) is { } answer)
        {
            return answer;
        }

        var loader = environment.LoadText ?? throw new InvalidOperationException("These criteria need the message text.");
        var text = await loader(message, textNeedsBody, cancellationToken);
        return Evaluate(key, message, sequence, text) ?? false;
    }

    /// <summary>True, false, or null when the answer depends on text not loaded yet.</summary>
    private bool? Evaluate(SearchKey node, MessageRecord m, uint sequence, MessageText? text)
    {
        switch (node)
        {
            case AllKey:
                return true;
            case FlagKey flag:
                return m.Flags.HasFlag(flag.Flag) == flag.Set;
            case KeywordKey keyword:
                return HasKeyword(m, keyword.Keyword) == keyword.Set;
            case RecentKey recent:
                return environment.IsRecent(m.Uid) == recent.Set;
            case SizeKey size:
                return size.Larger ? m.Size > size.Size : m.Size < size.Size;
            case ModSeqKey modSeq:
                return m.ModSeq >= modSeq.ModSeq;
            case SequenceKey set:
                return set.Set.IsSavedResult ? environment.InSavedResult(m.Uid) : InRanges(ranges[set], set.Uid ? m.Uid : sequence);
            case DateKey date:
                return CompareDate(date, m);
            case AddressKey address:
                return ContainsFolded(AddressText(m.Headers, address.Field), address.Value);
            case SubjectKey subject:
                return ContainsFolded(m.Headers?.Subject, subject.Value);
            case HeaderKey header when HeaderKeys.IsIndexed(header.Field):
                return MatchIndexedHeader(m.Headers, header);
            case HeaderKey header:
                return text is null ? null : text.HeaderFields.Any(f => f.Key.Equals(header.Field, StringComparison.OrdinalIgnoreCase) && Contains(f.Value, header.Value));
            case TextKey body:
                return text is null ? null : Contains(text.Body, body.Value)
                    || (body.IncludeHeader && text.HeaderFields.Any(f => Contains(f.Value, body.Value) || Contains(f.Key, body.Value)));
            case NotKey not:
                return !Evaluate(not.Inner, m, sequence, text);
            case OrKey or:
                var left = Evaluate(or.Left, m, sequence, text);
                if (left == true)
                {
                    return true;
                }

                var right = Evaluate(or.Right, m, sequence, text);
                return right == true ? true : left is null || right is null ? null : false;
            case AndKey and:
                var unknown = false;
                foreach (var child in and.Keys)
                {
                    switch (Evaluate(child, m, sequence, text))
                    {
                        case false:
                            return false;
                        case null:
                            unknown = true;
                            break;
                    }
                }

                return unknown ? null : true;
            default:
                return false;
        }
    }

    private static bool HasKeyword(MessageRecord m, string keyword)
    {
        if (keyword.StartsWith('\\'))
        {
            return SystemFlag(keyword) is { } flag && m.Flags.HasFlag(flag);
        }

        foreach (var k in m.Keywords)
        {
            if (k.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static MessageFlags? SystemFlag(string name) => name.ToUpperInvariant() switch
    {
        "\\SEEN" => MessageFlags.Seen,
        "\\ANSWERED" => MessageFlags.Answered,
        "\\FLAGGED" => MessageFlags.Flagged,
        "\\DELETED" => MessageFlags.Deleted,
        "\\DRAFT" => MessageFlags.Draft,
        _ => null,
    };

    private static bool InRanges((uint Low, uint High)[] set, uint value)
    {
        foreach (var (low, high) in set)
        {
            if (value >= low && value <= high)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 9051 §6.4.4: dates compare by calendar day, "disregarding time and timezone".</summary>
    private bool CompareDate(DateKey key, MessageRecord m)
    {
        DateOnly day;
        if (key.Field == DateField.Internal)
        {
            day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.InternalDate, environment.TimeZone).DateTime);
        }
        else if (SentDay(m) is { } sent)
        {
            day = sent;
        }
        else
        {
            return false;
        }

        return key.Comparison switch
        {
            DateComparison.Before => day < key.Date,
            DateComparison.On => day == key.Date,
            _ => day >= key.Date,
        };
    }

    /// <summary>The Date header's own calendar day (its written zone), falling back to the indexed instant in UTC.</summary>
    private static DateOnly? SentDay(MessageRecord m)
    {
        if (m.Headers?.Envelope.Date is { } raw && DateUtils.TryParse(raw, out var parsed))
        {
            return DateOnly.FromDateTime(parsed.DateTime);
        }

        var sent = m.Headers?.SentDate ?? m.SentDate;
        return sent is { } s ? DateOnly.FromDateTime(s.UtcDateTime) : null;
    }

    private static string? AddressText(IndexedHeaders? headers, AddressField field) => field switch
    {
        AddressField.From => headers?.SearchFrom,
        AddressField.To => headers?.SearchTo,
        AddressField.Cc => headers?.SearchCc,
        _ => headers?.SearchBcc,
    };

    /// <summary>HEADER on an indexed field; an empty string matches any message that has the field (RFC 9051 §6.4.4).</summary>
    private static bool MatchIndexedHeader(IndexedHeaders? headers, HeaderKey header)
    {
        var value = header.Field.ToUpperInvariant() switch
        {
            "SUBJECT" => headers?.Envelope.Subject is null ? null : headers.Subject,
            "FROM" => NullIfEmpty(headers?.SearchFrom),
            "TO" => NullIfEmpty(headers?.SearchTo),
            "CC" => NullIfEmpty(headers?.SearchCc),
            "BCC" => NullIfEmpty(headers?.SearchBcc),
            "MESSAGE-ID" => headers?.Envelope.MessageId,
            "IN-REPLY-TO" => headers?.Envelope.InReplyTo,
            _ => headers?.Envelope.Date,
        };
        return value is not null && ContainsFolded(value, header.Value);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Indexed header text: folded as the store folds it, so its prefilter and this test agree exactly.</summary>
    private static bool ContainsFolded(string? haystack, string needle) =>
        haystack is not null && SearchText.Contains(haystack, needle);

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<SearchKey> Walk(SearchKey node)
    {
        yield return node;
        IEnumerable<SearchKey> children = node switch
        {
            NotKey not => [not.Inner],
            OrKey or => [or.Left, or.Right],
            AndKey and => and.Keys,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}
