using System.Buffers;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Fetch;
using Mailroom.Protocols.Imap.Formatting;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9; RFC 3516 BINARY; RFC 7162 CHANGEDSINCE/VANISHED). Messages are read a
/// page at a time; bodies are opened one message at a time and streamed into literals, so memory does not grow with
/// the folder or the message. A non-PEEK body fetch sets \Seen first (on a read-write mailbox) and reports the new
/// FLAGS with the message.
/// </summary>
internal sealed class FetchHandler : IImapCommandHandler
{
    public string Name => "FETCH";

    public IEnumerable<string> Capabilities(ImapSession session) => ["BINARY"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TrySequenceSet(out var set) || args.AtEnd)
        {
            return ImapResult.Bad("Syntax: FETCH sequence-set items [(modifiers)]");
        }

        FetchAttributes attributes;
        try
        {
            attributes = FetchAttributeParser.Parse(command.Arguments, 1);
        }
        catch (ArgumentSyntaxException ex)
        {
            return ImapResult.Bad(ex.Message, ex.ResponseCode);
        }

        // RFC 7162 §3.2.6: VANISHED only with UID FETCH, CHANGEDSINCE, and QRESYNC enabled.
        if (attributes.Vanished && (!command.IsUid || attributes.ChangedSince is null || !session.IsEnabled(ImapExtensions.QResync)))
        {
            return ImapResult.Bad("VANISHED needs UID FETCH with CHANGEDSINCE after ENABLE QRESYNC");
        }

        var view = session.Selected!;
        if (!view.TryResolve(set, command.IsUid, out var ranges, out var error))
        {
            return ImapResult.Bad(error!);
        }

        if (attributes.HasModSeq)
        {
            session.Enable(ImapExtensions.CondStore);
        }

        if (attributes.Vanished)
        {
            await WriteVanishedAsync(session, view, ranges, attributes.ChangedSince!.Value).ConfigureAwait(false);
        }

        var seenNow = attributes.SetsSeen && !view.ReadOnly ? await MarkSeenAsync(session, view, ranges).ConfigureAwait(false) : null;
        var writer = new FetchResponseWriter(session, view, attributes, command.IsUid, seenNow);
        try
        {
            await MessagePages.ForEachAsync(
                session,
                view,
                ranges,
                (attributes.NeedsEnvelope ? MessageFields.Envelope : MessageFields.Summary)
                    | (attributes.NeedsBody ? MessageFields.InlineBody : MessageFields.Summary),
                attributes.ChangedSince ?? 0,
                writer.WriteAsync).ConfigureAwait(false);
        }
        catch (UnknownTransferEncodingException ex)
        {
            return ImapResult.No(ex.Message, "UNKNOWN-CTE");
        }

        return ImapResult.Ok(command.IsUid ? "UID FETCH completed" : "FETCH completed");
    }

    /// <summary>Sets \Seen on the messages first, in pages; returns the UIDs whose flags changed, to report their FLAGS.</summary>
    private static async ValueTask<HashSet<uint>> MarkSeenAsync(ImapSession session, SelectedMailbox view, IReadOnlyList<UidRange> ranges)
    {
        var changed = new HashSet<uint>();
        foreach (var range in ranges)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var request = new FlagStoreRequest(new UidRange(from, range.Last), FlagChange.Add(MessageFlags.Seen));
                var result = await session.Store.StoreFlagsAsync(view.FolderId, request, session.Aborted).ConfigureAwait(false);
                foreach (var update in result.Updated)
                {
                    if (update.Changed)
                    {
                        changed.Add(update.Uid);
                    }
                }

                if (result.Updated.Any(u => u.Changed))
                {
                    view.NoteOwnChange(result.HighestModSeq);
                }

                next = result.NextUid;
            }
        }

        return changed;
    }

    /// <summary>RFC 7162 §3.2.6: <c>* VANISHED (EARLIER) uids</c> for UIDs expunged since the client's MODSEQ, before the FETCH responses.</summary>
    private static async ValueTask WriteVanishedAsync(ImapSession session, SelectedMailbox view, IReadOnlyList<UidRange> ranges, ulong since)
    {
        var uids = new List<uint>();
        foreach (var range in ranges)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var page = await session.Store.GetVanishedAsync(view.FolderId, since, new UidRange(from, range.Last), cancellationToken: session.Aborted).ConfigureAwait(false);
                uids.AddRange(page.Uids);
                next = page.NextUid;
            }
        }

        if (uids.Count > 0)
        {
            uids.Sort();
            session.Writer.StartUntagged().Atom("VANISHED (EARLIER) ").Atom(SequenceSet.Format(uids)).EndLine();
        }
    }
}
