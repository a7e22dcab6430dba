using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Walks the messages of the selected mailbox's view in UID order, page by page through
/// <see cref="Mailroom.Mailboxes.IMailboxStore.FetchAsync"/>, so a command over a whole large folder holds one page at
/// a time. Messages the view does not show (arrived after its UIDNEXT, or expunged and not yet reported) are skipped.
/// </summary>
internal static class MessagePages
{
    /// <summary>Rows per page when only summary columns are read, and when headers come too.</summary>
    public const int SummaryPage = FetchRequest.MaxLimit;

    public const int HeaderPage = 1000;

    /// <summary>Every message of the view, for SEARCH, SORT and THREAD.</summary>
    public static IReadOnlyList<UidRange> WholeView(SelectedMailbox view) =>
        view.Count == 0 ? [] : [new UidRange(view.UidAt(1), view.Messages.MaxUid)];

    public static async ValueTask ForEachAsync(
        ImapSession session,
        SelectedMailbox view,
        IReadOnlyList<UidRange> ranges,
        MessageFields fields,
        ulong changedSince,
        Func<MessageRecord, uint, ValueTask> visit,
        IReadOnlyList<IReadOnlyList<TextCondition>>? textFilter = null)
    {
        var limit = fields.HasFlag(MessageFields.InlineBody) ? FetchRequest.MaxInlineBodyLimit : fields == MessageFields.Summary ? SummaryPage : HeaderPage;
        foreach (var range in ranges)
        {
            uint? next = range.First;
            while (next is { } from && from <= range.Last)
            {
                var request = new FetchRequest(new UidRange(from, range.Last)) { Limit = limit, Fields = fields, ChangedSince = changedSince, TextFilter = textFilter ?? [] };
                var page = await session.Store.FetchAsync(view.FolderId, request, session.Aborted).ConfigureAwait(false);
                foreach (var message in page.Messages)
                {
                    var sequence = view.SequenceOf(message.Uid);
                    if (sequence != 0)
                    {
                        await visit(message, sequence).ConfigureAwait(false);
                    }
                }

                next = page.NextUid;
            }
        }
    }
}
