using System.Buffers;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Formatting;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Search;
using Mailroom.Protocols.Imap.Sorting;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// SORT and UID SORT (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO): <c>SORT (criteria) charset search-keys</c>.
/// Holds one small row of sort keys per matching message (never the messages), sorts them, and answers
/// <c>* SORT n …</c>.
/// </summary>
internal sealed class SortHandler : IImapCommandHandler
{
    public string Name => "SORT";

    public IEnumerable<string> Capabilities(ImapSession session) => ["SORT", "SORT=DISPLAY"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        MessageSorter sorter;
        SearchQuery query;
        try
        {
            if (command.Arguments.Count < 3)
            {
                throw new ArgumentSyntaxException("Syntax: SORT (criteria) charset search-keys");
            }

            sorter = new MessageSorter(SortCriterion.ParseList(command.Arguments[0]));
            query = SearchParser.ParseWithCharset(command.Arguments, 1);
        }
        catch (ArgumentSyntaxException ex)
        {
            return ex.IsRefusal ? ImapResult.No(ex.Message, ex.ResponseCode) : ImapResult.Bad(ex.Message, ex.ResponseCode);
        }

        var view = session.Selected!;
        if (sorter.StoreOrder is { } order && IsAll(query.Key))
        {
            // SORT (DATE|ARRIVAL|SIZE …) ALL, what clients send to list a folder: the database sorts the UIDs.
            await WriteStoreSortedAsync(session, view, order, command.IsUid).ConfigureAwait(false);
            return ImapResult.Ok(command.IsUid ? "UID SORT completed" : "SORT completed");
        }

        var rows = new List<SortRow>();
        await SearchRunner.RunAsync(session, session.Selected!, query.Key, sorter.NeedsHeaders, (message, sequence) =>
        {
            rows.Add(sorter.ToRow(message, sequence));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        sorter.Sort(rows);

        var buffer = new ArrayBufferWriter<byte>(16 + (rows.Count * 6));
        buffer.WriteAscii("* SORT");
        foreach (var row in rows)
        {
            buffer.WriteByte((byte)' ');
            buffer.WriteNumber(command.IsUid ? row.Uid : row.Sequence);
        }

        buffer.WriteAscii("\r\n");
        session.Writer.Raw(buffer.WrittenSpan);
        return ImapResult.Ok(command.IsUid ? "UID SORT completed" : "SORT completed");
    }

    private static bool IsAll(SearchKey key) => key is AllKey || (key is AndKey and && and.Keys.All(IsAll));

    /// <summary>Numbers in the store's order, skipping UIDs the session's view does not show (ties are by UID, i.e. by sequence).</summary>
    private static async ValueTask WriteStoreSortedAsync(ImapSession session, SelectedMailbox view, IReadOnlyList<MessageOrderKey> order, bool isUid)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + ((int)view.Count * 6));
        buffer.WriteAscii("* SORT");
        foreach (var range in MessagePages.WholeView(view))
        {
            foreach (var uid in await session.Store.ListUidsInOrderAsync(view.FolderId, range, order, session.Aborted).ConfigureAwait(false))
            {
                var sequence = view.SequenceOf(uid);
                if (sequence != 0)
                {
                    buffer.WriteByte((byte)' ');
                    buffer.WriteNumber(isUid ? uid : sequence);
                }
            }
        }

        buffer.WriteAscii("\r\n");
        session.Writer.Raw(buffer.WrittenSpan);
    }
}
