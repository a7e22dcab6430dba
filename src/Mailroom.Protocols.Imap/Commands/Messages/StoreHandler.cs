using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// STORE and UID STORE (RFC 9051 §6.4.6): <c>[+|-]FLAGS[.SILENT] flags</c>, with RFC 7162's
/// <c>(UNCHANGEDSINCE n)</c>, whose refused messages come back in <c>[MODIFIED set]</c>. Pages through the store;
/// each changed message is reported in an untagged FETCH unless .SILENT.
/// </summary>
internal sealed class StoreHandler : IImapCommandHandler
{
    private const string Syntax = "Syntax: STORE sequence-set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] (flags)";

    public string Name => "STORE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TrySequenceSet(out var set))
        {
            return ImapResult.Bad(Syntax);
        }

        ulong? unchangedSince = null;
        if (args.TryList(out var modifiers))
        {
            var modifierArgs = new ImapArgumentReader(modifiers);
            if (!modifierArgs.TryKeyword("UNCHANGEDSINCE") || !modifierArgs.TryNumber64(out var since) || !modifierArgs.AtEnd)
            {
                return ImapResult.Bad(Syntax);
            }

            unchangedSince = since;
        }

        if (!args.TryAtom(out var operation) || !TryParseOperation(operation, out var kind, out var silent))
        {
            return ImapResult.Bad(Syntax);
        }

        IReadOnlyList<ImapToken> flagTokens;
        if (args.TryList(out var list))
        {
            flagTokens = list;
        }
        else
        {
            var atoms = new List<ImapToken>();
            while (args.TryToken(out var token))
            {
                atoms.Add(token);
            }

            flagTokens = atoms;
        }

        if (!args.AtEnd || !ImapFlags.TryParse(flagTokens, out var flags, out var keywords) || (flagTokens.Count == 0 && kind != FlagOperation.Replace))
        {
            return ImapResult.Bad("Invalid flag list");
        }

        var view = session.Selected!;
        if (!view.TryResolve(set, command.IsUid, out var ranges, out var error))
        {
            return ImapResult.Bad(error!);
        }

        if (view.ReadOnly)
        {
            return ImapResult.No("The mailbox is read-only", "READ-ONLY");
        }

        if (unchangedSince is not null)
        {
            session.Enable(ImapExtensions.CondStore);
        }

        var change = new FlagChange(kind, flags, keywords);
        var modified = new List<uint>();
        foreach (var range in ranges)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var request = new FlagStoreRequest(new UidRange(from, range.Last), change) { UnchangedSince = unchangedSince };
                var result = await session.Store.StoreFlagsAsync(view.FolderId, request, session.Aborted).ConfigureAwait(false);
                WriteUpdates(session, view, result, silent, command.IsUid);
                foreach (var uid in result.Modified)
                {
                    var number = command.IsUid ? uid : view.SequenceOf(uid);
                    if (number != 0)
                    {
                        modified.Add(number);
                    }
                }

                if (result.Updated.Any(u => u.Changed))
                {
                    view.NoteOwnChange(result.HighestModSeq);
                }

                await session.Writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
                next = result.NextUid;
            }
        }

        var name = command.IsUid ? "UID STORE" : "STORE";
        if (modified.Count > 0)
        {
            modified.Sort();
            return ImapResult.Ok($"Conditional {name} failed for some messages", "MODIFIED " + SequenceSet.Format(modified));
        }

        return ImapResult.Ok(name + " completed");
    }

    private static bool TryParseOperation(string text, out FlagOperation kind, out bool silent)
    {
        var upper = text.ToUpperInvariant();
        silent = upper.EndsWith(".SILENT", StringComparison.Ordinal);
        if (silent)
        {
            upper = upper[..^".SILENT".Length];
        }

        (kind, var ok) = upper switch
        {
            "FLAGS" => (FlagOperation.Replace, true),
            "+FLAGS" => (FlagOperation.Add, true),
            "-FLAGS" => (FlagOperation.Remove, true),
            _ => (FlagOperation.Replace, false),
        };
        return ok;
    }

    /// <summary>
    /// Untagged FETCH for each message the STORE touched. With .SILENT nothing, except that under CONDSTORE a changed
    /// message still reports its new MODSEQ (RFC 7162 §3.1.3), so the client's cache stays in step.
    /// </summary>
    private static void WriteUpdates(ImapSession session, SelectedMailbox view, FlagStoreResult result, bool silent, bool isUid)
    {
        var condStore = session.IsEnabled(ImapExtensions.CondStore);
        var withUid = isUid || session.IsEnabled(ImapExtensions.QResync);
        var rev1 = !session.IsEnabled(ImapExtensions.Imap4Rev2);
        var writer = session.Writer;
        foreach (var update in result.Updated)
        {
            var sequence = view.SequenceOf(update.Uid);
            if (sequence == 0 || (silent && !(condStore && update.Changed)))
            {
                continue;
            }

            writer.StartUntagged().Number(sequence).Atom(" FETCH (");
            if (withUid)
            {
                writer.Atom("UID ").Number(update.Uid);
                if (!silent || condStore)
                {
                    writer.Space();
                }
            }

            if (!silent)
            {
                writer.Atom("FLAGS ");
                ImapFlags.Write(writer, update.Flags, update.Keywords, rev1 && view.IsRecent(update.Uid));
                if (condStore)
                {
                    writer.Space();
                }
            }

            if (condStore)
            {
                writer.Atom("MODSEQ (").Number(update.ModSeq).CloseList();
            }

            writer.CloseList().EndLine();
        }
    }
}
