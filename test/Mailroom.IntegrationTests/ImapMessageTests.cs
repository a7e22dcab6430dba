using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>
/// FETCH, SEARCH, SORT, THREAD, STORE, COPY and MOVE over real sockets and TLS with MailKit's ImapClient, comparing what
/// the server says about each message with MimeKit's own view of the same bytes.
/// </summary>
public sealed class ImapMessageTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Password = "Pa55word!imap";
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task FetchedStructureEnvelopeAndPartsMatchMimeKit()
    {
        using var client = await ConnectAsync(NewUser());
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var original = MultipartMessage("Structure check", "Zoë Weiß <zoe@example.org>");
        var uid = (await inbox.AppendAsync(original))!.Value;

        var summary = Assert.Single(await inbox.FetchAsync([uid],
            MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure | MessageSummaryItems.Size | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate | MessageSummaryItems.UniqueId));
        var bytes = Bytes(original);
        Assert.Equal(uid, summary.UniqueId);
        Assert.Equal((uint)bytes.Length, summary.Size);
        var envelope = summary.Envelope!;
        Assert.Equal("Structure check", envelope.Subject);
        Assert.Equal("Zoë Weiß", ((MailboxAddress)envelope.From[0]).Name);
        Assert.Equal("zoe@example.org", ((MailboxAddress)envelope.From[0]).Address);
        Assert.Equal(original.MessageId, envelope.MessageId);

        var parsed = MimeMessage.Load(new MemoryStream(bytes));
        var expectedParts = parsed.BodyParts.Select(p => p.ContentType.MimeType).ToList();
        Assert.Equal(expectedParts, summary.BodyParts.Select(p => p.ContentType.MimeType).ToList());
        var attachment = Assert.Single(summary.Attachments);
        Assert.Equal("data.bin", attachment.FileName);

        // Each part's decoded content, fetched by its part specifier, equals MimeKit's decoding of the original.
        var text = (TextPart)await inbox.GetBodyPartAsync(uid, summary.TextBody!);
        Assert.Equal(parsed.TextBody, text.Text);
        var data = (MimePart)await inbox.GetBodyPartAsync(uid, attachment);
        using var decoded = new MemoryStream();
        await data.Content!.DecodeToAsync(decoded);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), decoded.ToArray());

        // BODY.PEEK[] returns the stored bytes exactly, and PEEK leaves \Seen alone.
        using var whole = await inbox.GetStreamAsync(uid, string.Empty);
        using var copy = new MemoryStream();
        await whole.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.False(summary.Flags!.Value.HasFlag(MessageFlags.Seen));

        // MailKit reads with BODY.PEEK[…] throughout, so \Seen is still unset (the transcript tests cover BODY[]).
        await inbox.GetMessageAsync(uid);
        var flags = Assert.Single(await inbox.FetchAsync([uid], MessageSummaryItems.Flags));
        Assert.False(flags.Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task SearchSortAndThreadFindTheRightMessages()
    {
        using var client = await ConnectAsync(NewUser());
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.Sort));
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.ESearch));
        Assert.Contains(ThreadingAlgorithm.References, client.ThreadingAlgorithms);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var plan = await AppendAsync(inbox, Simple("Plan", "ann@example.com", "The plan is ready", "<plan@x>", null, 3));
        var reply = await AppendAsync(inbox, Simple("Re: Plan", "bob@example.com", "Sounds good, café at noon", "<reply@x>", "<plan@x>", 1));
        var other = await AppendAsync(inbox, Simple("Invoice", "carl@example.com", "Please pay", "<inv@x>", null, 2));

        Assert.Equal([reply], await inbox.SearchAsync(SearchQuery.BodyContains("CAFÉ")));
        Assert.Equal([plan, reply], await inbox.SearchAsync(SearchQuery.SubjectContains("plan")));
        Assert.Equal([other], await inbox.SearchAsync(SearchQuery.FromContains("carl").Or(SearchQuery.HeaderContains("Message-ID", "inv@"))));
        Assert.Equal([plan, other], await inbox.SearchAsync(SearchQuery.Not(SearchQuery.BodyContains("noon"))));

        var results = await inbox.SearchAsync(SearchOptions.All | SearchOptions.Count | SearchOptions.Min | SearchOptions.Max, SearchQuery.All);
        Assert.Equal(3, results.Count);
        Assert.Equal(plan, results.Min);
        Assert.Equal(other, results.Max);

        Assert.Equal([reply, other, plan], await inbox.SortAsync(SearchQuery.All, [OrderBy.Date]));
        Assert.Equal([plan, reply, other], await inbox.SortAsync(SearchQuery.All, [OrderBy.ReverseSubject, OrderBy.Arrival]));

        var threads = await inbox.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.All);
        var planThread = Assert.Single(threads, t => t.UniqueId == plan);
        Assert.Equal(reply, Assert.Single(planThread.Children).UniqueId);
        Assert.Contains(threads, t => t.UniqueId == other && t.Children.Count == 0);
    }

    [Fact]
    public async Task StoresFlagsConditionallyAndResynchronisesWithQresync()
    {
        using var client = await ConnectAsync(NewUser());
        await client.EnableQuickResyncAsync();
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var uids = new List<UniqueId>();
        for (var i = 0; i < 4; i++)
        {
            uids.Add(await AppendAsync(inbox, Simple($"m{i}", "a@example.com", "x", $"<m{i}@x>", null, i)));
        }

        await inbox.AddFlagsAsync(uids.Take(2).ToList(), MessageFlags.Flagged, silent: false);
        Assert.Equal(uids.Take(2), await inbox.SearchAsync(SearchQuery.Flagged));
        var modSeq = Assert.Single(await inbox.FetchAsync([uids[0]], MessageSummaryItems.ModSeq)).ModSeq!.Value;

        // Message 0 changes after the client read its MODSEQ; a conditional store then leaves it alone.
        await inbox.StoreAsync([uids[0]], new StoreFlagsRequest(StoreAction.Add, new HashSet<string> { "$Work" }) { Silent = true });
        var unmodified = await inbox.AddFlagsAsync([uids[0], uids[1]], modSeq, MessageFlags.Answered, silent: true);
        Assert.Equal([uids[0]], unmodified);
        Assert.Equal([uids[1]], await inbox.SearchAsync(SearchQuery.Answered));

        var highest = inbox.HighestModSeq;
        var validity = inbox.UidValidity;
        await inbox.AddFlagsAsync([uids[2]], MessageFlags.Deleted, silent: true);
        await inbox.ExpungeAsync();
        await inbox.AddFlagsAsync([uids[3]], MessageFlags.Seen, silent: true);
        await inbox.CloseAsync();

        // QRESYNC: reopening with what the client knew reports the vanished UID and the changed flags.
        var vanished = new List<UniqueId>();
        var changed = new List<UniqueId>();
        inbox.MessagesVanished += (_, e) => vanished.AddRange(e.UniqueIds);
        inbox.MessageFlagsChanged += (_, e) => changed.Add(e.UniqueId!.Value);
        await inbox.OpenAsync(FolderAccess.ReadWrite, validity, highest, uids);
        Assert.Equal([uids[2]], vanished);
        Assert.Contains(uids[3], changed);

        // UID FETCH … (CHANGEDSINCE n VANISHED) through MailKit's Fetch with a mod-sequence.
        var since = await inbox.FetchAsync(0, -1, highest, MessageSummaryItems.Flags | MessageSummaryItems.UniqueId);
        Assert.Contains(since, s => s.UniqueId == uids[3] && s.Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task CopiesAndMovesReportUidPlusMappings()
    {
        using var client = await ConnectAsync(NewUser());
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.UidPlus));
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.Move));
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var uids = new List<UniqueId>();
        for (var i = 0; i < 3; i++)
        {
            uids.Add(await AppendAsync(inbox, Simple($"copy {i}", "a@example.com", "body " + i, $"<c{i}@x>", null, i)));
        }

        var archive = await client.GetFolderAsync("Archive");
        var copied = await inbox.CopyToAsync(uids.Take(2).ToList(), archive);
        Assert.Equal(uids.Take(2), copied.Keys);
        Assert.Equal(2, copied.Values.Distinct().Count());

        var expunged = new List<int>();
        inbox.MessageExpunged += (_, e) => expunged.Add(e.Index);
        var moved = await inbox.MoveToAsync([uids[0], uids[2]], archive);
        Assert.Equal([uids[0], uids[2]], moved.Keys);
        Assert.Equal(2, expunged.Count);
        Assert.Equal(1, inbox.Count);

        await archive.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(4, archive.Count);
        var subjects = (await archive.FetchAsync(0, -1, MessageSummaryItems.Envelope)).Select(s => s.Envelope!.Subject).ToList();
        Assert.Equal(["copy 0", "copy 1", "copy 0", "copy 2"], subjects);
        var movedBody = await archive.GetMessageAsync(moved[uids[2]]);
        Assert.Equal("body 2", movedBody.TextBody!.Trim());
    }

    private string NewUser()
    {
        var name = "imapmsg" + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {name} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        return name + "@contoso.com";
    }

    private async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    private static async Task<UniqueId> AppendAsync(IMailFolder folder, MimeMessage message) => (await folder.AppendAsync(message))!.Value;

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    private static MimeMessage Simple(string subject, string from, string body, string messageId, string? inReplyTo, int hour)
    {
        var message = new MimeMessage([MailboxAddress.Parse(from)], [MailboxAddress.Parse("user@contoso.com")], subject, new TextPart("plain") { Text = body })
        {
            Date = new DateTimeOffset(2024, 3, 1, hour, 0, 0, TimeSpan.Zero),
            MessageId = messageId.Trim('<', '>'),
        };
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(inReplyTo.Trim('<', '>'));
        }

        return message;
    }

    private static MimeMessage MultipartMessage(string subject, string from)
    {
        var body = new BodyBuilder { TextBody = "Grüße aus Köln\r\nzweite Zeile\r\n", HtmlBody = "<p>Grüße</p>" };
        body.Attachments.Add("data.bin", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), new ContentType("application", "octet-stream"));
        var message = new MimeMessage([MailboxAddress.Parse(from)], [MailboxAddress.Parse("user@contoso.com")], subject, body.ToMessageBody());
        message.Headers.Add("X-Test", Encoding.ASCII.GetString([0x41]));
        return message;
    }
}
