using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes;

/// <summary>
/// Folders and messages of every mailbox, keyed by the directory mailbox's Guid. Every call is its own transaction;
/// writes to one mailbox are serialized (so UIDs and MODSEQs are handed out in commit order), writes to different
/// mailboxes run in parallel where the provider can. Anything that may touch many messages works in pages: it takes a
/// limit and returns where to continue, so no call holds a whole folder. Changes are published on <see cref="Changes"/>
/// after they commit.
/// </summary>
public interface IMailboxStore
{
    /// <summary>Message bodies; reference counts are kept by this store.</summary>
    IBlobStore Blobs { get; }

    IMailboxChangeFeed Changes { get; }

    /// <summary>Creates or upgrades the schema (the mailbox store's own numbered migrations).</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the mailbox with Exchange's default folders; does nothing if it exists. True if it was created.</summary>
    Task<bool> CreateMailboxAsync(Guid mailboxId, CancellationToken cancellationToken = default);

    /// <summary>Size and count of the whole mailbox, kept incrementally (quota checks never scan); null if none.</summary>
    Task<MailboxUsage?> GetUsageAsync(Guid mailboxId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every folder and message, in pages; bodies left unreferenced go at the next sweep.</summary>
    Task DeleteMailboxAsync(Guid mailboxId, CancellationToken cancellationToken = default);

    /// <summary>Forgets delivery idempotency keys older than <paramref name="before"/> (transport's queue expiry); returns how many.</summary>
    Task<int> ForgetDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>All folders of a mailbox, by name (bytewise); a mailbox has hundreds at most, so this is not paged.</summary>
    Task<IReadOnlyList<MailFolder>> ListFoldersAsync(Guid mailboxId, CancellationToken cancellationToken = default);

    /// <summary>A folder by full name, case-insensitively ("INBOX" finds Inbox).</summary>
    Task<MailFolder?> GetFolderAsync(Guid mailboxId, string name, CancellationToken cancellationToken = default);

    Task<MailFolder?> GetFolderAsync(long folderId, CancellationToken cancellationToken = default);

    Task<MailFolder?> GetDefaultFolderAsync(Guid mailboxId, DefaultFolder role, CancellationToken cancellationToken = default);

    /// <summary>STATUS/SELECT data: counters plus the unseen count and first unseen UID.</summary>
    Task<FolderStatus> GetFolderStatusAsync(long folderId, CancellationToken cancellationToken = default);

    /// <summary>Creates a folder and any missing parents (RFC 9051 §6.3.4); throws <see cref="FolderOperationException"/>.</summary>
    Task<MailFolder> CreateFolderAsync(Guid mailboxId, string name, CancellationToken cancellationToken = default);

    /// <summary>Renames a folder and everything under it, keeping ids and UIDVALIDITY; default folders refuse.</summary>
    Task RenameFolderAsync(long folderId, string newName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a folder without children and its messages; default folders refuse.</summary>
    Task DeleteFolderAsync(long folderId, CancellationToken cancellationToken = default);

    /// <summary>SUBSCRIBE/UNSUBSCRIBE; the name need not exist (RFC 9051 §6.3.7).</summary>
    Task SetSubscribedAsync(Guid mailboxId, string name, bool subscribed, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListSubscriptionsAsync(Guid mailboxId, CancellationToken cancellationToken = default);

    /// <summary>Keywords ever set in a folder, for the FLAGS and PERMANENTFLAGS responses.</summary>
    Task<IReadOnlyList<string>> ListKeywordsAsync(long folderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Transport's local delivery into the Inbox; creates the mailbox on first delivery, as Exchange does. With an
    /// idempotency key, a repeated delivery returns the first one's result with <see cref="AppendResult.AlreadyDelivered"/>.
    /// Throws <see cref="BlobNotFoundException"/> if the body is not in <see cref="Blobs"/>.
    /// </summary>
    Task<AppendResult> DeliverAsync(Guid mailboxId, NewMessage message, CancellationToken cancellationToken = default);

    /// <summary>APPEND into a folder.</summary>
    Task<AppendResult> AppendAsync(long folderId, NewMessage message, CancellationToken cancellationToken = default);

    /// <summary>MULTIAPPEND (RFC 3502) and imports: all or nothing, consecutive UIDs.</summary>
    Task<IReadOnlyList<AppendResult>> AppendManyAsync(long folderId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>One page of messages in UID order.</summary>
    Task<MessagePage> FetchAsync(long folderId, FetchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The UIDs in a range, in order, in pages of up to <paramref name="limit"/> (SELECT's sequence map).</summary>
    Task<UidPage> ListUidsAsync(long folderId, UidRange range, int limit = 50_000, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every UID in a range sorted by <paramref name="order"/>, ties by UID: SORT on numeric keys done by the database
    /// (a sort answer holds every number anyway, so this is not paged; it is 4 bytes a message).
    /// </summary>
    Task<IReadOnlyList<uint>> ListUidsInOrderAsync(long folderId, UidRange range, IReadOnlyList<MessageOrderKey> order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Maps sequence numbers (1-based positions in UID order, as the store sees the folder now) to a UID range, or null
    /// when the folder has fewer messages than <paramref name="first"/>. A session with expunges it has not yet reported
    /// must map through its own view instead.
    /// </summary>
    Task<UidRange?> ResolveSequenceRangeAsync(long folderId, uint first, uint last, CancellationToken cancellationToken = default);

    /// <summary>The sequence number <paramref name="uid"/> has now (how many UIDs ≤ it exist), 0 if it does not exist.</summary>
    Task<uint> GetSequenceNumberAsync(long folderId, uint uid, CancellationToken cancellationToken = default);

    /// <summary>One page of STORE.</summary>
    Task<FlagStoreResult> StoreFlagsAsync(long folderId, FlagStoreRequest request, CancellationToken cancellationToken = default);

    /// <summary>One page of EXPUNGE (or UID EXPUNGE with a range): removes \Deleted messages.</summary>
    Task<ExpungeResult> ExpungeAsync(long folderId, UidRange range, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>UIDs expunged with a MODSEQ above <paramref name="sinceModSeq"/>, in pages.</summary>
    Task<VanishedPage> GetVanishedAsync(long folderId, ulong sinceModSeq, UidRange range, int limit = 5000, CancellationToken cancellationToken = default);

    /// <summary>One page of COPY; the copies share their bodies with the originals.</summary>
    Task<CopyResult> CopyAsync(long sourceFolderId, UidRange range, long targetFolderId, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>One page of MOVE (RFC 6851): copy and expunge in one transaction.</summary>
    Task<CopyResult> MoveAsync(long sourceFolderId, UidRange range, long targetFolderId, int limit = 1000, CancellationToken cancellationToken = default);
}
