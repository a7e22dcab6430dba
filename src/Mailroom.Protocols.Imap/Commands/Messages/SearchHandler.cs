using System.Buffers;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Search;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// SEARCH and UID SEARCH (RFC 9051 §6.4.4) with ESEARCH's RETURN options (RFC 4731), SEARCHRES's SAVE and <c>$</c>
/// (RFC 5182) and CONDSTORE's MODSEQ key (RFC 7162 §3.1.5). IMAP4rev2 sessions and any RETURN get
/// <c>* ESEARCH</c>; IMAP4rev1 without RETURN gets <c>* SEARCH</c>.
/// </summary>
internal sealed class SearchHandler : IImapCommandHandler
{
    public string Name => "SEARCH";

    public IEnumerable<string> Capabilities(ImapSession session) => ["ESEARCH", "SEARCHRES"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        SearchQuery query;
        try
        {
            query = SearchParser.Parse(command.Arguments, 0, SearchParserOptions.Default);
        }
        catch (ArgumentSyntaxException ex)
        {
            return ex.IsRefusal ? ImapResult.No(ex.Message, ex.ResponseCode) : ImapResult.Bad(ex.Message, ex.ResponseCode);
        }

        var view = session.Selected!;
        var options = query.EffectiveReturn;
        var save = query.Return is { } r && r.HasFlag(SearchReturnOptions.Save);
        if (save)
        {
            // RFC 5182 §2.1: a SEARCH that fails leaves $ empty, not stale.
            view.SavedResult = [];
        }

        var result = new SearchResult();
        var isUid = command.IsUid;
        await SearchRunner.RunAsync(session, view, query.Key, needHeaders: false, (message, sequence) =>
        {
            result.Add(isUid ? message.Uid : sequence, message.ModSeq);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        if (save)
        {
            var saved = result.SavedNumbers(options).Select(n => isUid ? n : view.UidAt(n)).ToList();
            saved.Sort();
            view.SavedResult = SelectedMailbox.Normalize(saved.Select(UidRange.Single).ToList());
        }

        var buffer = new ArrayBufferWriter<byte>();
        var withModSeq = query.Key.MentionsModSeq;
        if (query.Return is not null || session.IsEnabled(ImapExtensions.Imap4Rev2))
        {
            // RFC 5182 §2.4: RETURN (SAVE) alone answers with no ESEARCH.
            var shown = options & ~SearchReturnOptions.Save;
            if (shown != SearchReturnOptions.None)
            {
                result.WriteEsearch(buffer, command.Tag, isUid, shown, withModSeq);
            }
        }
        else
        {
            result.WriteSearch(buffer, withModSeq);
        }

        session.Writer.Raw(buffer.WrittenSpan);
        return ImapResult.Ok(isUid ? "UID SEARCH completed" : "SEARCH completed");
    }
}
