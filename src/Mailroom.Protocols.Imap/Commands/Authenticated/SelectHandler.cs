using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// SELECT mailbox [(CONDSTORE | QRESYNC (…))] (RFC 9051 §6.3.2, RFC 7162 §3.1.8, §3.2.5). A failed SELECT leaves
/// no mailbox selected; selecting while one is selected first sends <c>* OK [CLOSED]</c>.
/// </summary>
internal class SelectHandler : IImapCommandHandler
{
    public virtual string Name => "SELECT";

    protected virtual bool ReadOnly => false;

    public IEnumerable<string> Capabilities(ImapSession session) => ["CONDSTORE", "QRESYNC"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name))
        {
            return ImapResult.Bad($"Syntax: {Name} mailbox [(CONDSTORE | QRESYNC (…))]");
        }

        QResyncParameters? qresync = null;
        string? error = null;
        if (!args.AtEnd)
        {
            if (!args.TryList(out var parameters) || !args.AtEnd || !TryParseParameters(session, parameters, out qresync, out error))
            {
                return ImapResult.Bad(error ?? $"Syntax: {Name} mailbox [(CONDSTORE | QRESYNC (…))]");
            }
        }

        if (session.Selected is not null)
        {
            session.SetSelected(null);
            session.Writer.Untagged("OK [CLOSED] Previous mailbox closed");
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        if (folder is null)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT").WithState(ImapState.Authenticated);
        }

        var view = await SelectedMailbox.OpenAsync(session.Store, folder, ReadOnly, session.Aborted, session.Services.UidSnapshots).ConfigureAwait(false);
        var snapshots = session.Services.UidSnapshots;
        if (!snapshots.TryGetSelectData(folder.Id, folder.UidNext, folder.HighestModSeq, out var firstUnseen, out var keywords))
        {
            var status = await session.Store.GetFolderStatusAsync(folder.Id, session.Aborted).ConfigureAwait(false);
            keywords = await session.Store.ListKeywordsAsync(folder.Id, session.Aborted).ConfigureAwait(false);
            firstUnseen = status.FirstUnseenUid;
            if (status.Folder.UidNext == folder.UidNext && status.Folder.HighestModSeq == folder.HighestModSeq)
            {
                snapshots.StoreSelectData(folder.Id, folder.UidNext, folder.HighestModSeq, firstUnseen, keywords);
            }
        }

        WriteSelectResponses(session, view, firstUnseen, keywords);
        session.SetSelected(view);
        if (qresync is { } q && q.UidValidity == view.UidValidity)
        {
            await WriteResyncAsync(session, view, q).ConfigureAwait(false);
        }

        return ImapResult.Ok($"{Name} completed", ReadOnly ? "READ-ONLY" : "READ-WRITE").WithState(ImapState.Selected);
    }

    private static void WriteSelectResponses(ImapSession session, SelectedMailbox view, uint? firstUnseenUid, IReadOnlyList<string> keywords)
    {
        var writer = session.Writer;
        var flags = ImapFlags.SystemFlags + string.Concat(keywords.Select(k => " " + k));
        writer.Untagged($"FLAGS ({flags})");
        writer.Untagged(view.ReadOnly ? "OK [PERMANENTFLAGS ()] No permanent flags in a read-only mailbox" : $"OK [PERMANENTFLAGS ({flags} \\*)] Flags permitted");
        writer.StartUntagged().Number(view.Count).Atom(" EXISTS").EndLine();
        var rev2 = session.IsEnabled(ImapExtensions.Imap4Rev2);
        if (!rev2)
        {
            // RFC 3501 §6.3.1: RECENT and UNSEEN are IMAP4rev1's; IMAP4rev2 dropped both.
            writer.Untagged("0 RECENT");
            if (firstUnseenUid is { } firstUnseen && view.SequenceOf(firstUnseen) is > 0 and var sequence)
            {
                writer.StartUntagged().Atom("OK [UNSEEN ").Number(sequence).Atom("] First unseen").EndLine();
            }
        }

        writer.StartUntagged().Atom("OK [UIDVALIDITY ").Number(view.UidValidity).Atom("] UIDs valid").EndLine();
        writer.StartUntagged().Atom("OK [UIDNEXT ").Number(view.UidNext).Atom("] Predicted next UID").EndLine();
        writer.StartUntagged().Atom("OK [HIGHESTMODSEQ ").Number(view.HighestModSeq).Atom("] Highest").EndLine();
        if (rev2)
        {
            // RFC 9051 §6.3.2: the LIST response tells the client the mailbox's canonical name and delimiter.
            writer.StartUntagged().Atom("LIST () \"/\" ").Mailbox(ImapMailboxNames.ToImap(view.Name)).EndLine();
        }
    }

    /// <summary>RFC 7162 §3.2.5.2: VANISHED (EARLIER) for what was expunged since the client's MODSEQ, FETCH for what changed.</summary>
    private static async ValueTask WriteResyncAsync(ImapSession session, SelectedMailbox view, QResyncParameters q)
    {
        var known = q.KnownUids;
        var vanished = new List<uint>();
        foreach (var range in known)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var page = await session.Store.GetVanishedAsync(view.FolderId, q.ModSeq, new UidRange(from, range.Last), 5000, session.Aborted).ConfigureAwait(false);
                vanished.AddRange(page.Uids);
                next = page.NextUid;
            }
        }

        if (vanished.Count > 0)
        {
            vanished.Sort();
            session.Writer.StartUntagged().Atom("VANISHED (EARLIER) ").Atom(SequenceSet.Format(vanished.Distinct())).EndLine();
        }

        if (view.UidNext <= 1)
        {
            return;
        }

        uint? cursor = 1;
        var last = view.UidNext - 1;
        while (cursor is { } from && from <= last)
        {
            var request = new FetchRequest(new UidRange(from, last)) { Limit = FetchRequest.MaxLimit, ChangedSince = q.ModSeq };
            var page = await session.Store.FetchAsync(view.FolderId, request, session.Aborted).ConfigureAwait(false);
            foreach (var message in page.Messages)
            {
                var sequence = view.SequenceOf(message.Uid);
                if (sequence == 0)
                {
                    continue;
                }

                var writer = session.Writer.StartUntagged().Number(sequence).Atom(" FETCH (UID ").Number(message.Uid).Atom(" FLAGS ");
                ImapFlags.Write(writer, message.Flags, message.Keywords);
                writer.Atom(" MODSEQ (").Number(message.ModSeq).Atom("))").EndLine();
            }

            await session.Writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
            cursor = page.NextUid;
        }
    }

    private static bool TryParseParameters(ImapSession session, IReadOnlyList<ImapToken> parameters, out QResyncParameters? qresync, out string? error)
    {
        qresync = null;
        error = null;
        var reader = new ImapArgumentReader(parameters);
        while (!reader.AtEnd)
        {
            if (reader.TryKeyword("CONDSTORE"))
            {
                session.Enable(ImapExtensions.CondStore);
            }
            else if (reader.TryKeyword("QRESYNC"))
            {
                // RFC 7162 §3.2.5: QRESYNC parameters need ENABLE QRESYNC first.
                if (!session.IsEnabled(ImapExtensions.QResync))
                {
                    error = "QRESYNC must be enabled first";
                    return false;
                }

                if (!reader.TryList(out var items) || !TryParseQResync(items, out qresync))
                {
                    error = "Syntax: QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])";
                    return false;
                }
            }
            else
            {
                error = "Unknown SELECT parameter";
                return false;
            }
        }

        return true;
    }

    private static bool TryParseQResync(IReadOnlyList<ImapToken> items, out QResyncParameters? qresync)
    {
        qresync = null;
        var reader = new ImapArgumentReader(items);
        if (!reader.TryNumber(out var uidValidity) || uidValidity == 0 || !reader.TryNumber64(out var modSeq) || modSeq == 0)
        {
            return false;
        }

        IReadOnlyList<UidRange> known = [UidRange.All];
        if (!reader.AtEnd && reader.Peek is { Kind: ImapTokenKind.Atom })
        {
            if (!reader.TrySequenceSet(out var set) || set.IsSavedResult)
            {
                return false;
            }

            known = SelectedMailbox.Normalize([.. set.Resolve(uint.MaxValue - 1).Where(r => r.Low > 0).Select(r => new UidRange(r.Low, r.High))]);
        }

        // seq-match-data (RFC 7162 §3.2.5.2) only narrows what the server sends; sending more is allowed.
        if (!reader.AtEnd && !reader.TryList(out _))
        {
            return false;
        }

        qresync = new QResyncParameters(uidValidity, modSeq, known);
        return reader.AtEnd;
    }

    private sealed record QResyncParameters(uint UidValidity, ulong ModSeq, IReadOnlyList<UidRange> KnownUids);
}

/// <summary>EXAMINE (RFC 9051 §6.3.3): SELECT, read-only.</summary>
internal sealed class ExamineHandler : SelectHandler
{
    public override string Name => "EXAMINE";

    protected override bool ReadOnly => true;
}
