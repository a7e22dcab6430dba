using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// The UPDATE state (RFC 1939 §6): marks the session's deleted messages \Deleted and expunges exactly those UIDs, in
/// runs of consecutive UIDs so a message another client marked \Deleted (but did not expunge) is never swept along.
/// Retrieved messages that stay get \Seen. Each store call is one page in its own transaction.
/// </summary>
internal static class MaildropUpdate
{
    public static async Task<int> ApplyAsync(IMailboxStore store, long folderId, IReadOnlyList<uint> deleted, IReadOnlyList<uint> seen, CancellationToken cancellationToken)
    {
        foreach (var run in Runs(seen))
        {
            await StoreAsync(store, folderId, run, FlagChange.Add(MessageFlags.Seen), cancellationToken).ConfigureAwait(false);
        }

        var removed = 0;
        foreach (var run in Runs(deleted))
        {
            await StoreAsync(store, folderId, run, FlagChange.Add(MessageFlags.Deleted), cancellationToken).ConfigureAwait(false);
            uint? next = run.First;
            while (next is { } from)
            {
                var page = await store.ExpungeAsync(folderId, new UidRange(from, run.Last), cancellationToken: cancellationToken).ConfigureAwait(false);
                removed += page.ExpungedUids.Count;
                next = page.NextUid;
            }
        }

        return removed;
    }

    /// <summary>Ascending UIDs as ranges of consecutive values: 3,4,5,9 → 3:5, 9:9.</summary>
    public static IEnumerable<UidRange> Runs(IReadOnlyList<uint> ascending)
    {
        for (var i = 0; i < ascending.Count;)
        {
            var j = i;
            while (j + 1 < ascending.Count && ascending[j + 1] == ascending[j] + 1)
            {
                j++;
            }

            yield return new UidRange(ascending[i], ascending[j]);
            i = j + 1;
        }
    }

    private static async Task StoreAsync(IMailboxStore store, long folderId, UidRange run, FlagChange change, CancellationToken cancellationToken)
    {
        uint? next = run.First;
        while (next is { } from)
        {
            var page = await store.StoreFlagsAsync(folderId, new FlagStoreRequest(new UidRange(from, run.Last), change), cancellationToken).ConfigureAwait(false);
            next = page.NextUid;
        }
    }
}
