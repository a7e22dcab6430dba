using System.Buffers;
using System.Text;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Protocols.Imap.Threading;

namespace Mailroom.Protocols.Imap.Tests.Threading;

public sealed class ThreaderTests
{
    [Fact]
    public void OrderedSubjectGroupsByBaseSubjectUnderTheFirstMessage()
    {
        var messages = new[]
        {
            Message(1, day: 1, "Lunch"),
            Message(2, day: 2, "Re: lunch"),
            Message(3, day: 3, "Other"),
            Message(4, day: 4, "RE: [team] Lunch"),
            Message(5, day: 0, "Fwd: other"),
        };
        Assert.Equal("* THREAD (5 3)(1 (2)(4))\r\n", Write(OrderedSubjectThreader.Thread(messages)));
    }

    [Fact]
    public void ReferencesBuildsTreesFromIdsAndPrunesDummies()
    {
        var messages = new[]
        {
            Message(1, day: 1, "Plan", id: "a"),
            Message(2, day: 2, "Re: Plan", id: "b", refs: ["a"]),
            Message(3, day: 3, "Re: Plan", id: "c", refs: ["a", "b"]),
            Message(4, day: 4, "Re: Plan", id: "d", refs: ["a"]),

            // Replies to a message that is not in the folder: they meet under a dummy.
            Message(5, day: 5, "Re: Gone", id: "e", refs: ["missing"]),
            Message(6, day: 6, "Re: Gone", id: "f", refs: ["missing"]),

            // A lone reply to a missing message: the dummy is pruned.
            Message(7, day: 7, "Solo", id: "g", refs: ["nothere"]),
        };
        Assert.Equal("* THREAD (1 (2 3)(4))((5)(6))(7)\r\n", Write(ReferencesThreader.Thread(messages)));
    }

    [Fact]
    public void ReferencesMergesRootsWithTheSameBaseSubject()
    {
        var messages = new[]
        {
            Message(1, day: 1, "Party", id: "a"),

            // No References, but a reply by subject: becomes a child of the original.
            Message(2, day: 2, "Re: Party", id: "b"),

            // Two unrelated non-replies with one subject: a dummy holds both.
            Message(3, day: 3, "News", id: "c"),
            Message(4, day: 4, "news", id: "d"),
        };
        Assert.Equal("* THREAD (1 2)((3)(4))\r\n", Write(ReferencesThreader.Thread(messages)));
    }

    [Fact]
    public void ReferencesSurvivesLoopsAndDuplicateIds()
    {
        var messages = new[]
        {
            Message(1, day: 1, "A", id: "x", refs: ["y"]),
            Message(2, day: 2, "B", id: "y", refs: ["x"]),
            Message(3, day: 3, "C", id: "x"),
            Message(4, day: 4, "D", id: "z", refs: ["z"]),
        };
        var text = Write(ReferencesThreader.Thread(messages));
        foreach (var n in new[] { "1", "2", "3", "4" })
        {
            Assert.Contains(n, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LongReplyChainsDoNotOverflowTheWriter()
    {
        var messages = Enumerable.Range(1, 20_000)
            .Select(i => Message((uint)i, day: 0, "Chain", id: "m" + i, refs: i > 1 ? ["m" + (i - 1)] : []).With(i))
            .ToList();
        var text = Write(ReferencesThreader.Thread(messages));
        Assert.StartsWith("* THREAD (1 2 3 ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Re: x", true)]
    [InlineData("FWD: x", true)]
    [InlineData("fw[1]: x", true)]
    [InlineData("[list] Re: x", true)]
    [InlineData("x (fwd)", true)]
    [InlineData("[fwd: x]", true)]
    [InlineData("[list] x", false)]
    [InlineData("Regarding x", false)]
    [InlineData("", false)]
    public void RecognisesRepliesAndForwards(string subject, bool expected) => Assert.Equal(expected, ThreadMessage.IsReply(subject));

    private static ThreadMessage Message(uint seq, int day, string subject, string? id = null, string[]? refs = null) =>
        new(seq, seq, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day), id, refs ?? [], BaseSubject.SortKey(subject), ThreadMessage.IsReply(subject));

    private static string Write(IReadOnlyList<ThreadNode> threads)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ThreadWriter.Write(buffer, threads);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}

internal static class ThreadMessageExtensions
{
    public static ThreadMessage With(this ThreadMessage message, int minute) => message with { Date = message.Date.AddMinutes(minute) };
}
