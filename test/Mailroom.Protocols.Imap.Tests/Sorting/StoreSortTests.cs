using System.Text;
using Mailroom.Protocols.Imap.Tests.Support;

namespace Mailroom.Protocols.Imap.Tests.Sorting;

/// <summary>
/// SORT on numeric keys over ALL is sorted by the store; it must give exactly the order the session's own sorter gives
/// (forced here with UNDELETED, which matches the same messages), REVERSE, ties and missing Date headers included.
/// </summary>
public sealed class StoreSortTests
{
    // (Date header or null, internal date offset in minutes, body padding): ties on purpose (messages 2 and 4 share a
    // Date instant written in two zones, 3 and 5 have no Date and fall back to their internal date).
    private static readonly (string? Date, int Arrival, int Pad)[] Messages =
    [
        ("Tue, 02 Jan 2024 10:00:00 +0000", 50, 10),
        ("Mon, 01 Jan 2024 12:00:00 +0100", 10, 300),
        (null, 30, 10),
        ("Mon, 01 Jan 2024 06:00:00 -0500", 40, 200),
        (null, 20, 300),
        ("Wed, 03 Jan 2024 00:00:00 +0000", 10, 0),
    ];

    [Theory]
    [InlineData("DATE", "5 3 2 4 1 6")]
    [InlineData("REVERSE DATE", "6 1 2 4 3 5")]
    [InlineData("ARRIVAL", "2 6 5 3 4 1")]
    [InlineData("REVERSE ARRIVAL SIZE", "1 4 3 5 6 2")]
    [InlineData("SIZE REVERSE DATE", "3 6 1 4 5 2")]
    public async Task TheStoreSortsLikeTheSessionsSorter(string criteria, string expected)
    {
        await using var session = await ImapTestSession.StartAsync();
        await session.LoginAsync();
        Assert.Contains(" OK ", (await session.CommandAsync("SELECT INBOX"))[^1]);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Messages.Length; i++)
        {
            var (date, arrival, pad) = Messages[i];
            var text = $"From: a@example.com\r\nSubject: m{i + 1}\r\n{(date is null ? string.Empty : $"Date: {date}\r\n")}\r\n{new string('x', pad)}\r\n";
            await session.DeliverAsync(Encoding.ASCII.GetBytes(text), start.AddMinutes(arrival));
        }

        Assert.Contains(" OK ", (await session.CommandAsync("NOOP"))[^1]);

        var byStore = (await session.CommandAsync($"SORT ({criteria}) UTF-8 ALL"))[0];
        var bySession = (await session.CommandAsync($"SORT ({criteria}) UTF-8 UNDELETED"))[0];

        Assert.Equal("* SORT " + expected, byStore);
        Assert.Equal(bySession, byStore);
        Assert.Equal(byStore, (await session.CommandAsync($"UID SORT ({criteria}) UTF-8 ALL"))[0]); // UIDs are 1..6 here
    }
}
