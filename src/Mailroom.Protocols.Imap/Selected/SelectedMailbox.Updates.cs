using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

public sealed partial class SelectedMailbox
{
    /// <summary>
    /// Tells the client what changed since it last heard (RFC 9051 §7): expunges (<c>* n EXPUNGE</c>, or
    /// <c>* VANISHED</c> under QRESYNC, RFC 7162 §3.2.10) when <paramref name="allowExpunge"/>, new messages
    /// (<c>* n EXISTS</c>, and <c>* n RECENT</c> for IMAP4rev1), and flag changes (<c>* n FETCH (FLAGS …)</c> with
    /// MODSEQ under CONDSTORE and UID under QRESYNC). The session calls it before each tagged completion, on NOOP and
    /// during IDLE. Reads the store only when a change hint arrived or <paramref name="force"/> is set.
    /// </summary>
    /// <param name="allowExpunge">False while answering FETCH, STORE or SEARCH by sequence number (RFC 9051 §7.4.1):
    /// expunges then wait for the next command that allows them, so sequence numbers do not shift under the client.</param>
    public async ValueTask ReportChangesAsync(ImapSession session, bool allowExpunge, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_dirty && !force)
        {
            return;
        }

        var ct = session.Aborted;
        var folder = await _store.GetFolderAsync(FolderId, ct).ConfigureAwait(false);
        if (folder is null || folder.UidValidity != UidValidity)
        {
            // Deleted under us: nothing to report; commands on it will answer NO [NONEXISTENT].
            _dirty = false;
            return;
        }

        var writer = session.Writer;
        var expungesPending = false;
        if (folder.HighestModSeq > _vanishedSince)
        {
            if (allowExpunge)
            {
                var vanished = await VanishedSinceAsync(_vanishedSince, folder.UidNext, ct).ConfigureAwait(false);
                WriteExpunges(session, vanished);
                _vanishedSince = folder.HighestModSeq;
            }
            else
            {
                expungesPending = true;
            }
        }

        var oldUidNext = UidNext;
        if (folder.UidNext > UidNext)
        {
            var before = Count;
            await LoadUidsAsync(new UidRange(UidNext, folder.UidNext - 1), ct).ConfigureAwait(false);
            UidNext = folder.UidNext;
            if (Count != before)
            {
                writer.StartUntagged().Number(Count).Atom(" EXISTS").EndLine();
                if (!session.IsEnabled(ImapExtensions.Imap4Rev2))
                {
                    writer.StartUntagged().Number(RecentCount()).Atom(" RECENT").EndLine();
                }
            }
        }

        if (folder.HighestModSeq > _changedSince && oldUidNext > 1)
        {
            await WriteFlagChangesAsync(session, new UidRange(1, oldUidNext - 1), _changedSince).ConfigureAwait(false);
            _changedSince = folder.HighestModSeq;
        }

        _dirty = expungesPending;
    }

    /// <summary>
    /// Applies an expunge this session caused (EXPUNGE, UID EXPUNGE, CLOSE's silent one, MOVE): removes the UIDs from
    /// the view and, unless <paramref name="silent"/>, writes <c>* n EXPUNGE</c> or <c>* VANISHED</c> for them now.
    /// <paramref name="modSeq"/> is the store's MODSEQ for the expunge (ExpungeResult/CopyResult), so the view does not
    /// report the same expunge again.
    /// </summary>
    public void ApplyExpunge(ImapSession session, IReadOnlyList<uint> sortedUids, ulong modSeq, bool silent = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sortedUids);
        if (silent)
        {
            Messages.RemoveAll(sortedUids);
        }
        else
        {
            WriteExpunges(session, sortedUids);
        }

        NoteOwnChange(modSeq);
    }

    /// <summary>
    /// Records a change this session made and already reported (a STORE's FETCH responses, an expunge): when nothing
    /// else changed in between (<paramref name="modSeq"/> is the next MODSEQ), the view moves past it, so it is not
    /// reported twice. Otherwise it will be reported again with the others' changes, which is harmless.
    /// </summary>
    public void NoteOwnChange(ulong modSeq)
    {
        if (modSeq == _changedSince + 1)
        {
            _changedSince = modSeq;
        }

        if (modSeq == _vanishedSince + 1)
        {
            _vanishedSince = modSeq;
        }
    }

    /// <summary>Writes the expunge responses for the UIDs that are in the view, removing them.</summary>
    private void WriteExpunges(ImapSession session, IReadOnlyList<uint> sortedUids)
    {
        var removed = Messages.RemoveAll(sortedUids);
        if (removed.Count == 0)
        {
            return;
        }

        var writer = session.Writer;
        if (session.IsEnabled(ImapExtensions.QResync))
        {
            writer.StartUntagged().Atom("VANISHED ").Atom(SequenceSet.Format(removed.Select(r => r.Uid))).EndLine();
            return;
        }

        foreach (var (_, sequence) in removed)
        {
            writer.StartUntagged().Number(sequence).Atom(" EXPUNGE").EndLine();
        }
    }

    private async ValueTask<List<uint>> VanishedSinceAsync(ulong since, uint uidNext, CancellationToken ct)
    {
        var uids = new List<uint>();
        if (uidNext <= 1)
        {
            return uids;
        }

        var range = new UidRange(1, uidNext - 1);
        uint? next = 1;
        while (next is { } from && from <= range.Last)
        {
            var page = await _store.GetVanishedAsync(FolderId, since, new UidRange(from, range.Last), PageSize, ct).ConfigureAwait(false);
            uids.AddRange(page.Uids.Where(Messages.Contains));
            next = page.NextUid;
        }

        uids.Sort();
        return uids;
    }

    private async ValueTask WriteFlagChangesAsync(ImapSession session, UidRange range, ulong since)
    {
        var writer = session.Writer;
        var condStore = session.IsEnabled(ImapExtensions.CondStore);
        var qresync = session.IsEnabled(ImapExtensions.QResync);
        var rev1 = !session.IsEnabled(ImapExtensions.Imap4Rev2);
        uint? next = range.First;
        while (next is { } from && from <= range.Last)
        {
            var request = new FetchRequest(new UidRange(from, range.Last)) { Limit = PageSize, ChangedSince = since };
            var page = await _store.FetchAsync(FolderId, request, session.Aborted).ConfigureAwait(false);
            foreach (var message in page.Messages)
            {
                var sequence = SequenceOf(message.Uid);
                if (sequence == 0)
                {
                    continue;
                }

                writer.StartUntagged().Number(sequence).Atom(" FETCH (");
                if (qresync)
                {
                    writer.Atom("UID ").Number(message.Uid).Space();
                }

                writer.Atom("FLAGS ");
                ImapFlags.Write(writer, message.Flags, message.Keywords, rev1 && IsRecent(message.Uid));
                if (condStore)
                {
                    writer.Atom(" MODSEQ (").Number(message.ModSeq).CloseList();
                }

                writer.CloseList().EndLine();
            }

            await writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
            next = page.NextUid;
        }
    }

    private uint RecentCount()
    {
        // Messages from RecentFrom on: the view's tail, found by sequence number of the first recent UID.
        uint count = 0;
        foreach (var (first, last) in Messages.Ranges())
        {
            if (last >= RecentFrom)
            {
                count += last - Math.Max(first, RecentFrom) + 1;
            }
        }

        return count;
    }
}
