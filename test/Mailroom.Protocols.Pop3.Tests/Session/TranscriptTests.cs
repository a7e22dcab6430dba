using System.Text;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Pop3.Tests;

/// <summary>Whole sessions over in-memory pipes against a real SQLite store.</summary>
public sealed class TranscriptTests : IAsyncLifetime
{
    private MaildropStore store = null!;

    public async Task InitializeAsync() => store = await MaildropStore.CreateAsync();

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ATypicalDownloadSession()
    {
        var first = "Subject: one\r\n\r\nHello\r\n";
        var second = "Subject: two\r\n\r\n.dot\r\nbye\r\n";
        var uid1 = await store.DeliverAsync(first);
        var uid2 = await store.DeliverAsync(second);
        var folder = await store.FolderAsync();
        await using var pop = await Pop3TestHarness.StartAsync(store);

        await pop.LoginAsync();
        Assert.Equal($"+OK 2 {first.Length + second.Length}", await pop.CommandAsync("STAT"));
        Assert.Equal($"+OK 2 messages ({first.Length + second.Length} octets)", await pop.CommandAsync("LIST"));
        Assert.Equal([$"1 {first.Length}", $"2 {second.Length}"], await pop.ReadMultiLineAsync());
        Assert.Equal($"+OK 2 {second.Length}", await pop.CommandAsync("LIST 2"));
        Assert.Equal("+OK unique-id listing follows", await pop.CommandAsync("UIDL"));
        Assert.Equal([$"1 {folder.UidValidity}.{uid1}", $"2 {folder.UidValidity}.{uid2}"], await pop.ReadMultiLineAsync());
        Assert.Equal($"+OK {second.Length} octets", await pop.CommandAsync("RETR 2"));
        Assert.Equal(["Subject: two", "", "..dot", "bye"], await pop.ReadMultiLineAsync());
        Assert.Equal("+OK Message deleted", await pop.CommandAsync("DELE 1"));
        Assert.Equal("-ERR Message already deleted", await pop.CommandAsync("DELE 1"));
        Assert.Equal("-ERR No such message", await pop.CommandAsync("RETR 3"));
        Assert.Equal("-ERR No such message", await pop.CommandAsync("LIST 0"));
        Assert.Equal($"+OK 1 {second.Length}", await pop.CommandAsync("STAT"));
        Assert.Equal("+OK", await pop.CommandAsync("NOOP"));
        Assert.Equal("+OK pop.test.example POP3 server signing off (1 messages left)", await pop.CommandAsync("QUIT"));
        Assert.Equal("<closed>", await pop.ReadLineAsync());
        await pop.WaitForSessionEndAsync();

        var left = Assert.Single(await store.InboxAsync());
        Assert.Equal(uid2, left.Uid);
        Assert.Equal(MessageFlags.Seen, left.Flags);
        Assert.Equal(1, pop.Backend.Ended);
    }

    [Fact]
    public async Task MessageNumbersStayFixedWhileNewMailArrives()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.LoginAsync();
        await store.DeliverAsync("Subject: b\r\n\r\nb\r\n");
        Assert.StartsWith("+OK 1 ", await pop.CommandAsync("STAT"));
        Assert.Equal("-ERR No such message", await pop.CommandAsync("RETR 2"));
    }

    [Fact]
    public async Task RsetUnmarksAndQuitThenRemovesNothing()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.LoginAsync();
        Assert.StartsWith("+OK", await pop.CommandAsync("DELE 1"));
        Assert.StartsWith("+OK Maildrop has 1 messages", await pop.CommandAsync("RSET"));
        Assert.StartsWith("+OK", await pop.CommandAsync("QUIT"));
        await pop.WaitForSessionEndAsync();
        Assert.Single(await store.InboxAsync());
    }

    [Fact]
    public async Task ADroppedConnectionRemovesNothingAndReleasesTheLock()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        var locks = new InProcessMaildropLocks();
        var pop = await Pop3TestHarness.StartAsync(store, locks: locks);
        await pop.LoginAsync();
        Assert.True(locks.IsHeld(FakePop3Backend.AliceMailbox));
        Assert.StartsWith("+OK", await pop.CommandAsync("DELE 1"));
        await pop.DropAsync();
        await pop.DisposeAsync();
        Assert.False(locks.IsHeld(FakePop3Backend.AliceMailbox));
        Assert.Single(await store.InboxAsync());
    }

    [Fact]
    public async Task QuitExpungesOnlyTheSessionsUidsNotOthersMarkedDeleted()
    {
        var keep = await store.DeliverAsync("Subject: imap-deleted\r\n\r\nx\r\n");
        await store.DeliverAsync("Subject: pop-deleted\r\n\r\ny\r\n");
        var folder = await store.FolderAsync();
        await store.Store.StoreFlagsAsync(folder.Id, new FlagStoreRequest(UidRange.Single(keep), FlagChange.Add(MessageFlags.Deleted)));
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.LoginAsync();
        Assert.StartsWith("+OK", await pop.CommandAsync("DELE 2"));
        Assert.StartsWith("+OK", await pop.CommandAsync("QUIT"));
        await pop.WaitForSessionEndAsync();
        Assert.Equal(keep, Assert.Single(await store.InboxAsync()).Uid);
    }

    [Fact]
    public async Task ASecondSessionGetsInUseAndStaysInAuthorization()
    {
        var locks = new InProcessMaildropLocks();
        await using var first = await Pop3TestHarness.StartAsync(store, locks: locks);
        await first.LoginAsync();
        await using var second = await Pop3TestHarness.StartAsync(store, locks: locks);
        Assert.StartsWith("+OK", await second.CommandAsync("USER alice"));
        Assert.Equal("-ERR [IN-USE] The maildrop is already in use by another session", await second.CommandAsync("PASS secret"));
        Assert.Equal("-ERR Command not valid in this state", await second.CommandAsync("STAT"));
        Assert.StartsWith("+OK", await first.CommandAsync("QUIT"));
        await first.WaitForSessionEndAsync();
        await second.LoginAsync();
    }

    [Fact]
    public async Task FailedLoginsSayAuthAndTheThirdClosesTheConnection()
    {
        await using var pop = await Pop3TestHarness.StartAsync(store);
        Assert.StartsWith("+OK", await pop.CommandAsync("USER alice"));
        Assert.Equal("-ERR [AUTH] Authentication failed", await pop.CommandAsync("PASS wrong"));
        Assert.Equal("-ERR Send USER first", await pop.CommandAsync("PASS secret"));
        Assert.StartsWith("+OK", await pop.CommandAsync("USER nobody"));
        Assert.Equal("-ERR [AUTH] Authentication failed", await pop.CommandAsync("PASS secret"));
        Assert.Equal("-ERR [AUTH] Authentication failed", await pop.CommandAsync("AUTH PLAIN " + Plain("alice", "nope")));
        Assert.Equal("<closed>", await pop.ReadLineAsync());
    }

    [Fact]
    public async Task AuthPlainAndLoginWithAndWithoutInitialResponse()
    {
        await using (var pop = await Pop3TestHarness.StartAsync(store))
        {
            Assert.StartsWith("+OK Logged in", await pop.CommandAsync("AUTH PLAIN " + Plain("alice", "secret")));
            Assert.Equal("-ERR Already authenticated", await pop.CommandAsync("AUTH PLAIN " + Plain("alice", "secret")));
        }

        await using (var pop = await Pop3TestHarness.StartAsync(store))
        {
            Assert.Equal("+ ", await pop.CommandAsync("AUTH PLAIN"));
            Assert.StartsWith("+OK Logged in", await pop.CommandAsync(Plain("alice", "secret")));
        }

        await using (var pop = await Pop3TestHarness.StartAsync(store))
        {
            Assert.Equal("+ VXNlcm5hbWU6", await pop.CommandAsync("AUTH LOGIN"));
            Assert.Equal("+ UGFzc3dvcmQ6", await pop.CommandAsync(B64("alice")));
            Assert.StartsWith("+OK Logged in", await pop.CommandAsync(B64("secret")));
        }

        await using (var pop = await Pop3TestHarness.StartAsync(store))
        {
            Assert.Equal("+OK Supported mechanisms follow", await pop.CommandAsync("AUTH"));
            Assert.Equal(["PLAIN", "LOGIN"], await pop.ReadMultiLineAsync());
            Assert.Equal("-ERR Unrecognized authentication mechanism", await pop.CommandAsync("AUTH CRAM-MD5"));
            Assert.Equal("+ ", await pop.CommandAsync("AUTH PLAIN"));
            Assert.Equal("-ERR Authentication cancelled", await pop.CommandAsync("*"));
            Assert.Equal("+ ", await pop.CommandAsync("AUTH PLAIN"));
            Assert.Equal("-ERR [AUTH] Invalid base64 in the SASL response", await pop.CommandAsync("not base64!"));
            Assert.Equal("-ERR [AUTH] Authentication failed", await pop.CommandAsync("AUTH PLAIN " + Plain("alice", "secret", authzid: "bob")));
        }
    }

    [Fact]
    public async Task PlaintextCredentialsWaitForStlsUnderSecureLogin()
    {
        await using var pop = await Pop3TestHarness.StartAsync(store, plaintext: true);
        Assert.StartsWith("+OK", await pop.CommandAsync("CAPA"));
        var before = await pop.ReadMultiLineAsync();
        Assert.Contains("STLS", before);
        Assert.DoesNotContain("USER", before);
        Assert.Equal("-ERR [AUTH] Plain-text login is disabled; use STLS or the implicit TLS port first", await pop.CommandAsync("USER alice"));
        Assert.Equal("-ERR [AUTH] Plain-text login is disabled; use STLS or the implicit TLS port first", await pop.CommandAsync("AUTH PLAIN " + Plain("alice", "secret")));

        // RFC 2595 §4: what is pipelined behind STLS in plaintext is dropped, never run.
        await pop.SendAsync("STLS\r\nUSER alice\r\n");
        Assert.Equal("+OK Begin TLS negotiation", await pop.ReadLineAsync());
        await pop.StartClientTlsAsync();
        Assert.StartsWith("+OK", await pop.CommandAsync("CAPA"));
        var after = await pop.ReadMultiLineAsync();
        Assert.Contains("USER", after);
        Assert.DoesNotContain("STLS", after);
        Assert.Equal("-ERR TLS is already active", await pop.CommandAsync("STLS"));
        Assert.Equal("-ERR Send USER first", await pop.CommandAsync("PASS secret"));
        await pop.LoginAsync();
    }

    [Fact]
    public async Task PlainTextLoginTypeAllowsCredentialsWithoutTls()
    {
        await using var pop = await Pop3TestHarness.StartAsync(store, plaintext: true, configure: o => o.LoginType = Pop3LoginType.PlainTextLogin);
        await pop.LoginAsync();
    }

    [Fact]
    public async Task BadInputGetsErrAndTheSessionGoesOn()
    {
        await using var pop = await Pop3TestHarness.StartAsync(store, configure: o => o.MaxBadCommands = 5);
        Assert.Equal("-ERR Unknown command", await pop.CommandAsync("HELO"));
        Assert.Equal("-ERR Command not valid in this state", await pop.CommandAsync("STAT"));
        await pop.SendAsync([.. "USER a\0b"u8, (byte)'\r', (byte)'\n']);
        Assert.Equal("-ERR NUL octets are not allowed in commands", await pop.ReadLineAsync());
        Assert.Equal("-ERR Line too long", await pop.CommandAsync("USER " + new string('x', 2000)));
        Assert.Equal("-ERR Syntax error in arguments", await pop.CommandAsync("RETR x"));
        await pop.LoginAsync();
        Assert.Equal("-ERR Too many errors; closing the connection", await pop.CommandAsync("FOO"));
        Assert.Equal("<closed>", await pop.ReadLineAsync());
    }

    [Fact]
    public async Task TheServerCanEndASessionWithoutApplyingDeletions()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.LoginAsync();
        Assert.StartsWith("+OK", await pop.CommandAsync("DELE 1"));
        Assert.True(pop.Backend.LoggedIn.TryPeek(out var session));
        session!.End("The account has been disabled");
        Assert.Equal("-ERR [SYS/PERM] The account has been disabled", await pop.ReadLineAsync());
        Assert.Equal("<closed>", await pop.ReadLineAsync());
        Assert.Single(await store.InboxAsync());
    }

    [Fact]
    public async Task AnIdleSessionIsLoggedOutWithoutApplyingDeletions()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pop = await Pop3TestHarness.StartAsync(store, time: time);
        await pop.LoginAsync();
        Assert.StartsWith("+OK", await pop.CommandAsync("DELE 1"));

        // The timer is armed before the response is flushed, so it is running once the client has read it.
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("+OK", await pop.CommandAsync("NOOP"));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("-ERR Autologout; idle for too long", await pop.ReadLineAsync());
        Assert.Equal("<closed>", await pop.ReadLineAsync());
        Assert.Single(await store.InboxAsync());
    }

    [Fact]
    public async Task ABackendFailureIsATemporaryError()
    {
        var backend = new FakePop3Backend { Throw = true };
        await using var pop = await Pop3TestHarness.StartAsync(store, backend);
        Assert.StartsWith("+OK", await pop.CommandAsync("USER alice"));
        Assert.Equal("-ERR [SYS/TEMP] Temporary server failure; try again later", await pop.CommandAsync("PASS secret"));
    }

    [Fact]
    public async Task QuitBeforeLoginSaysGoodbye()
    {
        await using var pop = await Pop3TestHarness.StartAsync(store);
        Assert.Equal("+OK pop.test.example POP3 server signing off", await pop.CommandAsync("QUIT"));
        Assert.Equal("<closed>", await pop.ReadLineAsync());
    }

    [Fact]
    public async Task PipelinedCommandsAreAnsweredInOrder()
    {
        await store.DeliverAsync("Subject: a\r\n\r\na\r\n");
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.SendAsync("USER alice\r\nPASS secret\r\nSTAT\r\nUIDL 1\r\nNOOP\r\n");
        Assert.StartsWith("+OK Send", await pop.ReadLineAsync());
        Assert.StartsWith("+OK Logged in", await pop.ReadLineAsync());
        Assert.StartsWith("+OK 1 ", await pop.ReadLineAsync());
        Assert.StartsWith("+OK 1 ", await pop.ReadLineAsync());
        Assert.Equal("+OK", await pop.ReadLineAsync());
    }

    [Fact]
    public async Task RetrStreamsALargeMessageWhole()
    {
        var body = string.Concat(Enumerable.Range(0, 20_000).Select(i => (i % 7 == 0 ? "." : string.Empty) + "line " + i + "\r\n"));
        var text = "Subject: big\r\n\r\n" + body;
        await store.DeliverAsync(text);
        await using var pop = await Pop3TestHarness.StartAsync(store);
        await pop.LoginAsync();
        Assert.Equal($"+OK {Encoding.UTF8.GetByteCount(text)} octets", await pop.CommandAsync("RETR 1"));
        var lines = await pop.ReadMultiLineAsync();
        Assert.Equal(text, string.Concat(lines.Select(l => (l.StartsWith('.') ? l[1..] : l) + "\r\n")));
    }

    private static string Plain(string user, string password, string authzid = "") => B64($"{authzid}\0{user}\0{password}");

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
