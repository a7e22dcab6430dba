namespace Mailroom.Protocols.Imap.Tests;

/// <summary>
/// Random argument soup for the message commands in one selected session with messages in it: every command gets a
/// tagged answer (OK, NO or BAD) and the session keeps working.
/// </summary>
public sealed class MessageCommandFuzzTests
{
    private static readonly string[] Commands = ["FETCH", "UID FETCH", "STORE", "UID STORE", "SEARCH", "UID SEARCH", "SORT", "UID SORT", "THREAD", "COPY", "UID MOVE"];

    private static readonly string[] Pieces =
    [
        "1", "2:*", "*", "$", "1:4294967295", "0", "(", ")", "BODY[", "BODY[]", "BODY.PEEK[1.MIME]<0.5>", "BODY[HEADER.FIELDS (A B)]",
        "BINARY[1]", "BINARY.SIZE[1]", "BODYSTRUCTURE", "ENVELOPE", "FLAGS", "+FLAGS", "-FLAGS.SILENT", "(\\Seen)", "(\\Bogus)",
        "(UNCHANGEDSINCE 1)", "(CHANGEDSINCE 0)", "VANISHED", "RETURN", "(MIN SAVE)", "CHARSET", "UTF-8", "NOT", "OR", "FROM", "\"x\"",
        "BEFORE", "1-Jan-2024", "HEADER", "BODY", "TEXT", "(DATE)", "(REVERSE SUBJECT)", "REFERENCES", "ORDEREDSUBJECT", "ALL",
        "Archive", "Nowhere", "MODSEQ", "\"/flags/\\\\seen\"", "all", "LARGER", "99999999999", "UID", "1,3", "~", "{0}", "\"\"",
    ];

    [Fact]
    public async Task EveryCommandGetsATaggedAnswerAndTheSessionLives()
    {
        await using var session = await ImapTestSession.StartAsync(o => o.MaxBadCommands = 10_000);
        await session.LoginAsync();
        await session.CommandAsync("SELECT INBOX");
        for (var i = 0; i < 3; i++)
        {
            await session.DeliverAsync("fuzz " + i, "body " + i);
        }

        var random = new Random(4242);
        for (var round = 0; round < 400; round++)
        {
            var command = Commands[random.Next(Commands.Length)];
            var arguments = string.Join(' ', Enumerable.Range(0, random.Next(0, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]))
                .Replace("{0}", string.Empty, StringComparison.Ordinal);
            var lines = await session.CommandAsync(command + " " + arguments);
            Assert.Matches(@"^A\d+ (OK|NO|BAD)( |$)", lines[^1]);
            Assert.DoesNotContain("SERVERBUG", lines[^1], StringComparison.Ordinal);
        }

        Assert.EndsWith("OK NOOP completed", (await session.CommandAsync("NOOP"))[^1]);
        var fetch = await session.CommandAsync("FETCH 1:* (UID FLAGS)");
        Assert.EndsWith("OK FETCH completed", fetch[^1]);
    }
}
