namespace Mailroom.Protocols.Imap.Tests;

public sealed class SessionTranscriptTests
{
    [Fact]
    public async Task GreetsWithCapabilitiesAndLogsOut()
    {
        await using var session = await ImapTestSession.StartAsync();
        Assert.StartsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 ", session.Greeting);
        var lines = await session.CommandAsync("LOGOUT");
        Assert.Equal("* BYE Logging out", lines[0]);
        Assert.Equal("A001 OK LOGOUT completed", lines[1]);
        Assert.Null(await session.ReadLineAsync());
    }

    [Theory]
    [InlineData("FOO", "A001 BAD Unknown command FOO")]
    [InlineData("SELECT INBOX", "A001 BAD SELECT needs authentication first")]
    [InlineData("FETCH 1 FLAGS", "A001 BAD FETCH needs authentication first")]
    [InlineData("UID NOOP", "A001 BAD UID NOOP is not a command")]
    [InlineData("NOOP extra", "A001 BAD NOOP takes no arguments")]
    [InlineData("LOGIN \"unterminated", "A001 BAD Syntax error: unterminated or malformed quoted string")]
    public async Task AnswersBadInputWithTaggedBad(string command, string expected)
    {
        await using var session = await ImapTestSession.StartAsync();
        var lines = await session.CommandAsync(command);
        Assert.Equal(expected, lines[^1]);
        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
    }

    [Theory]
    [InlineData("* NOOP", "* BAD Invalid tag")]
    [InlineData("a+b NOOP", "* BAD Invalid tag")]
    [InlineData("", "* BAD Empty command line")]
    [InlineData("tag", "tag BAD Missing command name")]
    public async Task AnswersBadTagsUntagged(string line, string expected)
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.SendAsync(line);
        Assert.Equal(expected, await session.ReadLineAsync());
    }

    [Fact]
    public async Task RefusesOverlongLinesAndCloses()
    {
        await using var session = await ImapTestSession.StartAsync(o => o.MaxLineLength = 1024);
        await session.SendAsync("a1 NOOP " + new string('x', 2000));
        Assert.Equal("* BAD [TOOBIG] Command line too long", await session.ReadLineAsync());
        Assert.Null(await session.ReadLineAsync());
    }

    [Fact]
    public async Task SynchronizingLiteralGetsContinuationAndOversizedOneIsRefused()
    {
        await using var session = await ImapTestSession.StartAsync(o => o.MaxLiteralSize = 1024);
        await session.SendAsync("a1 LOGIN {4}");
        Assert.Equal("+ Ready", await session.ReadLineAsync());
        await session.SendAsync("user {6+}\r\nsecret");
        Assert.StartsWith("a1 OK [CAPABILITY ", (await session.ReadUntilTaggedAsync("a1"))[^1]);

        await session.SendAsync("a2 SELECT {5000}");
        Assert.Equal("a2 BAD [TOOBIG] Literal too large", await session.ReadLineAsync());
        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
    }

    [Fact]
    public async Task OversizedNonSynchronizingLiteralClosesTheConnection()
    {
        await using var session = await ImapTestSession.StartAsync(o => o.MaxLiteralSize = 1024);
        await session.SendAsync("a1 LOGIN {5000+}");
        Assert.Equal("a1 BAD [TOOBIG] Literal too large", await session.ReadLineAsync());
        Assert.Null(await session.ReadLineAsync());
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAuthenticationFailed()
    {
        await using var session = await ImapTestSession.StartAsync();
        Assert.Equal("A001 NO [AUTHENTICATIONFAILED] Authentication failed", (await session.CommandAsync("LOGIN user wrong"))[^1]);
        Assert.Equal("A002 NO [AUTHENTICATIONFAILED] Authentication failed", (await session.CommandAsync("LOGIN nobody secret"))[^1]);
    }

    [Fact]
    public async Task PlainTextLoginIsDisabledOffLoopbackWithoutTls()
    {
        await using var session = await ImapTestSession.StartAsync(remote: System.Net.IPAddress.Parse("192.0.2.7"));
        Assert.Contains(" LOGINDISABLED", session.Greeting);
        Assert.DoesNotContain("AUTH=PLAIN", session.Greeting);
        Assert.Equal("A001 NO [PRIVACYREQUIRED] Plain-text login is not allowed without TLS; use STARTTLS or port 993", (await session.CommandAsync("LOGIN user secret"))[^1]);
    }

    [Fact]
    public async Task AuthenticatePlainWithAndWithoutInitialResponse()
    {
        await using var session = await ImapTestSession.StartAsync();
        var plain = Convert.ToBase64String("\0user\0secret"u8.ToArray());
        Assert.StartsWith("A001 OK [CAPABILITY ", (await session.CommandAsync("AUTHENTICATE PLAIN " + plain))[^1]);

        await using var other = await ImapTestSession.StartAsync();
        await other.SendAsync("a1 AUTHENTICATE PLAIN");
        Assert.Equal("+ ", await other.ReadLineAsync());
        await other.SendAsync("*");
        Assert.Equal("a1 BAD Authentication cancelled", await other.ReadLineAsync());
    }

    [Fact]
    public async Task SelectReportsTheMailboxAndDeliveriesShowUpOnNoop()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.DeliverAsync("first");
        var lines = await session.CommandAsync("SELECT INBOX");
        Assert.Contains("* 1 EXISTS", lines);
        Assert.Contains(lines, l => l.StartsWith("* OK [UIDVALIDITY ", StringComparison.Ordinal));
        Assert.Contains("* OK [UIDNEXT 2] Predicted next UID", lines);
        Assert.Equal("A002 OK [READ-WRITE] SELECT completed", lines[^1]);

        await session.DeliverAsync("second");
        lines = await session.CommandAsync("NOOP");
        Assert.Equal(["* 2 EXISTS", "* 1 RECENT", "A003 OK NOOP completed"], lines);
    }

    [Fact]
    public async Task SelectOfAMissingMailboxLeavesNoneSelected()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        Assert.Equal("A002 NO [NONEXISTENT] No such mailbox", (await session.CommandAsync("SELECT Nowhere"))[^1]);
        Assert.Equal("A003 BAD CLOSE needs a selected mailbox", (await session.CommandAsync("CLOSE"))[^1]);
    }
}
