using System.Buffers;
using System.Text;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Search;
using Mailroom.Protocols.Imap.Tests.Support;

namespace Mailroom.Protocols.Imap.Tests.Search;

public sealed class SearchTests
{
    private static readonly string[] Bodies =
    [
        "Date: Mon, 1 Jan 2024 23:30:00 -0500\r\nFrom: Ann Smith <ann@example.com>\r\nTo: bob@example.com\r\nSubject: Quarterly report\r\nX-Priority: 1\r\n\r\nThe numbers are in.\r\n",
        "Date: Tue, 2 Jan 2024 08:00:00 +0000\r\nFrom: =?utf-8?q?Zo=C3=AB?= <zoe@example.org>\r\nTo: ann@example.com\r\nCc: carl@example.net\r\nSubject: =?utf-8?q?Caf=C3=A9?= tomorrow\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nMeet at the CAF=C3=89 at noon.\r\n",
        "From: bob@example.com\r\nTo: ann@example.com\r\nSubject: no date\r\n\r\nnothing here\r\n",
    ];

    private static readonly MessageRecord[] Messages =
    [
        Record(1, Bodies[0], MessageFlags.Seen, ["$Work"], new DateTimeOffset(2024, 1, 2, 4, 30, 0, TimeSpan.Zero), modSeq: 5),
        Record(4, Bodies[1], MessageFlags.Flagged | MessageFlags.Answered, [], new DateTimeOffset(2024, 1, 2, 8, 0, 0, TimeSpan.Zero), modSeq: 9),
        Record(7, Bodies[2], MessageFlags.Deleted | MessageFlags.Draft, ["later"], new DateTimeOffset(2024, 1, 5, 12, 0, 0, TimeSpan.Zero), modSeq: 2),
    ];

    [Theory]
    [InlineData("ALL", "1 2 3")]
    [InlineData("SEEN", "1")]
    [InlineData("UNSEEN", "2 3")]
    [InlineData("ANSWERED FLAGGED", "2")]
    [InlineData("UNANSWERED", "1 3")]
    [InlineData("DELETED", "3")]
    [InlineData("UNDELETED", "1 2")]
    [InlineData("DRAFT", "3")]
    [InlineData("UNDRAFT UNFLAGGED", "1")]
    [InlineData("KEYWORD $work", "1")]
    [InlineData("UNKEYWORD later", "1 2")]
    [InlineData("KEYWORD \\Seen", "1")]
    [InlineData("FROM ann", "1")]
    [InlineData("FROM \"zoë\"", "2")]
    [InlineData("FROM ZOË", "2")]
    [InlineData("TO ann@example", "2 3")]
    [InlineData("CC carl", "2")]
    [InlineData("BCC carl", "")]
    [InlineData("SUBJECT café", "2")]
    [InlineData("SUBJECT REPORT", "1")]
    [InlineData("HEADER Subject \"\"", "1 2 3")]
    [InlineData("HEADER X-Priority 1", "1")]
    [InlineData("HEADER X-Priority \"\"", "1")]
    [InlineData("HEADER Date \"\"", "1 2")]
    [InlineData("BODY numbers", "1")]
    [InlineData("BODY café", "2")]
    [InlineData("BODY report", "")]
    [InlineData("TEXT report", "1")]
    [InlineData("TEXT x-priority", "1")]
    [InlineData("LARGER 150", "1 2")]
    [InlineData("SMALLER 150", "3")]
    [InlineData("BEFORE 2-Jan-2024", "")]
    [InlineData("ON 2-Jan-2024", "1 2")]
    [InlineData("SINCE 3-Jan-2024", "3")]
    [InlineData("SENTON 1-Jan-2024", "1")]
    [InlineData("SENTBEFORE 2-Jan-2024", "1")]
    [InlineData("SENTSINCE \"2-Jan-2024\"", "2")]
    [InlineData("1:2", "1 2")]
    [InlineData("2:*", "2 3")]
    [InlineData("*", "3")]
    [InlineData("UID 4:7", "2 3")]
    [InlineData("UID 5:6", "")]
    [InlineData("UID *", "3")]
    [InlineData("NOT SEEN", "2 3")]
    [InlineData("OR SEEN DELETED", "1 3")]
    [InlineData("OR (SEEN FROM ann) (FLAGGED BODY noon)", "1 2")]
    [InlineData("NOT (OR SEEN DELETED)", "2")]
    [InlineData("MODSEQ 5", "1 2")]
    [InlineData("MODSEQ \"/flags/\\\\seen\" all 9", "2")]
    [InlineData("RECENT", "3")]
    [InlineData("NEW", "3")]
    [InlineData("OLD", "1 2")]
    [InlineData("$", "2")]
    [InlineData("CHARSET UTF-8 FROM zoë", "2")]
    [InlineData("RETURN (MIN) SEEN", "1")]
    public async Task MatchesTheRightMessages(string criteria, string expected)
    {
        var query = SearchParser.Parse(Tokens.Parse(criteria), 0, SearchParserOptions.Default);
        var environment = new SearchEnvironment
        {
            TimeZone = TimeZoneInfo.Utc,
            LargestSequence = 3,
            LargestUid = 7,
            IsRecent = uid => uid >= 7,
            InSavedResult = uid => uid == 4,
            LoadText = (m, withBody, ct) => MessageText.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Bodies[Array.IndexOf(Messages, m)])), withBody, ct),
        };
        var matcher = new SearchMatcher(query.Key, environment);
        var matched = new List<uint>();
        for (var i = 0; i < Messages.Length; i++)
        {
            if (await matcher.MatchesAsync(Messages[i], (uint)i + 1, CancellationToken.None))
            {
                matched.Add((uint)i + 1);
            }
        }

        Assert.Equal(expected, string.Join(' ', matched));

        // The store's text filter for these criteria must let every matching message through (it only prefilters).
        var filter = SearchPrefilter.Build(query.Key);
        Assert.All(matched, n => Assert.True(PassesFilter(Messages[n - 1], filter), $"message {n} matched but the prefilter drops it"));
    }

    private static bool PassesFilter(MessageRecord message, IReadOnlyList<IReadOnlyList<TextCondition>> filter) =>
        filter.All(group => group.Any(c => SearchText.Fold(c.Field switch
        {
            IndexedText.Subject => message.Headers!.Subject,
            IndexedText.From => message.Headers!.SearchFrom,
            IndexedText.To => message.Headers!.SearchTo,
            IndexedText.Cc => message.Headers!.SearchCc,
            _ => message.Headers!.SearchBcc,
        }).Contains(SearchText.Fold(c.Value), StringComparison.Ordinal)));

    [Theory]
    [InlineData("ALL", "")]
    [InlineData("SUBJECT report FROM ann", "Subject:report & From:ann")]
    [InlineData("HEADER Subject quarterly", "Subject:quarterly")]
    [InlineData("HEADER TO bob BCC x", "To:bob & Bcc:x")]
    [InlineData("OR SUBJECT a TO b", "Subject:a|To:b")]
    [InlineData("OR (SUBJECT a FROM b) CC c", "Subject:a|Cc:c")]
    [InlineData("(SEEN SUBJECT a)", "Subject:a")]
    [InlineData("NOT SUBJECT a", "")]
    [InlineData("OR SUBJECT a BODY b", "")]
    [InlineData("OR SUBJECT a NOT FROM b", "")]
    [InlineData("SUBJECT \"\"", "")]
    [InlineData("HEADER Subject \"\"", "")]
    [InlineData("HEADER X-Priority 1", "")]
    [InlineData("HEADER Message-ID abc", "")]
    [InlineData("UNSEEN BODY x FROM ann", "From:ann")]
    public void TheStorePrefilterTakesTheHeaderKeysEveryMatchNeeds(string criteria, string expected)
    {
        var query = SearchParser.Parse(Tokens.Parse(criteria), 0, SearchParserOptions.Default);

        var filter = SearchPrefilter.Build(query.Key);

        Assert.Equal(expected, string.Join(" & ", filter.Select(g => string.Join('|', g.Select(c => $"{c.Field}:{c.Value}")))));
    }

    [Fact]
    public async Task ReadsTheTextOnlyWhenTheIndexCannotDecide()
    {
        var query = SearchParser.Parse(Tokens.Parse("UNSEEN BODY x"), 0, SearchParserOptions.Default);
        var loads = 0;
        var matcher = new SearchMatcher(query.Key, new SearchEnvironment
        {
            LoadText = (m, withBody, ct) =>
            {
                loads++;
                return Task.FromResult(new MessageText([], "x"));
            },
        });
        Assert.False(await matcher.MatchesAsync(Messages[0], 1, CancellationToken.None));
        Assert.Equal(0, loads);
        Assert.True(await matcher.MatchesAsync(Messages[1], 2, CancellationToken.None));
        Assert.Equal(1, loads);
    }

    [Theory]
    [InlineData("RETURN (MIN MAX COUNT ALL)", "1 2 3 5 9", true, "* ESEARCH (TAG \"A1\") UID MIN 1 MAX 9 COUNT 5 ALL 1:3,5,9\r\n")]
    [InlineData("RETURN ()", "4", false, "* ESEARCH (TAG \"A1\") ALL 4\r\n")]
    [InlineData("RETURN (COUNT MIN)", "", true, "* ESEARCH (TAG \"A1\") UID COUNT 0\r\n")]
    public void FormatsEsearch(string returnText, string numbers, bool uid, string expected)
    {
        var query = SearchParser.Parse(Tokens.Parse(returnText + " ALL"), 0, SearchParserOptions.Default);
        var result = new SearchResult();
        foreach (var n in numbers.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            result.Add(uint.Parse(n, System.Globalization.CultureInfo.InvariantCulture), 1);
        }

        var buffer = new ArrayBufferWriter<byte>();
        result.WriteEsearch(buffer, "A1", uid, query.EffectiveReturn, withModSeq: false);
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void FormatsClassicSearchWithModSeq()
    {
        var result = new SearchResult();
        result.Add(2, 10);
        result.Add(6, 917162500);
        var buffer = new ArrayBufferWriter<byte>();
        result.WriteSearch(buffer, withModSeq: true);
        Assert.Equal("* SEARCH 2 6 (MODSEQ 917162500)\r\n", Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("RETURN (SAVE MIN MAX)", "1 5 9", "1 9")]
    [InlineData("RETURN (SAVE MIN COUNT)", "1 5 9", "1 5 9")]
    [InlineData("RETURN (SAVE)", "1 5", "1 5")]
    public void SavesWhatRfc5182Says(string returnText, string numbers, string saved)
    {
        var query = SearchParser.Parse(Tokens.Parse(returnText + " ALL"), 0, SearchParserOptions.Default);
        var result = new SearchResult();
        foreach (var n in numbers.Split(' '))
        {
            result.Add(uint.Parse(n, System.Globalization.CultureInfo.InvariantCulture), 1);
        }

        Assert.Equal(saved, string.Join(' ', result.SavedNumbers(query.EffectiveReturn)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("BOGUS")]
    [InlineData("FROM")]
    [InlineData("()")]
    [InlineData("OR SEEN")]
    [InlineData("NOT")]
    [InlineData("BEFORE 32-Jan-2024")]
    [InlineData("BEFORE 1-Foo-2024")]
    [InlineData("BEFORE 2024-01-01")]
    [InlineData("LARGER -1")]
    [InlineData("LARGER 4294967296")]
    [InlineData("UID 0")]
    [InlineData("1:4294967296")]
    [InlineData("*:*x")]
    [InlineData("KEYWORD a(b")]
    [InlineData("HEADER \"\" x")]
    [InlineData("RETURN (BOGUS) ALL")]
    [InlineData("RETURN ALL")]
    [InlineData("MODSEQ \"/flags/x\" bogus 5")]
    [InlineData("MODSEQ 9223372036854775808")]
    [InlineData("CHARSET")]
    public void RefusesBadCriteria(string criteria) =>
        Assert.Throws<ArgumentSyntaxException>(() => SearchParser.Parse(Tokens.Parse(criteria), 0, SearchParserOptions.Default));

    [Fact]
    public void UnknownCharsetIsARefusalWithBadCharset()
    {
        var error = Assert.Throws<ArgumentSyntaxException>(() => SearchParser.Parse(Tokens.Parse("CHARSET KOI8-R ALL"), 0, SearchParserOptions.Default));
        Assert.True(error.IsRefusal);
        Assert.StartsWith("BADCHARSET", error.ResponseCode, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        var tokens = Enumerable.Repeat(ImapToken.Atom("NOT"), 10_000).Append(ImapToken.Atom("ALL")).ToList();
        Assert.Throws<ArgumentSyntaxException>(() => SearchParser.Parse(tokens, 0, SearchParserOptions.Default));
    }

    private static MessageRecord Record(uint uid, string body, MessageFlags flags, string[] keywords, DateTimeOffset internalDate, ulong modSeq)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = MessageIndexer.Index(bytes);
        return new MessageRecord(uid, modSeq, flags, keywords, bytes.Length, internalDate, BlobId.FromHash(new byte[32]), headers.SentDate) { Headers = headers };
    }
}
