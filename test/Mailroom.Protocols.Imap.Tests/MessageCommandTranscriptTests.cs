namespace Mailroom.Protocols.Imap.Tests;

/// <summary>FETCH, STORE, SEARCH, SORT, THREAD, COPY and MOVE through a whole session against the SQLite store.</summary>
public sealed class MessageCommandTranscriptTests
{
    private static async Task<ImapTestSession> StartWithMessagesAsync(int count)
    {
        var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        Assert.Contains(" OK ", (await session.CommandAsync("SELECT INBOX"))[^1]);
        for (var i = 1; i <= count; i++)
        {
            await session.DeliverAsync($"Subject {(char)('a' + count - i)}", $"Body number {i}");
        }

        Assert.Contains(" OK ", (await session.CommandAsync("NOOP"))[^1]);
        return session;
    }

    [Fact]
    public async Task FetchesSummariesAndBodies()
    {
        await using var session = await StartWithMessagesAsync(3);
        var lines = await session.CommandAsync("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)");
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("* 1 FETCH (UID 1 RFC822.SIZE ", lines[0]);
        Assert.Contains("ENVELOPE (NIL \"Subject c\" ((NIL NIL \"a\" \"example.com\"))", lines[0]);
        Assert.Contains("FLAGS (\\Recent)", lines[0]);
        Assert.Equal("A004 OK FETCH completed", lines[^1]);

        lines = await session.CommandAsync("UID FETCH 2 BODY.PEEK[TEXT]");
        Assert.Equal(["* 2 FETCH (UID 2 BODY[TEXT] {15}", "Body number 2", ")", "A005 OK UID FETCH completed"], lines);

        lines = await session.CommandAsync("FETCH 3 (BODY[HEADER.FIELDS (SUBJECT)] BODYSTRUCTURE)");
        Assert.Equal("* 3 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {22}", lines[0]);
        Assert.Equal("Subject: Subject a", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Equal(" BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 15 1 NIL NIL NIL NIL) FLAGS (\\Seen \\Recent))", lines[3]);

        lines = await session.CommandAsync("FETCH 3 FLAGS");
        Assert.Equal("* 3 FETCH (FLAGS (\\Seen \\Recent))", lines[0]);
    }

    [Theory]
    [InlineData("FETCH 4 FLAGS", "BAD")]
    [InlineData("FETCH 1 (FLAGS", "BAD")]
    [InlineData("FETCH 1 BOGUS", "BAD")]
    [InlineData("FETCH 1 BODY[1.]", "BAD")]
    [InlineData("FETCH 1 FLAGS (VANISHED)", "BAD")]
    [InlineData("STORE 1 +FLAGS (\\Bogus)", "BAD")]
    [InlineData("STORE 1 FLAGZ (\\Seen)", "BAD")]
    [InlineData("SEARCH BOGUS", "BAD")]
    [InlineData("SEARCH CHARSET KOI8-R ALL", "NO [BADCHARSET (UTF-8 US-ASCII)]")]
    [InlineData("SORT (DATE) UTF-8", "BAD")]
    [InlineData("SORT DATE UTF-8 ALL", "BAD")]
    [InlineData("THREAD FOO UTF-8 ALL", "BAD")]
    [InlineData("COPY 1 Nowhere", "NO [TRYCREATE]")]
    [InlineData("MOVE 1:9 Archive", "BAD")]
    [InlineData("FETCH 1:4294967296 FLAGS", "BAD")]
    [InlineData("UID FETCH 0:* FLAGS", "BAD")]
    [InlineData("FETCH 1,,2 FLAGS", "BAD")]
    public async Task RefusesBadCommandsAndCarriesOn(string command, string expected)
    {
        await using var session = await StartWithMessagesAsync(2);
        var lines = await session.CommandAsync(command);
        Assert.StartsWith($"A004 {expected}", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
    }

    [Fact]
    public async Task StoresFlagsWithConditionalStore()
    {
        await using var session = await StartWithMessagesAsync(3);
        var lines = await session.CommandAsync("STORE 1:2 +FLAGS (\\Flagged $Work)");
        Assert.Equal("* 1 FETCH (FLAGS (\\Flagged \\Recent $Work))", lines[0]);
        Assert.Equal("A004 OK STORE completed", lines[^1]);

        lines = await session.CommandAsync("UID STORE 1 -FLAGS.SILENT (\\Flagged)");
        Assert.Equal(["A005 OK UID STORE completed"], lines);

        lines = await session.CommandAsync("FETCH 1:3 (MODSEQ)");
        var modSeq = lines[1].Split("MODSEQ (")[1].TrimEnd(')');
        lines = await session.CommandAsync($"STORE 1:3 (UNCHANGEDSINCE {modSeq}) +FLAGS (\\Answered)");
        Assert.Equal("A007 OK [MODIFIED 1] Conditional STORE failed for some messages", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("* 2 FETCH (FLAGS (\\Answered \\Flagged \\Recent $Work) MODSEQ (", StringComparison.Ordinal));

        lines = await session.CommandAsync("SEARCH KEYWORD $Work");
        Assert.Equal("* SEARCH 1 2", lines[0]);
    }

    [Fact]
    public async Task SearchesSortsAndThreads()
    {
        await using var session = await StartWithMessagesAsync(4);
        Assert.Equal("* SEARCH 2", (await session.CommandAsync("SEARCH BODY \"number 2\""))[0]);
        Assert.Equal("* SEARCH 1 3", (await session.CommandAsync("SEARCH OR SUBJECT \"Subject d\" HEADER Subject \"Subject b\""))[0]);
        Assert.Equal("* ESEARCH (TAG \"A006\") UID MIN 1 MAX 4 COUNT 4 ALL 1:4", (await session.CommandAsync("UID SEARCH RETURN (MIN MAX COUNT ALL) ALL"))[0]);
        Assert.Equal(["A007 OK SEARCH completed"], await session.CommandAsync("SEARCH RETURN (SAVE) SUBJECT \"Subject c\""));
        Assert.Equal("* SEARCH 2", (await session.CommandAsync("SEARCH $"))[0]);
        Assert.Equal("* 2 FETCH (UID 2)", (await session.CommandAsync("FETCH $ UID"))[0]);
        Assert.Equal("* SORT 4 3 2 1", (await session.CommandAsync("SORT (SUBJECT) UTF-8 ALL"))[0]);
        Assert.Equal("* SORT 1 2 3", (await session.CommandAsync("UID SORT (ARRIVAL) US-ASCII UID 1:3"))[0]);
        Assert.Equal("* THREAD (1)(2)(3)(4)", (await session.CommandAsync("THREAD REFERENCES UTF-8 ALL"))[0]);
        Assert.Equal("* THREAD (3)(4)", (await session.CommandAsync("UID THREAD ORDEREDSUBJECT UTF-8 UID 3:4"))[0]);
    }

    [Fact]
    public async Task CopiesAndMovesWithUidPlus()
    {
        await using var session = await StartWithMessagesAsync(3);
        var lines = await session.CommandAsync("COPY 1:2 Archive");
        Assert.Matches(@"^A004 OK \[COPYUID \d+ 1:2 1:2\] COPY completed$", lines[^1]);

        lines = await session.CommandAsync("UID MOVE 2:3 Archive");
        Assert.Matches(@"^\* OK \[COPYUID \d+ 2:3 3:4\] Moved$", lines[0]);
        Assert.Equal(["* 2 EXPUNGE", "* 2 EXPUNGE"], lines.Skip(1).Take(2));
        Assert.Equal("A005 OK MOVE completed", lines[^1]);

        Assert.Contains("* 4 EXISTS", await session.CommandAsync("SELECT Archive"));
        Assert.Equal("* SEARCH 1 2 3 4", (await session.CommandAsync("SEARCH ALL"))[0]);
    }
}
