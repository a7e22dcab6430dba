using System.Text;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Storage.Sqlite;

namespace Mailroom.Protocols.Pop3.Tests;

/// <summary>A real SQLite mailbox store in a temporary folder, with helpers to fill and read alice's Inbox.</summary>
internal sealed class MaildropStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mailroom-pop3-" + Guid.NewGuid().ToString("N"));

    private MaildropStore()
    {
        System.IO.Directory.CreateDirectory(_folder);
        Store = new SqliteMailboxStore(_folder);
    }

    public IMailboxStore Store { get; }

    public static async Task<MaildropStore> CreateAsync()
    {
        var store = new MaildropStore();
        await store.Store.InitializeAsync();
        return store;
    }

    public async Task<uint> DeliverAsync(string text, Guid? mailbox = null)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var stored = await MessageImport.ImportAsync(Store.Blobs, content);
        return (await Store.DeliverAsync(mailbox ?? FakePop3Backend.AliceMailbox, NewMessage.From(stored, DateTimeOffset.UtcNow))).Uid;
    }

    public async Task<List<MessageRecord>> InboxAsync(Guid? mailbox = null)
    {
        var inbox = await Store.GetDefaultFolderAsync(mailbox ?? FakePop3Backend.AliceMailbox, DefaultFolder.Inbox);
        return inbox is null ? [] : [.. (await Store.FetchAsync(inbox.Id, new FetchRequest(UidRange.All))).Messages];
    }

    public async Task<MailFolder> FolderAsync() => (await Store.GetDefaultFolderAsync(FakePop3Backend.AliceMailbox, DefaultFolder.Inbox))!;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover in the temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
