using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>What a session allows in SEARCH: the extensions it advertises.</summary>
public sealed record SearchParserOptions(bool AllowReturn = true, bool AllowModSeq = true)
{
    public static SearchParserOptions Default { get; } = new();

    /// <summary>SORT and THREAD put the charset first and take no RETURN (RFC 5256 §3).</summary>
    public static SearchParserOptions Criteria { get; } = new(AllowReturn: false);
}

/// <summary>
/// Parses SEARCH arguments, <c>[RETURN (…)] [CHARSET name] search-key…</c> (RFC 9051 §6.4.4, RFC 4731 §3.1,
/// RFC 5182, RFC 7162 §3.1.5), into a <see cref="SearchQuery"/>. Throws only <see cref="ArgumentSyntaxException"/>;
/// an unknown charset is a refusal carrying BADCHARSET.
/// </summary>
public static class SearchParser
{
    /// <summary>Deeper nesting (NOT NOT …, nested lists) is refused so a hostile command cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public const int MaxKeys = 1000;

    public static readonly string[] Charsets = ["UTF-8", "US-ASCII"];

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static SearchQuery Parse(IReadOnlyList<ImapToken> arguments, int start, SearchParserOptions options)
    {
        var cursor = new TokenCursor(arguments, start);
        SearchReturnOptions? returns = null;
        if (options.AllowReturn && cursor.Peek is { } first && first.IsAtom("RETURN"))
        {
            cursor.Next("RETURN");
            returns = ParseReturn(cursor.NextList("RETURN options"));
        }

        string? charset = null;
        if (cursor.Peek is { } next && next.IsAtom("CHARSET"))
        {
            cursor.Next("CHARSET");
            charset = ParseCharset(cursor.NextAString("charset"));
        }

        var state = new ParseState(options);
        var keys = new List<SearchKey>();
        do
        {
            keys.Add(ParseKey(cursor, state, 0));
        }
        while (!cursor.AtEnd);

        return new SearchQuery(charset, returns, keys.Count == 1 ? keys[0] : new AndKey(keys));
    }

    /// <summary>SORT and THREAD: a mandatory charset then the criteria.</summary>
    public static SearchQuery ParseWithCharset(IReadOnlyList<ImapToken> arguments, int start)
    {
        var cursor = new TokenCursor(arguments, start);
        var charset = ParseCharset(cursor.NextAString("charset"));
        var query = Parse(arguments, start + 1, SearchParserOptions.Criteria);
        return query with { Charset = charset };
    }

    public static string ParseCharset(string name) =>
        Charsets.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentSyntaxException($"Charset {TokenCursor.Truncate(name)} is not supported.", "BADCHARSET (UTF-8 US-ASCII)", isRefusal: true);

    private static SearchReturnOptions ParseReturn(IReadOnlyList<ImapToken> options)
    {
        var result = SearchReturnOptions.None;
        foreach (var option in options)
        {
            var name = option.Kind == ImapTokenKind.Atom ? option.Text.ToUpperInvariant() : string.Empty;
            result |= name switch
            {
                "MIN" => SearchReturnOptions.Min,
                "MAX" => SearchReturnOptions.Max,
                "ALL" => SearchReturnOptions.All,
                "COUNT" => SearchReturnOptions.Count,
                "SAVE" => SearchReturnOptions.Save,
                _ => throw new ArgumentSyntaxException($"Unknown RETURN option {option}."),
            };
        }

        return result;
    }

    private sealed class ParseState(SearchParserOptions options)
    {
        public SearchParserOptions Options { get; } = options;

        public int Count { get; set; }
    }

    private static SearchKey ParseKey(TokenCursor cursor, ParseState state, int depth)
    {
        if (depth > MaxDepth || ++state.Count > MaxKeys)
        {
            throw new ArgumentSyntaxException("Search criteria nested too deeply or too long.");
        }

        var token = cursor.Next("search key");
        if (token.Kind == ImapTokenKind.List)
        {
            if (token.Items.Count == 0)
            {
                throw new ArgumentSyntaxException("Empty search key list.");
            }

            var inner = new TokenCursor(token.Items);
            var keys = new List<SearchKey>();
            while (!inner.AtEnd)
            {
                keys.Add(ParseKey(inner, state, depth + 1));
            }

            return keys.Count == 1 ? keys[0] : new AndKey(keys);
        }

        if (token.Kind != ImapTokenKind.Atom)
        {
            throw new ArgumentSyntaxException($"Expected a search key, got {token}.");
        }

        var text = token.Text;
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '*' or '$'))
        {
            return SequenceSet.TryParse(text, out var set)
                ? new SequenceKey(set, Uid: false)
                : throw new ArgumentSyntaxException($"Invalid sequence set {TokenCursor.Truncate(text)}.");
        }

        switch (text.ToUpperInvariant())
        {
            case "ALL": return AllKey.Instance;
            case "ANSWERED": return new FlagKey(MessageFlags.Answered, true);
            case "DELETED": return new FlagKey(MessageFlags.Deleted, true);
            case "DRAFT": return new FlagKey(MessageFlags.Draft, true);
            case "FLAGGED": return new FlagKey(MessageFlags.Flagged, true);
            case "SEEN": return new FlagKey(MessageFlags.Seen, true);
            case "UNANSWERED": return new FlagKey(MessageFlags.Answered, false);
            case "UNDELETED": return new FlagKey(MessageFlags.Deleted, false);
            case "UNDRAFT": return new FlagKey(MessageFlags.Draft, false);
            case "UNFLAGGED": return new FlagKey(MessageFlags.Flagged, false);
            case "UNSEEN": return new FlagKey(MessageFlags.Seen, false);
            case "RECENT": return new RecentKey(true);
            case "OLD": return new RecentKey(false);
            case "NEW": return new AndKey([new RecentKey(true), new FlagKey(MessageFlags.Seen, false)]);
            case "KEYWORD": return new KeywordKey(ParseKeyword(cursor), true);
            case "UNKEYWORD": return new KeywordKey(ParseKeyword(cursor), false);
            case "FROM": return new AddressKey(AddressField.From, cursor.NextAString("FROM string"));
            case "TO": return new AddressKey(AddressField.To, cursor.NextAString("TO string"));
            case "CC": return new AddressKey(AddressField.Cc, cursor.NextAString("CC string"));
            case "BCC": return new AddressKey(AddressField.Bcc, cursor.NextAString("BCC string"));
            case "SUBJECT": return new SubjectKey(cursor.NextAString("SUBJECT string"));
            case "BODY": return new TextKey(cursor.NextAString("BODY string"), IncludeHeader: false);
            case "TEXT": return new TextKey(cursor.NextAString("TEXT string"), IncludeHeader: true);
            case "HEADER": return new HeaderKey(ParseFieldName(cursor), cursor.NextAString("HEADER string"));
            case "BEFORE": return new DateKey(DateField.Internal, DateComparison.Before, ParseDate(cursor));
            case "ON": return new DateKey(DateField.Internal, DateComparison.On, ParseDate(cursor));
            case "SINCE": return new DateKey(DateField.Internal, DateComparison.Since, ParseDate(cursor));
            case "SENTBEFORE": return new DateKey(DateField.Sent, DateComparison.Before, ParseDate(cursor));
            case "SENTON": return new DateKey(DateField.Sent, DateComparison.On, ParseDate(cursor));
            case "SENTSINCE": return new DateKey(DateField.Sent, DateComparison.Since, ParseDate(cursor));
            case "LARGER": return new SizeKey(true, cursor.NextNumber("LARGER size"));
            case "SMALLER": return new SizeKey(false, cursor.NextNumber("SMALLER size"));
            case "UID": return ParseUidSet(cursor);
            case "NOT": return new NotKey(ParseKey(cursor, state, depth + 1));
            case "OR":
                var left = ParseKey(cursor, state, depth + 1);
                return new OrKey(left, ParseKey(cursor, state, depth + 1));
            case "MODSEQ" when state.Options.AllowModSeq:
                return ParseModSeq(cursor);
            default:
                throw new ArgumentSyntaxException($"Unknown search key {TokenCursor.Truncate(text)}.");
        }
    }

    private static SearchKey ParseUidSet(TokenCursor cursor)
    {
        var text = cursor.NextAtom("UID set");
        return SequenceSet.TryParse(text, out var set)
            ? new SequenceKey(set, Uid: true)
            : throw new ArgumentSyntaxException($"Invalid UID set {TokenCursor.Truncate(text)}.");
    }

    /// <summary>RFC 7162: MODSEQ [entry-name entry-type-req] mod-sequence-valzer. Entries are per flag in the RFC; the store keeps one MODSEQ per message, which every entry then shares.</summary>
    private static SearchKey ParseModSeq(TokenCursor cursor)
    {
        if (cursor.Peek is { IsString: true })
        {
            cursor.Next("entry name");
            var type = cursor.NextAtom("entry type");
            if (!(type.Equals("priv", StringComparison.OrdinalIgnoreCase) || type.Equals("shared", StringComparison.OrdinalIgnoreCase)
                || type.Equals("all", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentSyntaxException("MODSEQ entry type is priv, shared or all.");
            }
        }

        return new ModSeqKey(cursor.NextNumber64("MODSEQ value"));
    }

    private static string ParseKeyword(TokenCursor cursor)
    {
        var keyword = cursor.NextAtom("keyword");
        return keyword.StartsWith('\\') || Keywords.IsValid(keyword)
            ? keyword
            : throw new ArgumentSyntaxException($"Invalid keyword {TokenCursor.Truncate(keyword)}.");
    }

    private static string ParseFieldName(TokenCursor cursor)
    {
        var name = cursor.NextAString("header field name");
        return name.Length > 0 && name.All(c => c is > ' ' and < (char)0x7F and not ':')
            ? name
            : throw new ArgumentSyntaxException("Invalid header field name.");
    }

    /// <summary>date = date-text / DQUOTE date-text DQUOTE; date-text = 1*2DIGIT "-" month "-" 4DIGIT.</summary>
    private static DateOnly ParseDate(TokenCursor cursor)
    {
        var token = cursor.Next("date");
        var text = token.Kind is ImapTokenKind.Atom or ImapTokenKind.Quoted ? token.Text : string.Empty;
        var parts = text.Split('-');
        if (parts.Length == 3 && parts[0].Length is 1 or 2 && parts[0].All(char.IsAsciiDigit)
            && Array.IndexOf(Months, parts[1].ToUpperInvariant()) is var month and >= 0
            && parts[2].Length == 4 && parts[2].All(char.IsAsciiDigit))
        {
            var day = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var year = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            if (year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month + 1))
            {
                return new DateOnly(year, month + 1, day);
            }
        }

        throw new ArgumentSyntaxException($"Invalid date {TokenCursor.Truncate(text)}; expected d-Mon-yyyy.");
    }
}
