using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>Delivery and APPEND: a body reference, the next UIDs, a MODSEQ, the indexed header, in one transaction.</summary>
public partial class AdoMailboxStore
{
    public async Task<AppendResult> DeliverAsync(Guid mailboxId, NewMessage message, CancellationToken cancellationToken = default)
    {
        var inbox = await GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken);
        if (inbox is null)
        {
            await CreateMailboxAsync(mailboxId, cancellationToken);
            inbox = await GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken)
                ?? throw new MailboxNotFoundException(mailboxId);
        }

        return await AppendAsync(inbox.Id, message, cancellationToken);
    }

    public async Task<AppendResult> AppendAsync(long folderId, NewMessage message, CancellationToken cancellationToken = default) =>
        (await AppendManyAsync(folderId, [message], cancellationToken))[0];

    public Task<IReadOnlyList<AppendResult>> AppendManyAsync(long folderId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AppendResult>>([]);
        }

        var keywords = messages.Select(m => Keywords.Normalize(m.Keywords)).ToList();
        return WriteFolderAsync<IReadOnlyList<AppendResult>>(folderId, async (write, folder) =>
        {
            var s = write.Session;
            var results = new AppendResult?[messages.Count];
            var fresh = new List<int>();
            var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < messages.Count; i++)
            {
                // Under the mailbox lock, so a concurrent retry of the same delivery sees this one's row or waits for it.
                if (messages[i].IdempotencyKey is { } key && (await FindDeliveryAsync(s, folder.MailboxId, key, cancellationToken) is { } earlier))
                {
                    results[i] = earlier;
                }
                else if (messages[i].IdempotencyKey is not { } k || firstWithKey.TryAdd(k, i))
                {
                    fresh.Add(i);
                }
            }

            if (fresh.Count > 0)
            {
                var sizes = await AdjustBlobReferencesAsync(s, fresh.Select(i => messages[i].BlobId), +1, cancellationToken);
                var (firstUid, modSeq, uidNext) = await AllocateAsync(
                    s, folder, fresh.Count, fresh.Count, fresh.Sum(i => sizes[messages[i].BlobId]), cancellationToken);
                var delivered = Sql.NowMilliseconds;
                for (var n = 0; n < fresh.Count; n++)
                {
                    var i = fresh[n];
                    var uid = firstUid + (uint)n;
                    await s.ExecuteAsync(
                        MessageColumns.Insert, cancellationToken,
                        MessageColumns.InsertParameters(folder.Id, uid, modSeq, messages[i], keywords[i], sizes[messages[i].BlobId]));
                    results[i] = new AppendResult(folder.Id, folder.UidValidity, uid, modSeq, AlreadyDelivered: false);
                    if (messages[i].IdempotencyKey is { } key)
                    {
                        await s.ExecuteAsync(
                            "INSERT INTO mail_deliveries (mailbox_id, delivery_key, folder_id, uid_validity, uid, modseq, delivered) " +
                            "VALUES (@m, @k, @f, @v, @u, @s, @t)",
                            cancellationToken, ("m", folder.MailboxId), ("k", key), ("f", folder.Id), ("v", folder.UidValidity),
                            ("u", uid), ("s", modSeq), ("t", delivered));
                    }
                }

                await RegisterKeywordsAsync(s, folder.Id, fresh.SelectMany(i => keywords[i]), cancellationToken);
                write.Record(folder, MailboxChangeKind.MessagesAdded, uidNext, modSeq);
            }

            // A key repeated inside one batch resolves to the first message that carried it.
            for (var i = 0; i < messages.Count; i++)
            {
                results[i] ??= results[firstWithKey[messages[i].IdempotencyKey!]]! with { AlreadyDelivered = true };
            }

            return results.Select(r => r!).ToList();
        }, cancellationToken);
    }

    private static async Task<AppendResult?> FindDeliveryAsync(SqlSession s, Guid mailboxId, string key, CancellationToken cancellationToken) =>
        (await s.QueryAsync(
            "SELECT folder_id, uid_validity, uid, modseq FROM mail_deliveries WHERE mailbox_id = @m AND delivery_key = @k",
            r => new AppendResult(r.GetInt64(0), (uint)r.GetInt64(1), (uint)r.GetInt64(2), (ulong)r.GetInt64(3), AlreadyDelivered: true),
            cancellationToken, ("m", mailboxId), ("k", key))).FirstOrDefault();
}
