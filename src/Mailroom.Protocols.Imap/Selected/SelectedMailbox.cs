using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// A session's view of its selected mailbox (RFC 9051 §3.3): the folder, its UIDVALIDITY, whether it was opened
/// read-only (EXAMINE), the sequence-number ↔ UID map as last reported to the client, and how far the session has
/// seen the folder's changes (UIDNEXT, MODSEQs). Other sessions' changes reach the client only through
/// <see cref="ReportChangesAsync"/>, at the points RFC 9051 §7 allows; until then sequence numbers stay stable.
/// </summary>
public sealed partial class SelectedMailbox
{
    private const int PageSize = FetchRequest.MaxLimit;

    /// <summary>UIDs per page when opening the view: 4 bytes each, so a page stays small while a 100,000-message folder needs two.</summary>
    private const int UidPageSize = 50_000;

    private readonly IMailboxStore _store;

    // How far the session has reported: flag changes up to _changedSince, expunges up to _vanishedSince.
    private ulong _changedSince;
    private ulong _vanishedSince;
    private bool _dirty;

    private SelectedMailbox(IMailboxStore store, MailFolder folder, bool readOnly)
    {
        _store = store;
        FolderId = folder.Id;
        Name = folder.Name;
        UidValidity = folder.UidValidity;
        ReadOnly = readOnly;
        UidNext = folder.UidNext;
        RecentFrom = folder.UidNext;
        _changedSince = _vanishedSince = folder.HighestModSeq;
    }

    public long FolderId { get; }

    /// <summary>The folder's name when selected (store form, '/' delimited, not encoded).</summary>
    public string Name { get; }

    public uint UidValidity { get; }

    /// <summary>Opened with EXAMINE (or the user may not change it): no flag changes, no expunge (RFC 9051 §6.3.3).</summary>
    public bool ReadOnly { get; }

    /// <summary>The UIDNEXT the client has been told of: messages at or above it are not in the view yet.</summary>
    public uint UidNext { get; private set; }

    /// <summary>IMAP4rev1 \Recent (RFC 3501 §2.3.2): messages that arrived while this session had the folder selected,
    /// i.e. UIDs from the UIDNEXT at SELECT on. The store keeps no \Recent; see docs/imap.md.</summary>
    public uint RecentFrom { get; }

    /// <summary>The highest MODSEQ the client has been told everything up to (RFC 7162 HIGHESTMODSEQ).</summary>
    public ulong HighestModSeq => Math.Min(_changedSince, _vanishedSince);

    /// <summary>Sequence number ↔ UID, as the client sees it.</summary>
    public UidMap Messages { get; } = new();

    /// <summary>Messages in the view (the last EXISTS).</summary>
    public uint Count => Messages.Count;

    /// <summary>The UIDs saved by <c>SEARCH RETURN (SAVE)</c> (RFC 5182), used by <c>$</c>; null until a SEARCH saves one.</summary>
    public IReadOnlyList<UidRange>? SavedResult { get; set; }

    /// <summary>Opens the view: the folder's UIDs below its UIDNEXT, read in pages (never the whole folder's records at once).</summary>
    /// <param name="snapshots">UIDs of recently selected folders, shared by the engine's sessions; null reads the store.</param>
    public static async Task<SelectedMailbox> OpenAsync(IMailboxStore store, MailFolder folder, bool readOnly, CancellationToken cancellationToken,
        UidSnapshotCache? snapshots = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(folder);
        var view = new SelectedMailbox(store, folder, readOnly);
        if (folder.UidNext <= 1)
        {
            return view;
        }

        if (snapshots is not null && snapshots.TryGet(folder.Id, folder.UidNext, folder.HighestModSeq, out var runs))
        {
            foreach (var (first, last) in runs)
            {
                view.Messages.AppendRange(first, last);
            }

            return view;
        }

        await view.LoadUidsAsync(new UidRange(1, folder.UidNext - 1), cancellationToken).ConfigureAwait(false);

        // Kept only if nothing changed while the UIDs were read, so the snapshot is exactly the folder at its key.
        if (snapshots is not null && await store.GetFolderAsync(folder.Id, cancellationToken).ConfigureAwait(false) is { } after
            && after.UidNext == folder.UidNext && after.HighestModSeq == folder.HighestModSeq)
        {
            snapshots.Store(folder.Id, folder.UidNext, folder.HighestModSeq, view.Messages);
        }

        return view;
    }

    public uint SequenceOf(uint uid) => Messages.SequenceOf(uid);

    public uint UidAt(uint sequence) => Messages.UidAt(sequence);

    public bool Contains(uint uid) => Messages.Contains(uid);

    /// <summary>Whether an IMAP4rev1 client should see \Recent on this message.</summary>
    public bool IsRecent(uint uid) => uid >= RecentFrom;

    /// <summary>
    /// Resolves a sequence set to ascending, non-overlapping UID ranges within the view. Sequence numbers must exist
    /// (RFC 9051 §9: a number beyond the last message, or "*" in an empty mailbox, is an error → BAD); UIDs need not,
    /// and "n:*" always includes the highest UID (§6.4.8). <c>$</c> is the saved SEARCH result (RFC 5182).
    /// </summary>
    public bool TryResolve(SequenceSet set, bool isUid, out IReadOnlyList<UidRange> ranges, out string? error)
    {
        ArgumentNullException.ThrowIfNull(set);
        error = null;
        ranges = [];
        if (set.IsSavedResult)
        {
            ranges = SavedResult ?? [];
            return true;
        }

        var resolved = new List<UidRange>();
        if (isUid)
        {
            var max = Messages.MaxUid;
            foreach (var (low, high) in set.Resolve(max))
            {
                var last = Math.Min(high, max);
                var first = Math.Max(low, 1u);
                if (first <= last)
                {
                    resolved.Add(new UidRange(first, last));
                }
            }
        }
        else
        {
            foreach (var (low, high) in set.Resolve(Count))
            {
                if (low == 0 || high > Count)
                {
                    error = "Invalid message sequence number: " + set;
                    return false;
                }

                resolved.Add(new UidRange(UidAt(low), UidAt(high)));
            }
        }

        ranges = Normalize(resolved);
        return true;
    }

    /// <summary>Sorts and merges ranges.</summary>
    public static IReadOnlyList<UidRange> Normalize(List<UidRange> ranges)
    {
        if (ranges.Count <= 1)
        {
            return ranges;
        }

        ranges.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<UidRange> { ranges[0] };
        foreach (var range in ranges.Skip(1))
        {
            var last = merged[^1];
            if (range.First <= (ulong)last.Last + 1)
            {
                merged[^1] = new UidRange(last.First, Math.Max(last.Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>Marks the view as possibly behind the store (a change hint for this folder arrived).</summary>
    internal void MarkDirty() => _dirty = true;

    private async Task LoadUidsAsync(UidRange range, CancellationToken cancellationToken)
    {
        uint? next = range.First;
        while (next is { } from && from <= range.Last)
        {
            // UIDs only: the primary key's index answers without reading message rows.
            var page = await _store.ListUidsAsync(FolderId, new UidRange(from, range.Last), UidPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var uid in page.Uids)
            {
                Messages.Append(uid);
            }

            next = page.NextUid;
        }
    }
}
