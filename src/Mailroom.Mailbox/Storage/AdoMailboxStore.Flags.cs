using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>STORE with CONDSTORE semantics (RFC 7162 §3.1.3), one page per transaction.</summary>
public partial class AdoMailboxStore
{
    public Task<FlagStoreResult> StoreFlagsAsync(long folderId, FlagStoreRequest request, CancellationToken cancellationToken = default)
    {
        var limit = CheckLimit(request.Limit);
        var change = request.Change;
        var changeKeywords = Keywords.Normalize(change.Keywords);
        return WriteFolderAsync(folderId, async (write, folder) =>
        {
            var s = write.Session;
            var page = await s.QueryAsync(
                "SELECT uid, modseq, flags, keywords FROM mail_messages WHERE folder_id = @f AND uid >= @first AND uid <= @last ORDER BY uid LIMIT @n",
                r => (Uid: (uint)r.GetInt64(0), ModSeq: (ulong)r.GetInt64(1), Flags: (MessageFlags)r.GetInt64(2), Keywords: Keywords.Split(r.GetString(3))),
                cancellationToken, ("f", folderId), ("first", request.Range.First), ("last", request.Range.Last), ("n", limit + 1));
            var next = TrimPage(page, limit, p => p.Uid);

            var modified = new List<uint>();
            var planned = new List<(uint Uid, MessageFlags Flags, IReadOnlyList<string> Keywords, bool Changed, ulong OldModSeq)>();
            foreach (var message in page)
            {
                // A message changed since the client's UNCHANGEDSINCE is left alone and reported as MODIFIED.
                if (request.UnchangedSince is { } since && message.ModSeq > since)
                {
                    modified.Add(message.Uid);
                    continue;
                }

                var (flags, keywords) = Apply(change, changeKeywords, message.Flags, message.Keywords);
                var changed = flags != message.Flags || !keywords.SequenceEqual(message.Keywords, StringComparer.Ordinal);
                planned.Add((message.Uid, flags, keywords, changed, message.ModSeq));
            }

            var highest = folder.HighestModSeq;
            var uidNext = folder.UidNext;
            if (planned.Any(p => p.Changed))
            {
                // All messages changed in one transaction share its MODSEQ, which is above every earlier one (RFC 7162 §3.1).
                (_, highest, uidNext) = await AllocateAsync(s, folder, 0, 0, 0, cancellationToken);
                foreach (var p in planned.Where(p => p.Changed))
                {
                    await s.ExecuteAsync(
                        "UPDATE mail_messages SET flags = @fl, keywords = @kw, modseq = @ms WHERE folder_id = @f AND uid = @u",
                        cancellationToken, ("fl", (long)p.Flags), ("kw", Keywords.Join(p.Keywords)), ("ms", highest), ("f", folderId), ("u", p.Uid));
                }

                await RegisterKeywordsAsync(s, folderId, changeKeywords, cancellationToken);
                write.Record(folder, MailboxChangeKind.FlagsChanged, uidNext, highest);
            }

            var updated = planned.Select(p => new FlagUpdate(p.Uid, p.Flags, p.Keywords, p.Changed ? highest : p.OldModSeq, p.Changed)).ToList();
            return new FlagStoreResult(updated, modified, highest, next);
        }, cancellationToken);
    }

    private static (MessageFlags Flags, IReadOnlyList<string> Keywords) Apply(
        FlagChange change, IReadOnlyList<string> changeKeywords, MessageFlags flags, IReadOnlyList<string> keywords) => change.Operation switch
    {
        FlagOperation.Replace => (change.Flags, changeKeywords),
        FlagOperation.Add => (flags | change.Flags, Keywords.Normalize(keywords.Concat(changeKeywords))),
        FlagOperation.Remove => (flags & ~change.Flags, keywords.Where(k => !changeKeywords.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Operation, "Unknown flag operation."),
    };
}
