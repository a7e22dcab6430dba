using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// The session's view of the maildrop (the mailbox's Inbox, as Exchange's POP3 serves it): the messages present at
/// login, numbered 1..n in UID order and fixed for the session (RFC 1939 §5), with the session's deletion marks.
/// Holds only a UID and a size per message (12 octets), read page by page, never bodies or headers.
/// </summary>
public sealed class Pop3Maildrop
{
    private readonly uint[] _uids;
    private readonly long[] _sizes;
    private readonly bool[] _deleted;

    private Pop3Maildrop(MailFolder folder, uint[] uids, long[] sizes)
    {
        Folder = folder;
        _uids = uids;
        _sizes = sizes;
        _deleted = new bool[uids.Length];
    }

    /// <summary>The Inbox as it was at login.</summary>
    public MailFolder Folder { get; }

    /// <summary>Messages at login, deleted ones included (message numbers never shift).</summary>
    public int Count => _uids.Length;

    /// <summary>Messages not marked deleted, and their total size (STAT, RFC 1939 §5).</summary>
    public int VisibleCount { get; private set; }

    public long VisibleSize { get; private set; }

    /// <summary>Reads the Inbox's UIDs and sizes, page by page. The mailbox's store is created if it never was.</summary>
    public static async Task<Pop3Maildrop> OpenAsync(IMailboxStore store, Guid mailboxId, CancellationToken cancellationToken)
    {
        var inbox = await store.GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken).ConfigureAwait(false);
        if (inbox is null)
        {
            // A mailbox that never received mail has no store yet; an empty maildrop is the right answer.
            await store.CreateMailboxAsync(mailboxId, cancellationToken).ConfigureAwait(false);
            inbox = await store.GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken).ConfigureAwait(false)
                ?? throw new MailboxNotFoundException(mailboxId);
        }

        var uids = new List<uint>((int)Math.Min(inbox.MessageCount, 1 << 20));
        var sizes = new List<long>(uids.Capacity);
        uint? next = 1;
        while (next is { } from)
        {
            var page = await store.FetchAsync(inbox.Id, new FetchRequest(UidRange.From(from)) { Limit = FetchRequest.MaxLimit }, cancellationToken).ConfigureAwait(false);
            foreach (var message in page.Messages)
            {
                uids.Add(message.Uid);
                sizes.Add(message.Size);
            }

            next = page.NextUid;
        }

        var maildrop = new Pop3Maildrop(inbox, [.. uids], [.. sizes]);
        maildrop.Reset();
        return maildrop;
    }

    /// <summary>The message with this number, unless out of range or marked deleted.</summary>
    public bool TryGet(int? number, out int index, out Pop3Response? error)
    {
        index = (number ?? 0) - 1;
        error = index < 0 || index >= _uids.Length ? Pop3Responses.NoSuchMessage : _deleted[index] ? Pop3Responses.MessageDeleted : null;
        return error is null;
    }

    public uint UidAt(int index) => _uids[index];

    public long SizeAt(int index) => _sizes[index];

    public bool IsDeleted(int index) => _deleted[index];

    /// <summary>The unique-id listing (RFC 1939 §7 UIDL): UIDVALIDITY and UID, stable across sessions.</summary>
    public string UniqueIdAt(int index) => Pop3UniqueId.Format(Folder.UidValidity, _uids[index]);

    public void MarkDeleted(int index)
    {
        _deleted[index] = true;
        VisibleCount--;
        VisibleSize -= _sizes[index];
    }

    /// <summary>RSET (RFC 1939 §5): unmark everything.</summary>
    public void Reset()
    {
        Array.Clear(_deleted);
        VisibleCount = _uids.Length;
        VisibleSize = _sizes.Sum();
    }

    /// <summary>UIDs marked deleted, ascending.</summary>
    public IReadOnlyList<uint> DeletedUids() => _uids.Where((_, i) => _deleted[i]).ToList();
}
