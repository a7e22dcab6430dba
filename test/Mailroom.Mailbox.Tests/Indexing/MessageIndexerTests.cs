using System.Text;
using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Tests.Indexing;

/// <summary>The header indexer on well-formed, odd, encoded, broken and missing headers.</summary>
public class MessageIndexerTests
{
    private static IndexedHeaders Index(string header) => MessageIndexer.Index(Encoding.UTF8.GetBytes(header));

    private static EnvelopeAddress Address(string? name, string mailbox, string host) => new(name, null, mailbox, host);

    [Fact]
    public void AWellFormedHeaderFillsTheEnvelopeAndTheKeys()
    {
        var h = Index(
            "Date: Tue, 1 Jul 2025 10:00:00 +0200\r\n" +
            "From: Alice Example <alice@contoso.com>\r\n" +
            "To: bob@contoso.com, \"Carol C.\" <carol@fabrikam.com>\r\n" +
            "Cc: dave@contoso.com\r\n" +
            "Bcc: eve@contoso.com\r\n" +
            "Subject: Re: [team] Hello\r\n" +
            "Message-ID: <abc@contoso.com>\r\n" +
            "In-Reply-To: <parent@contoso.com>\r\n" +
            "References: <root@contoso.com>\r\n <parent@contoso.com>\r\n" +
            "\r\n" +
            "Subject: not a header, the body\r\n");

        var e = h.Envelope;
        Assert.Equal("Tue, 1 Jul 2025 10:00:00 +0200", e.Date);
        Assert.Equal("Re: [team] Hello", e.Subject);
        Assert.Equal([Address("Alice Example", "alice", "contoso.com")], e.From);
        Assert.Equal(e.From, e.Sender);
        Assert.Equal(e.From, e.ReplyTo);
        Assert.Equal([Address(null, "bob", "contoso.com"), Address("Carol C.", "carol", "fabrikam.com")], e.To);
        Assert.Equal([Address(null, "dave", "contoso.com")], e.Cc);
        Assert.Equal([Address(null, "eve", "contoso.com")], e.Bcc);
        Assert.Equal("<parent@contoso.com>", e.InReplyTo);
        Assert.Equal("<abc@contoso.com>", e.MessageId);

        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), h.SentDate);
        Assert.Equal("HELLO", h.SortSubject);
        Assert.Equal(("ALICE", "BOB", "DAVE"), (h.SortFrom, h.SortTo, h.SortCc));
        Assert.Equal(("ALICE EXAMPLE", "BOB@CONTOSO.COM"), (h.SortDisplayFrom, h.SortDisplayTo));
        Assert.Equal("bob@contoso.com, Carol C. <carol@fabrikam.com>", h.SearchTo);
        Assert.Equal("eve@contoso.com", h.SearchBcc);
        Assert.Equal(("abc@contoso.com", "parent@contoso.com"), (h.MessageId, h.InReplyTo));
        Assert.Equal(["root@contoso.com", "parent@contoso.com"], h.References);
    }

    public static TheoryData<string, string?, string> Subjects => new()
    {
        // header line(s), envelope (raw, unfolded), decoded and collapsed
        { "Subject: plain", "plain", "plain" },
        { "Subject: =?UTF-8?B?w4lsw6lvbm9yZQ==?=", "=?UTF-8?B?w4lsw6lvbm9yZQ==?=", "Éléonore" },
        { "Subject: =?iso-8859-1?q?caf=E9?= au lait", "=?iso-8859-1?q?caf=E9?= au lait", "café au lait" },
        { "Subject: =?utf-8?q?broken", "=?utf-8?q?broken", "=?utf-8?q?broken" },
        { "Subject: Grüße aus Köln", "Grüße aus Köln", "Grüße aus Köln" },
        { "Subject: This is\r\n a folded\r\n\tsubject", "This is a folded\tsubject", "This is a folded subject" },
        { "Subject:", null, "" },
        { "Subject :  spaced before the colon", "spaced before the colon", "spaced before the colon" },
        { "SUBJECT: upper-case name", "upper-case name", "upper-case name" },
        { "Subject: first\r\nSubject: second", "first", "first" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void SubjectsAreKeptRawForTheEnvelopeAndDecodedForSearch(string header, string? envelope, string decoded)
    {
        var h = Index(header + "\r\n\r\n");
        Assert.Equal(envelope, h.Envelope.Subject);
        Assert.Equal(decoded, h.Subject);
    }

    [Fact]
    public void Latin1BytesInARawHeaderAreReadAsLatin1()
    {
        var bytes = "Subject: caf\u00e9\r\n\r\n"u8.ToArray().Where(b => b != 0xC3).Select(b => b == 0xA9 ? (byte)0xE9 : b).ToArray();
        Assert.Equal("café", MessageIndexer.Index(bytes).Envelope.Subject);
    }

    [Fact]
    public void EncodedWordsInNamesAreDecoded()
    {
        var h = Index("From: =?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@vm1.ulg.ac.be>\r\n\r\n");
        Assert.Equal([Address("André Pirard", "pirard", "vm1.ulg.ac.be")], h.Envelope.From);
        Assert.Equal("ANDRÉ PIRARD", h.SortDisplayFrom);
    }

    [Fact]
    public void AMessageWithoutTheseHeadersHasAnEmptyEnvelope()
    {
        var h = Index("X-Mailer: something\r\n\r\nbody");
        var e = h.Envelope;
        Assert.All(new[] { e.From, e.Sender, e.ReplyTo, e.To, e.Cc, e.Bcc }, Assert.Empty);
        Assert.Equal((null, null, null, null), (e.Date, e.Subject, e.InReplyTo, e.MessageId));
        Assert.Null(h.SentDate);
        Assert.Equal((string.Empty, string.Empty, string.Empty), (h.Subject, h.SortSubject, h.SortFrom));
        Assert.Null(h.MessageId);
        Assert.Empty(h.References);
    }

    [Fact]
    public void SenderAndReplyToDefaultToFromOnlyWhenAbsentOrEmpty()
    {
        var h = Index("From: a@x.example\r\nSender: s@x.example\r\nReply-To:\r\n\r\n");
        Assert.Equal([Address(null, "s", "x.example")], h.Envelope.Sender);
        Assert.Equal(h.Envelope.From, h.Envelope.ReplyTo);
    }

    [Fact]
    public void GroupsBecomeStartAndEndMarkers()
    {
        var h = Index("To: undisclosed-recipients:;\r\nCc: Team: a@x.example, b@y.example;, c@z.example\r\n\r\n");

        Assert.Equal([new EnvelopeAddress(null, null, "undisclosed-recipients", null), new EnvelopeAddress(null, null, null, null)], h.Envelope.To);
        Assert.True(h.Envelope.To[0].IsGroupStart);
        Assert.True(h.Envelope.To[1].IsGroupEnd);
        Assert.Equal(
            [new(null, null, "Team", null), Address(null, "a", "x.example"), Address(null, "b", "y.example"), new(null, null, null, null), Address(null, "c", "z.example")],
            h.Envelope.Cc);
        Assert.Equal("A", h.SortCc);
        Assert.Equal(string.Empty, h.SortTo);
    }

    [Fact]
    public void OddAddressesStillIndex()
    {
        var h = Index("From: root\r\nTo: <@relay.example:user@host.example>\r\nCc: ,,, \r\nBcc: \"unterminated <x@y\r\n\r\n");

        Assert.Equal([Address(null, "root", EnvelopeAddress.MissingDomain)], h.Envelope.From);
        Assert.Equal([new EnvelopeAddress(null, "@relay.example", "user", "host.example")], h.Envelope.To);
        Assert.Empty(h.Envelope.Cc);
    }

    [Theory]
    [InlineData("Date: yesterday", null, "yesterday")]
    [InlineData("Date: Mon, 32 Foo 2025 99:99:99 +9999", null, "Mon, 32 Foo 2025 99:99:99 +9999")]
    [InlineData("Date: 1 Jan 2024 00:00 GMT", "2024-01-01T00:00:00+00:00", "1 Jan 2024 00:00 GMT")]
    [InlineData("Date:   Fri, 21 Nov 1997 09:55:06 -0600 (CST)", "1997-11-21T09:55:06-06:00", "Fri, 21 Nov 1997 09:55:06 -0600 (CST)")]
    public void DatesAreParsedWhenTheyCanBeAndKeptRawRegardless(string header, string? parsed, string raw)
    {
        var h = Index(header + "\r\n\r\n");
        Assert.Equal(parsed is null ? null : DateTimeOffset.Parse(parsed), h.SentDate);
        Assert.Equal(raw, h.Envelope.Date);
    }

    [Fact]
    public void BareLineFeedsMboxLinesAndJunkLinesAreTolerated()
    {
        var h = Index("From nobody Mon Jan  1 00:00:00 2024\nnot a header line\nSubject: still found\n folded\nTo: a@b.example\n\nbody");
        Assert.Equal("still found folded", h.Subject);
        Assert.Equal([Address(null, "a", "b.example")], h.Envelope.To);
    }

    [Fact]
    public void AHeaderWithoutABodyOrFinalNewlineIsIndexed()
    {
        Assert.Equal("last", Index("To: x@y.example\r\nSubject: last").Subject);
        Assert.Equal(IndexedHeaders.Empty.Subject, Index(string.Empty).Subject);
        Assert.Equal(string.Empty, Index("\r\nSubject: in the body").Subject);
    }

    [Fact]
    public async Task IndexingAStreamReadsOnlyTheHeader()
    {
        var body = new string('x', 5_000_000);
        await using var message = new CountingStream(Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + body));

        var h = await MessageIndexer.IndexAsync(message);

        Assert.Equal("big", h.Subject);
        Assert.True(message.BytesRead < 64 * 1024, $"read {message.BytesRead} bytes");
    }

    [Fact]
    public async Task AHeaderThatNeverEndsIsCutAtTheLimit()
    {
        var endless = "Subject: first\r\n" + string.Concat(Enumerable.Repeat("X-Filler: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n", 100_000));
        await using var message = new CountingStream(Encoding.ASCII.GetBytes(endless));

        var h = await MessageIndexer.IndexAsync(message);

        Assert.Equal("first", h.Subject);
        Assert.True(message.BytesRead <= MessageIndexer.MaxHeaderBytes);
    }

    /// <summary>Counts what the indexer pulls; the indexer reads asynchronously, the only path counted.</summary>
    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = base.Read(buffer.Span);
            BytesRead += read;
            return ValueTask.FromResult(read);
        }
    }
}
