using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Search;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Runs SEARCH criteria over the selected mailbox's view, page by page, handing each match to the caller (SEARCH keeps
/// numbers, SORT and THREAD keep small rows). Indexed columns decide first; a message's body is opened only when a
/// text key still matters for it. Header keys go to the store as a text filter first (<see cref="SearchPrefilter"/>),
/// so only candidate messages come back at all.
/// </summary>
internal static class SearchRunner
{
    public static async ValueTask RunAsync(ImapSession session, SelectedMailbox view, SearchKey key, bool needHeaders, Func<MessageRecord, uint, ValueTask> onMatch)
    {
        if (key.MentionsModSeq)
        {
            session.Enable(ImapExtensions.CondStore);
        }

        var saved = view.SavedResult;
        var rev1 = !session.IsEnabled(ImapExtensions.Imap4Rev2);
        var environment = new SearchEnvironment
        {
            TimeZone = TimeZoneInfo.Local,
            LargestSequence = view.Count,
            LargestUid = view.Messages.MaxUid,
            IsRecent = uid => rev1 && view.IsRecent(uid),
            InSavedResult = uid => saved is not null && saved.Any(r => r.Contains(uid)),
            LoadText = async (message, withBody, ct) =>
            {
                if (message.InlineBody is { } inline)
                {
                    return MessageText.Load(inline, withBody);
                }

                var stream = await session.Blobs.OpenReadAsync(message.BlobId, ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await MessageText.LoadAsync(stream, withBody, ct).ConfigureAwait(false);
                }
            },
        };
        var matcher = new SearchMatcher(key, environment);
        var fields = (needHeaders || matcher.NeedsHeaders ? MessageFields.Headers : MessageFields.Summary)
            | (key.NeedsText ? MessageFields.InlineBody : MessageFields.Summary);
        await MessagePages.ForEachAsync(session, view, NarrowToUids(key, view), fields, 0, async (message, sequence) =>
        {
            if (await matcher.MatchesAsync(message, sequence, session.Aborted).ConfigureAwait(false))
            {
                await onMatch(message, sequence).ConfigureAwait(false);
            }
        }, SearchPrefilter.Build(key)).ConfigureAwait(false);
    }

    /// <summary>
    /// A top-level <c>UID set</c> key (what clients send for "search within these") limits the pages read to those
    /// UIDs; anything else scans the whole view.
    /// </summary>
    private static IReadOnlyList<UidRange> NarrowToUids(SearchKey key, SelectedMailbox view)
    {
        var uidKey = key switch
        {
            SequenceKey { Uid: true } k => k,
            AndKey and => and.Keys.OfType<SequenceKey>().FirstOrDefault(k => k.Uid),
            _ => null,
        };
        if (uidKey is null || !view.TryResolve(uidKey.Set, isUid: true, out var ranges, out _))
        {
            return MessagePages.WholeView(view);
        }

        return ranges;
    }
}
