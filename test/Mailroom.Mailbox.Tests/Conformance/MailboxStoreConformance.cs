using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Mailboxes.Tests.Support;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>
/// What every mailbox store provider must do, run against each by a derived class. Split by concern into partial
/// files: folders, messages (UIDs, flags, expunge, copy/move, sizes), paging and concurrency, blobs, notifications.
/// </summary>
public abstract partial class MailboxStoreConformance : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    protected ManualClock Clock { get; } = new(Start);

    protected IMailboxStore Store { get; private set; } = null!;

    /// <summary>A store over this test's storage; a second call opens the same storage again (a restart).</summary>
    protected abstract Task<IMailboxStore> OpenStoreAsync();

    /// <summary>How many distinct bodies the provider physically holds (files, or chunked contents).</summary>
    protected abstract Task<int> CountStoredBodiesAsync();

    public async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task<Guid> NewMailboxAsync()
    {
        var id = Guid.NewGuid();
        Assert.True(await Store.CreateMailboxAsync(id));
        return id;
    }

    protected Task<StoredMessage> ImportAsync(string subject, string body = "Hello.") =>
        MessageImport.ImportAsync(Store.Blobs, TestMessages.Stream(subject, body));

    protected Task<AppendResult> DeliverAsync(Guid mailbox, StoredMessage message, string? key = null, MessageFlags flags = MessageFlags.None) =>
        Store.DeliverAsync(mailbox, NewMessage.From(message, Clock.GetUtcNow()) with { IdempotencyKey = key, Flags = flags });

    protected async Task<MailFolder> FolderAsync(Guid mailbox, string name) =>
        await Store.GetFolderAsync(mailbox, name) ?? throw new Xunit.Sdk.XunitException($"No folder {name}.");

    protected async Task<MailFolder> InboxAsync(Guid mailbox) => await FolderAsync(mailbox, "Inbox");

    /// <summary>Every message of a folder, page by page.</summary>
    protected async Task<List<MessageRecord>> FetchAllAsync(long folderId, MessageFields fields = MessageFields.Summary, ulong changedSince = 0)
    {
        var all = new List<MessageRecord>();
        uint? next = 1;
        while (next is { } from)
        {
            var page = await Store.FetchAsync(folderId, new FetchRequest(UidRange.From(from)) { Fields = fields, ChangedSince = changedSince });
            all.AddRange(page.Messages);
            next = page.NextUid;
        }

        return all;
    }

    protected static List<uint> Uids(IEnumerable<MessageRecord> messages) => messages.Select(m => m.Uid).ToList();
}
