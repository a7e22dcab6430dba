using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE uid-set (RFC 4315 §2.1): removes \Deleted messages (only those in the
/// set for the UID form), reporting each as <c>* n EXPUNGE</c> (or VANISHED under QRESYNC).
/// </summary>
internal sealed class ExpungeHandler : IImapCommandHandler
{
    public string Name => "EXPUNGE";

    public IEnumerable<string> Capabilities(ImapSession session) => ["UIDPLUS"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var view = session.Selected!;
        IReadOnlyList<UidRange> ranges = [UidRange.All];
        var args = command.Reader();
        if (command.IsUid)
        {
            if (!args.TrySequenceSet(out var set) || !args.AtEnd)
            {
                return ImapResult.Bad("Syntax: UID EXPUNGE uid-set");
            }

            if (!view.TryResolve(set, isUid: true, out ranges, out var error))
            {
                return ImapResult.Bad(error!);
            }
        }
        else if (!args.AtEnd)
        {
            return ImapResult.Bad("EXPUNGE takes no arguments");
        }

        if (view.ReadOnly)
        {
            return ImapResult.No("The mailbox is read-only", "READ-ONLY");
        }

        var highest = await ExpungeAsync(session, view, ranges, silent: false).ConfigureAwait(false);
        return ImapResult.Ok("EXPUNGE completed", session.IsEnabled(ImapExtensions.CondStore) && highest > 0 ? "HIGHESTMODSEQ " + highest : null);
    }

    /// <summary>Expunges \Deleted messages in <paramref name="ranges"/> page by page; returns the last HIGHESTMODSEQ (0 if none ran).</summary>
    internal static async ValueTask<ulong> ExpungeAsync(ImapSession session, SelectedMailbox view, IReadOnlyList<UidRange> ranges, bool silent)
    {
        ulong highest = 0;
        foreach (var range in ranges)
        {
            var last = Math.Min(range.Last, view.UidNext > 1 ? view.UidNext - 1 : 0);
            uint? next = range.First;
            while (next is { } from && from <= last)
            {
                var result = await session.Store.ExpungeAsync(view.FolderId, new UidRange(from, last), 1000, session.Aborted).ConfigureAwait(false);
                if (result.ExpungedUids.Count > 0)
                {
                    view.ApplyExpunge(session, result.ExpungedUids, result.HighestModSeq, silent);
                    await session.Writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
                }

                highest = result.HighestModSeq;
                next = result.NextUid;
            }
        }

        return highest;
    }
}
