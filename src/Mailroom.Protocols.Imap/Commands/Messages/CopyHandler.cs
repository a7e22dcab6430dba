using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// COPY and UID COPY (RFC 9051 §6.4.7) with UIDPLUS's <c>[COPYUID uidvalidity source-uids target-uids]</c>
/// (RFC 4315 §3). A missing target answers <c>NO [TRYCREATE]</c>. The copies share their bodies with the originals.
/// </summary>
internal class CopyHandler : IImapCommandHandler
{
    public virtual string Name => "COPY";

    public virtual IEnumerable<string> Capabilities(ImapSession session) => ["UIDPLUS"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TrySequenceSet(out var set) || !args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad($"Syntax: {Name} sequence-set mailbox");
        }

        var view = session.Selected!;
        if (!view.TryResolve(set, command.IsUid, out var ranges, out var error))
        {
            return ImapResult.Bad(error!);
        }

        var target = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        if (target is null)
        {
            return ImapResult.No("No such mailbox", "TRYCREATE");
        }

        if (IsMove && view.ReadOnly)
        {
            return ImapResult.No("The mailbox is read-only", "READ-ONLY");
        }

        var sources = new List<uint>();
        var targets = new List<uint>();
        var moved = new List<(List<uint> Uids, ulong ModSeq)>();
        uint uidValidity = target.UidValidity;
        foreach (var range in ranges)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var page = new UidRange(from, range.Last);
                var result = IsMove
                    ? await session.Store.MoveAsync(view.FolderId, page, target.Id, cancellationToken: session.Aborted).ConfigureAwait(false)
                    : await session.Store.CopyAsync(view.FolderId, page, target.Id, cancellationToken: session.Aborted).ConfigureAwait(false);
                uidValidity = result.TargetUidValidity;
                var visible = result.Mappings.Where(m => view.Contains(m.SourceUid)).ToList();
                sources.AddRange(visible.Select(m => m.SourceUid));
                targets.AddRange(visible.Select(m => m.TargetUid));
                if (IsMove && result.Mappings.Count > 0)
                {
                    moved.Add((result.Mappings.Select(m => m.SourceUid).Order().ToList(), result.SourceModSeq));
                }

                next = result.NextUid;
            }
        }

        if (IsMove)
        {
            // RFC 6851 §4.3: one COPYUID for the whole move, in an untagged OK before the expunges it causes (clients
            // keep one COPYUID per command, so a page-by-page code would lose all but one page's mapping).
            if (sources.Count > 0)
            {
                session.Writer.Untagged($"OK [{CopyUid(uidValidity, sources, targets)}] Moved");
            }

            foreach (var (uids, modSeq) in moved)
            {
                view.ApplyExpunge(session, uids, modSeq);
                await session.Writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
            }

            return ImapResult.Ok("MOVE completed");
        }

        return ImapResult.Ok($"{Name} completed", sources.Count == 0 ? null : CopyUid(uidValidity, sources, targets));
    }

    protected virtual bool IsMove => false;

    /// <summary>RFC 4315 §3: source and target UID sets in corresponding order.</summary>
    private static string CopyUid(uint uidValidity, List<uint> sources, List<uint> targets) =>
        $"COPYUID {uidValidity} {Formatting.SequenceSetFormatter.Format(sources)} {Formatting.SequenceSetFormatter.Format(targets)}";
}
