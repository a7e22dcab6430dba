using System.Text;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Sorting;
using Mailroom.Protocols.Imap.Tests.Support;

namespace Mailroom.Protocols.Imap.Tests.Sorting;

public sealed class MessageSorterTests
{
    // seq: subject, from, to, cc, date header, internal date (day of Jan 2024), size
    private static readonly MessageRecord[] Messages =
    [
        Record(1, "Re: Budget", "carl@x.com", "Zed <zed@x.com>", "", "Wed, 3 Jan 2024 09:00:00 +0000", 5, 300),
        Record(2, "budget", "Ann <ann@x.com>", "bob@x.com", "b@x.com", "Mon, 1 Jan 2024 09:00:00 +0000", 3, 100),
        Record(3, "[list] Apples", "bob@x.com", "Amy <amy@x.com>", "a@x.com", null, 2, 200),
        Record(4, "apples", "Bob <BOB@x.com>", "amy@x.com", "", "Tue, 2 Jan 2024 12:00:00 -0800", 4, 100),
    ];

    [Theory]
    [InlineData("(ARRIVAL)", "3 2 4 1")]
    [InlineData("(REVERSE ARRIVAL)", "1 4 2 3")]
    [InlineData("(DATE)", "2 3 4 1")]
    [InlineData("(REVERSE DATE)", "1 4 3 2")]
    [InlineData("(SIZE)", "2 4 3 1")]
    [InlineData("(SIZE REVERSE ARRIVAL)", "4 2 3 1")]
    [InlineData("(SUBJECT)", "3 4 1 2")]
    [InlineData("(SUBJECT DATE)", "3 4 2 1")]
    [InlineData("(FROM)", "2 3 4 1")]
    [InlineData("(TO)", "3 4 2 1")]
    [InlineData("(CC SIZE)", "4 1 3 2")]
    [InlineData("(DISPLAYFROM)", "2 4 3 1")]
    [InlineData("(DISPLAYTO)", "3 4 2 1")]
    public void SortsByRfc5256Keys(string criteria, string expected)
    {
        var sorter = new MessageSorter(SortCriterion.ParseList(Tokens.Parse(criteria)[0]));
        var rows = Messages.Select((m, i) => sorter.ToRow(m, (uint)i + 1)).ToList();
        sorter.Sort(rows);
        Assert.Equal(expected, string.Join(' ', rows.Select(r => r.Sequence)));
    }

    [Theory]
    [InlineData("()")]
    [InlineData("DATE")]
    [InlineData("(REVERSE)")]
    [InlineData("(REVERSE REVERSE DATE)")]
    [InlineData("(BOGUS)")]
    [InlineData("(\"DATE\")")]
    public void RefusesBadCriteria(string criteria) =>
        Assert.Throws<ArgumentSyntaxException>(() => SortCriterion.ParseList(Tokens.Parse(criteria)[0]));

    private static MessageRecord Record(uint uid, string subject, string from, string to, string cc, string? date, int day, long size)
    {
        var header = new StringBuilder();
        header.Append($"Subject: {subject}\r\nFrom: {from}\r\nTo: {to}\r\n");
        if (cc.Length > 0)
        {
            header.Append($"Cc: {cc}\r\n");
        }

        if (date is not null)
        {
            header.Append($"Date: {date}\r\n");
        }

        var headers = MessageIndexer.Index(Encoding.ASCII.GetBytes(header.Append("\r\n").ToString()));
        return new MessageRecord(uid, 1, MessageFlags.None, [], size, new DateTimeOffset(2024, 1, day, 0, 0, 0, TimeSpan.Zero), BlobId.FromHash(new byte[32]), headers.SentDate)
        {
            Headers = headers,
        };
    }
}
