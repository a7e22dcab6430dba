using System.Text;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap.Tests;

public sealed class AppendAndIdleTests
{
    private const string Message = "From: a@example.com\r\nSubject: appended\r\n\r\nBody\r\n";

    [Fact]
    public async Task AppendWithSynchronizingLiteralReturnsAppendUid()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.SendAsync($"a1 APPEND INBOX (\\Seen $Important) \" 7-Feb-2026 10:20:30 +0100\" {{{Message.Length}}}");
        Assert.Equal("+ Ready", await session.ReadLineAsync());
        await session.SendRawAsync(Encoding.ASCII.GetBytes(Message + "\r\n"));
        var done = (await session.ReadUntilTaggedAsync("a1"))[^1];
        Assert.Matches(@"^a1 OK \[APPENDUID \d+ 1\] APPEND completed$", done);

        var lines = await session.CommandAsync("STATUS INBOX (MESSAGES UNSEEN)");
        Assert.Equal("* STATUS INBOX (MESSAGES 1 UNSEEN 0)", lines[0]);
    }

    [Fact]
    public async Task MultiAppendWithNonSynchronizingLiteralsIsAllOrNothing()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.SendRawAsync(Encoding.ASCII.GetBytes(
            $"a1 APPEND INBOX {{{Message.Length}+}}\r\n{Message} (\\Flagged) {{{Message.Length}+}}\r\n{Message}\r\n"));
        Assert.Matches(@"^a1 OK \[APPENDUID \d+ 1:2\] APPEND completed$", (await session.ReadUntilTaggedAsync("a1"))[^1]);
        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
    }

    [Fact]
    public async Task AppendRefusalsKeepTheSessionInStep()
    {
        await using var session = await ImapTestSession.StartAsync(o => o.AppendLimit = 100);
        await session.LoginAsync();
        await session.SendAsync("a1 APPEND Nowhere {10}");
        Assert.Equal("a1 NO [TRYCREATE] No such mailbox", await session.ReadLineAsync());
        await session.SendAsync("a2 APPEND INBOX {500}");
        Assert.Equal("a2 NO [TOOBIG] The message is larger than the limit of 100 octets", await session.ReadLineAsync());

        // A non-synchronizing literal is already on its way: it is skipped, and the next command runs.
        await session.SendRawAsync(Encoding.ASCII.GetBytes("a3 APPEND INBOX {200+}\r\n" + new string('x', 200) + "\r\na4 NOOP\r\n"));
        Assert.Equal("a3 NO [TOOBIG] The message is larger than the limit of 100 octets", await session.ReadLineAsync());
        Assert.Equal("a4 OK NOOP completed", await session.ReadLineAsync());

        await session.SendRawAsync(Encoding.ASCII.GetBytes("a5 APPEND INBOX (\\Bogus) {5+}\r\nhello\r\n"));
        Assert.Equal("a5 BAD Syntax: APPEND mailbox [(flags)] [\"date-time\"] {size}", await session.ReadLineAsync());
        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
    }

    [Fact]
    public async Task AppendIntoTheSelectedMailboxAnnouncesExists()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.CommandAsync("SELECT INBOX");
        await session.SendRawAsync(Encoding.ASCII.GetBytes($"a1 APPEND INBOX {{{Message.Length}+}}\r\n{Message}\r\n"));
        var lines = await session.ReadUntilTaggedAsync("a1");
        Assert.Equal("* 1 EXISTS", lines[0]);
    }

    [Fact]
    public async Task IdleSeesDeliveriesAndExpungesFromOtherSessions()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        await session.DeliverAsync("before");
        await session.CommandAsync("SELECT INBOX");
        await session.SendAsync("a1 IDLE");
        Assert.Equal("+ idling", await session.ReadLineAsync());

        await session.DeliverAsync("during");
        Assert.Equal("* 2 EXISTS", await session.ReadLineAsync());
        Assert.Equal("* 1 RECENT", await session.ReadLineAsync());

        var inbox = (await session.Store.GetFolderAsync(session.MailboxId, "INBOX"))!;
        await session.Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.Single(1), FlagChange.Add(MessageFlags.Deleted)));
        Assert.Equal("* 1 FETCH (FLAGS (\\Deleted))", await session.ReadLineAsync());

        await using var other = await session.OpenSiblingAsync();
        await other.LoginAsync();
        await other.CommandAsync("SELECT INBOX");
        Assert.Equal(["* 1 EXPUNGE", "A003 OK EXPUNGE completed"], await other.CommandAsync("EXPUNGE"));
        Assert.Equal("* 1 EXPUNGE", await session.ReadLineAsync());

        await session.SendAsync("DONE");
        Assert.Equal("a1 OK IDLE terminated", await session.ReadLineAsync());
    }

    [Fact]
    public async Task ReselectingSeesWhatChangedSinceTheLastSelectOfTheFolder()
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        for (var i = 0; i < 3; i++)
        {
            await session.DeliverAsync($"m{i}");
        }

        Assert.Contains("* 3 EXISTS", await session.CommandAsync("SELECT INBOX"));
        Assert.Contains("* 3 EXISTS", await session.CommandAsync("SELECT INBOX")); // from the UID snapshot

        var inbox = (await session.Store.GetFolderAsync(session.MailboxId, "INBOX"))!;
        await session.Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.Single(2), FlagChange.Add(MessageFlags.Deleted)));
        await session.Store.ExpungeAsync(inbox.Id, UidRange.From(1));
        await session.CommandAsync("UNSELECT");
        Assert.Contains("* 2 EXISTS", await session.CommandAsync("SELECT INBOX"));
        Assert.Equal("* 2 FETCH (UID 3)", (await session.CommandAsync("FETCH 2 UID"))[0]);

        await session.DeliverAsync("m3");
        await session.CommandAsync("UNSELECT");
        Assert.Contains("* 3 EXISTS", await session.CommandAsync("SELECT INBOX"));
        Assert.Equal("* 3 FETCH (UID 4)", (await session.CommandAsync("FETCH 3 UID"))[0]);
        await session.CommandAsync("UNSELECT");
        Assert.Contains("* OK [UNSEEN 1] First unseen", await session.CommandAsync("SELECT INBOX"));

        // Flags are part of the snapshot's key too: first unseen and the keyword list follow a STORE.
        await session.Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.Single(1), FlagChange.Add(MessageFlags.Seen, "$Work")));
        await session.CommandAsync("UNSELECT");
        var lines = await session.CommandAsync("SELECT INBOX");
        Assert.Contains("* OK [UNSEEN 2] First unseen", lines);
        Assert.Contains(lines, l => l.StartsWith("* FLAGS (", StringComparison.Ordinal) && l.Contains("$Work", StringComparison.Ordinal));
    }
}
