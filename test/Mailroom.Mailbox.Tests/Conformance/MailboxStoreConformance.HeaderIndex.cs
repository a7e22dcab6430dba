using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Mailboxes.Tests.Support;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>The header index: SEARCH's text filter inside the query, the encoded envelope, UID-only pages, migration 3.</summary>
public abstract partial class MailboxStoreConformance
{
    /// <summary>Runs SQL on the store's database directly (to build an old-schema row for the migration test).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    private async Task<AppendResult> DeliverFromAsync(Guid mailbox, string subject, string from, string to = "bob@contoso.com") =>
        await Store.DeliverAsync(mailbox, NewMessage.From(
            await MessageImport.ImportAsync(Store.Blobs, new MemoryStream(TestMessages.Build(subject, from, to))), Clock.GetUtcNow()));

    private async Task<List<uint>> FilteredUidsAsync(long folderId, IReadOnlyList<IReadOnlyList<TextCondition>> filter, int limit = 500)
    {
        var uids = new List<uint>();
        for (uint? next = 1; next is { } from;)
        {
            var page = await Store.FetchAsync(folderId, new FetchRequest(UidRange.From(from)) { Limit = limit, TextFilter = filter, Fields = MessageFields.Headers });
            uids.AddRange(page.Messages.Select(m => m.Uid));
            next = page.NextUid;
        }

        return uids;
    }

    public static TheoryData<IndexedText, string, uint[]> TextFilterCases => new()
    {
        { IndexedText.Subject, "quarterly", [1, 3] },
        { IndexedText.Subject, "QUARTERLY NUMBERS", [1] },
        { IndexedText.Subject, "café", [2] },          // decoded Unicode, other case than stored ("CAFÉ")
        { IndexedText.Subject, "ünïcode", [2] },
        { IndexedText.Subject, "%", [4] },             // no LIKE wildcards
        { IndexedText.Subject, "_", [] },
        { IndexedText.From, "okafor", [1, 4] },        // display name
        { IndexedText.From, "N.OKAFOR@FABRIKAM", [1, 4] }, // address
        { IndexedText.From, "Zoë", [2] },
        { IndexedText.To, "carol", [3] },
        { IndexedText.Cc, "bob", [] },
        { IndexedText.Subject, "nowhere", [] },
    };

    [Theory]
    [MemberData(nameof(TextFilterCases))]
    public async Task TheTextFilterIsACaseInsensitiveSubstringMatchOnDecodedHeaders(IndexedText field, string value, uint[] expected)
    {
        var mailbox = await NewMailboxAsync();
        await DeliverFromAsync(mailbox, "Re: Quarterly numbers", "Nnamdi Okafor <n.okafor@fabrikam.com>");
        await DeliverFromAsync(mailbox, "=?UTF-8?Q?CAF=C3=89_=C3=9CN=C3=8FCODE?=", "=?UTF-8?Q?Zo=C3=AB?= <zoe@contoso.com>");
        await DeliverFromAsync(mailbox, "quarterly plan", "alice@contoso.com", to: "Carol <carol@contoso.com>");
        var last = await DeliverFromAsync(mailbox, "100% done", "n.okafor@fabrikam.com");

        Assert.Equal(expected, await FilteredUidsAsync(last.FolderId, [[new TextCondition(field, value)]]));
    }

    [Fact]
    public async Task TextFilterGroupsAreAndedTheirConditionsOredAndPagesSkipNonMatches()
    {
        var mailbox = await NewMailboxAsync();
        AppendResult last = null!;
        for (var i = 1; i <= 30; i++)
        {
            last = await DeliverFromAsync(mailbox, i % 3 == 0 ? $"report {i}" : $"note {i}", i % 2 == 0 ? "even@contoso.com" : "odd@contoso.com");
        }

        var folder = last.FolderId;
        var reports = Enumerable.Range(1, 30).Where(i => i % 3 == 0).Select(i => (uint)i).ToList();
        Assert.Equal(reports, await FilteredUidsAsync(folder, [[new TextCondition(IndexedText.Subject, "REPORT")]], limit: 2));
        Assert.Equal(reports.Where(u => u % 2 == 0), await FilteredUidsAsync(folder,
            [[new TextCondition(IndexedText.Subject, "report")], [new TextCondition(IndexedText.From, "even@")]], limit: 1));
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 3 == 0 || i % 2 == 1).Select(i => (uint)i), await FilteredUidsAsync(folder,
            [[new TextCondition(IndexedText.Subject, "report"), new TextCondition(IndexedText.From, "odd@")]]));
    }

    [Fact]
    public async Task CopiesCarryTheirHeaderIndex()
    {
        var mailbox = await NewMailboxAsync();
        var delivered = await DeliverFromAsync(mailbox, "Copied subject", "Dana <dana@contoso.com>");
        var archive = await FolderAsync(mailbox, "Archive");
        await Store.CopyAsync(delivered.FolderId, UidRange.Single(delivered.Uid), archive.Id);

        Assert.Equal([1u], await FilteredUidsAsync(archive.Id, [[new TextCondition(IndexedText.From, "DANA")]]));
        var copy = Assert.Single(await FetchAllAsync(archive.Id, MessageFields.Envelope));
        Assert.Equal("Copied subject", EnvelopeCodec.Decode(copy.EnvelopeData).Subject);
    }

    [Fact]
    public async Task TheEnvelopeFieldReadsOnlyTheEncodedEnvelope()
    {
        var mailbox = await NewMailboxAsync();
        var delivered = await DeliverFromAsync(mailbox, "Envelope only", "Erin <erin@contoso.com>");

        var light = Assert.Single(await FetchAllAsync(delivered.FolderId, MessageFields.Envelope));
        var full = Assert.Single(await FetchAllAsync(delivered.FolderId, MessageFields.Headers));
        Assert.Null(light.Headers);
        Assert.Equal(full.EnvelopeData, light.EnvelopeData);
        var envelope = EnvelopeCodec.Decode(light.EnvelopeData);
        Assert.Equal(full.Headers!.Envelope.Subject, envelope.Subject);
        Assert.Equal(full.Headers.Envelope.From, envelope.From);
        Assert.Equal(envelope.From, envelope.Sender);
        Assert.Null((await FetchAllAsync(delivered.FolderId)).Single().EnvelopeData);
    }

    [Fact]
    public async Task UidPagesListEveryUidOfARangeInOrder()
    {
        var mailbox = await NewMailboxAsync();
        var inbox = await InboxAsync(mailbox);
        var body = await ImportAsync("uids");
        await Store.AppendManyAsync(inbox.Id, Enumerable.Range(0, 25).Select(_ => NewMessage.From(body, Clock.GetUtcNow())).ToList());
        await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(new UidRange(5, 9), FlagChange.Add(MessageFlags.Deleted)));
        await Store.ExpungeAsync(inbox.Id, UidRange.From(1));

        var uids = new List<uint>();
        var pages = 0;
        for (uint? next = 3; next is { } from; pages++)
        {
            var page = await Store.ListUidsAsync(inbox.Id, new UidRange(from, 22), limit: 4);
            Assert.InRange(page.Uids.Count, 1, 4);
            uids.AddRange(page.Uids);
            next = page.NextUid;
        }

        Assert.Equal(new uint[] { 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22 }, uids);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task TheStoreSortsUidsByArrivalDateAndSizeWithTiesByUid()
    {
        var mailbox = await NewMailboxAsync();
        var inbox = await InboxAsync(mailbox);
        var small = await ImportAsync("small");                       // Date header: 2025-07-01 08:00Z (TestMessages)
        var large = await ImportAsync("large", new string('x', 500));
        await Store.AppendAsync(inbox.Id, NewMessage.From(large, Start.AddHours(3)));
        await Store.AppendAsync(inbox.Id, NewMessage.From(small, Start.AddHours(1)));
        await Store.AppendAsync(inbox.Id, NewMessage.From(large, Start.AddHours(2)));

        async Task<uint[]> Order(params MessageOrderKey[] keys) => [.. await Store.ListUidsInOrderAsync(inbox.Id, UidRange.From(1), keys)];

        Assert.Equal(new uint[] { 2u, 3u, 1u }, await Order(new MessageOrderKey(MessageOrder.Arrival, false)));
        Assert.Equal(new uint[] { 1u, 3u, 2u }, await Order(new MessageOrderKey(MessageOrder.Arrival, true)));
        Assert.Equal(new uint[] { 2u, 1u, 3u }, await Order(new MessageOrderKey(MessageOrder.Size, false)));
        Assert.Equal(new uint[] { 1u, 3u, 2u }, await Order(new MessageOrderKey(MessageOrder.Size, true), new MessageOrderKey(MessageOrder.Arrival, true)));
        Assert.Equal(new uint[] { 1u, 2u, 3u }, await Order(new MessageOrderKey(MessageOrder.Date, false)));   // one Date for all: UID order
        Assert.Equal(new uint[] { 2u, 3u }, await Store.ListUidsInOrderAsync(inbox.Id, new UidRange(2, 3), [new MessageOrderKey(MessageOrder.Arrival, false)]));
    }

    [Fact]
    public async Task MigrationThreeConvertsRowsWrittenWithTheJsonEnvelope()
    {
        var mailbox = await NewMailboxAsync();
        var delivered = await DeliverFromAsync(mailbox, "=?UTF-8?Q?Legacy_=C3=A9t=C3=A9?=", "Old Timer <old@contoso.com>", to: "A <a@x.example>, B <b@y.example>");
        var expected = Assert.Single(await FetchAllAsync(delivered.FolderId, MessageFields.Headers)).Headers!.Envelope;

        // Put the row back the way schema 2 stored it: a JSON envelope and no folded text or encoded envelope (nor the later index).
        var json = IndexJson.Serialize(expected).Replace("'", "''", StringComparison.Ordinal);
        await ExecuteSqlAsync($"""
            ALTER TABLE mail_messages ADD COLUMN envelope TEXT NOT NULL DEFAULT '';
            UPDATE mail_messages SET envelope = '{json}';
            ALTER TABLE mail_messages DROP COLUMN fold_subject;
            ALTER TABLE mail_messages DROP COLUMN fold_from;
            ALTER TABLE mail_messages DROP COLUMN fold_to;
            ALTER TABLE mail_messages DROP COLUMN fold_cc;
            ALTER TABLE mail_messages DROP COLUMN fold_bcc;
            ALTER TABLE mail_messages DROP COLUMN envelope_data;
            DROP INDEX ix_mail_messages_summary;
            DELETE FROM mailbox_schema_migrations WHERE version >= 3;
            """);

        Store = await OpenStoreAsync();
        await Store.InitializeAsync();

        var migrated = Assert.Single(await FetchAllAsync(delivered.FolderId, MessageFields.Envelope));
        var envelope = EnvelopeCodec.Decode(migrated.EnvelopeData);
        Assert.Equal("=?UTF-8?Q?Legacy_=C3=A9t=C3=A9?=", envelope.Subject);
        Assert.Equal(expected.From, envelope.From);
        Assert.Equal(expected.To, envelope.To);
        Assert.Equal(expected.MessageId, envelope.MessageId);
        Assert.Equal([delivered.Uid], await FilteredUidsAsync(delivered.FolderId, [[new TextCondition(IndexedText.Subject, "ÉTÉ")]]));
        Assert.Equal([delivered.Uid], await FilteredUidsAsync(delivered.FolderId, [[new TextCondition(IndexedText.To, "b@y.EXAMPLE")]]));
    }
}
