using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>STATUS data items (RFC 9051 §6.3.11, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE, RFC 7889 APPENDLIMIT),
/// shared by STATUS and LIST … RETURN (STATUS …) (RFC 5819).</summary>
internal static class StatusItems
{
    private static readonly string[] Known = ["MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "DELETED", "SIZE", "RECENT", "HIGHESTMODSEQ", "APPENDLIMIT"];

    public static bool TryParse(IReadOnlyList<ImapToken> items, out List<string> names)
    {
        names = [];
        foreach (var item in items)
        {
            var name = item.Kind == ImapTokenKind.Atom ? item.Text.ToUpperInvariant() : string.Empty;
            if (!Known.Contains(name))
            {
                return false;
            }

            names.Add(name);
        }

        return names.Count > 0;
    }

    /// <summary>Writes <c>* STATUS name (item value …)</c> for a folder.</summary>
    public static async ValueTask WriteAsync(ImapSession session, MailFolder folder, IReadOnlyList<string> items)
    {
        if (items.Contains("HIGHESTMODSEQ"))
        {
            session.Enable(ImapExtensions.CondStore);
        }

        var status = items.Contains("UNSEEN") ? await session.Store.GetFolderStatusAsync(folder.Id, session.Aborted).ConfigureAwait(false) : null;
        var current = status?.Folder ?? folder;
        var deleted = items.Contains("DELETED") ? await CountDeletedAsync(session, current).ConfigureAwait(false) : 0;
        var writer = session.Writer.StartUntagged().Atom("STATUS ").Mailbox(ImapMailboxNames.ToImap(current.Name)).Atom(" (");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                writer.Space();
            }

            writer.Atom(items[i]).Space();
            switch (items[i])
            {
                case "MESSAGES": writer.Number(current.MessageCount); break;
                case "UIDNEXT": writer.Number(current.UidNext); break;
                case "UIDVALIDITY": writer.Number(current.UidValidity); break;
                case "UNSEEN": writer.Number(status!.UnseenCount); break;
                case "DELETED": writer.Number(deleted); break;
                case "SIZE": writer.Number(current.Size); break;
                case "RECENT": writer.Number(0); break; // \Recent is per session (docs/imap.md); another session sees none
                case "HIGHESTMODSEQ": writer.Number(current.HighestModSeq); break;
                case "APPENDLIMIT": writer.Number(session.Options.AppendLimit); break;
            }
        }

        writer.CloseList().EndLine();
    }

    /// <summary>IMAP4rev2's DELETED: the store keeps no counter for it, so this pages through the folder's summaries.</summary>
    private static async ValueTask<long> CountDeletedAsync(ImapSession session, MailFolder folder)
    {
        long count = 0;
        uint? next = 1;
        while (next is { } from && folder.UidNext > from)
        {
            var page = await session.Store.FetchAsync(folder.Id, new FetchRequest(new UidRange(from, folder.UidNext - 1)) { Limit = FetchRequest.MaxLimit }, session.Aborted)
                .ConfigureAwait(false);
            count += page.Messages.Count(m => (m.Flags & MessageFlags.Deleted) != 0);
            next = page.NextUid;
        }

        return count;
    }
}
