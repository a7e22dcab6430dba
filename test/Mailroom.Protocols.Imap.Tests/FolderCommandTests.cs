namespace Mailroom.Protocols.Imap.Tests;

public sealed class FolderCommandTests
{
    [Fact]
    public async Task ListShowsDefaultFoldersWithSpecialUse()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        var lines = await session.CommandAsync("LIST \"\" \"*\"");
        Assert.Contains("* LIST (\\HasNoChildren) \"/\" INBOX", lines);
        Assert.Contains("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"", lines);
        Assert.Contains("* LIST (\\HasNoChildren \\Trash) \"/\" \"Deleted Items\"", lines);
        Assert.Equal("A002 OK LIST completed", lines[^1]);

        Assert.Equal(["* LIST (\\Noselect) \"/\" \"\"", "A003 OK LIST completed"], await session.CommandAsync("LIST \"\" \"\""));
        var special = await session.CommandAsync("LIST (SPECIAL-USE) \"\" \"*\"");
        Assert.DoesNotContain(special, l => l.EndsWith(" INBOX", StringComparison.Ordinal));
        Assert.Equal(6, special.Count);
    }

    [Fact]
    public async Task CreateRenameDeleteAndSubscribe()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        Assert.Equal("A002 OK CREATE completed", (await session.CommandAsync("CREATE Projects/2026"))[^1]);
        Assert.Equal("A003 NO [ALREADYEXISTS] The mailbox already exists", (await session.CommandAsync("CREATE projects/2026"))[^1]);
        Assert.Equal("A004 NO [ALREADYEXISTS] The mailbox already exists", (await session.CommandAsync("CREATE inbox"))[^1]);
        var list = await session.CommandAsync("LIST \"\" Projects%");
        Assert.Contains("* LIST (\\HasChildren) \"/\" Projects", list);
        Assert.Equal("A006 OK RENAME completed", (await session.CommandAsync("RENAME Projects/2026 Projects/Archive-2026"))[^1]);
        Assert.Equal("A007 OK SUBSCRIBE completed", (await session.CommandAsync("SUBSCRIBE Projects/Archive-2026"))[^1]);
        var subscribed = await session.CommandAsync("LIST (SUBSCRIBED) \"\" \"*\"");
        Assert.Equal(["* LIST (\\HasNoChildren \\Subscribed) \"/\" Projects/Archive-2026", "A008 OK LIST completed"], subscribed);
        Assert.Contains("* LSUB () \"/\" Projects/Archive-2026", await session.CommandAsync("LSUB \"\" *"));
        Assert.StartsWith("A010 NO [INUSE] ", (await session.CommandAsync("DELETE Projects"))[^1]);
        Assert.Equal("A011 OK DELETE completed", (await session.CommandAsync("DELETE Projects/Archive-2026"))[^1]);
        Assert.StartsWith("A012 NO [CANNOT]", (await session.CommandAsync("DELETE \"Sent Items\""))[^1]);
        Assert.Equal("A013 NO [NONEXISTENT] No such mailbox", (await session.CommandAsync("DELETE Nowhere"))[^1]);
    }

    [Fact]
    public async Task ModifiedUtf7NamesRoundTripAndUtf8AfterEnable()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        Assert.Equal("A002 OK CREATE completed", (await session.CommandAsync("CREATE \"Entw&APw-rfe\""))[^1]);
        Assert.Contains("* LIST (\\HasNoChildren) \"/\" Entw&APw-rfe", await session.CommandAsync("LIST \"\" Entw*"));
        Assert.Equal(["* ENABLED UTF8=ACCEPT", "A004 OK ENABLE completed"], await session.CommandAsync("ENABLE UTF8=ACCEPT"));
        Assert.Contains("* LIST (\\HasNoChildren) \"/\" \"Entwürfe\"", await session.CommandAsync("LIST \"\" Entw*"));
    }

    [Fact]
    public async Task StatusReportsCounters()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.DeliverAsync("one");
        await session.DeliverAsync("two");
        var lines = await session.CommandAsync("STATUS INBOX (MESSAGES UIDNEXT UNSEEN DELETED SIZE RECENT APPENDLIMIT)");
        Assert.Matches(@"^\* STATUS INBOX \(MESSAGES 2 UIDNEXT 3 UNSEEN 2 DELETED 0 SIZE \d+ RECENT 0 APPENDLIMIT 36700160\)$", lines[0]);
        Assert.Equal("A003 BAD Syntax: STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE HIGHESTMODSEQ APPENDLIMIT)", (await session.CommandAsync("STATUS INBOX (BOGUS)"))[^1]);
        var listStatus = await session.CommandAsync("LIST \"\" INBOX RETURN (STATUS (MESSAGES))");
        Assert.Equal(["* LIST (\\HasNoChildren) \"/\" INBOX", "* STATUS INBOX (MESSAGES 2)", "A004 OK LIST completed"], listStatus);
    }

    [Fact]
    public async Task QuotaRootIsTheWholeMailbox()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.DeliverAsync("one", new string('x', 3000));
        var lines = await session.CommandAsync("GETQUOTAROOT INBOX");
        Assert.Equal("* QUOTAROOT INBOX \"\"", lines[0]);
        Assert.Matches(@"^\* QUOTA """" \(STORAGE [34] 1048576\)$", lines[1]);
        Assert.Equal("A003 NO [NONEXISTENT] No such quota root", (await session.CommandAsync("GETQUOTA other"))[^1]);
    }

    [Fact]
    public async Task EnableIdAndNamespace()
    {
        await using var session = await ImapTestSession.StartAsync();
        Assert.StartsWith("* ID (\"name\" \"Mailroom\"", (await session.CommandAsync("ID (\"name\" \"test\")"))[0]);
        await session.LoginAsync();
        Assert.Equal(["* NAMESPACE ((\"\" \"/\")) NIL NIL", "A003 OK NAMESPACE completed"], await session.CommandAsync("NAMESPACE"));
        Assert.Equal(["* ENABLED QRESYNC", "A004 OK ENABLE completed"], await session.CommandAsync("ENABLE QRESYNC CONDSTORE X-UNKNOWN"));
        Assert.Equal(["* ENABLED", "A005 OK ENABLE completed"], await session.CommandAsync("ENABLE CONDSTORE"));
        await session.CommandAsync("SELECT INBOX");
        Assert.Equal("A007 BAD ENABLE is not allowed once a mailbox is selected", (await session.CommandAsync("ENABLE IMAP4rev2"))[^1]);
    }
}
