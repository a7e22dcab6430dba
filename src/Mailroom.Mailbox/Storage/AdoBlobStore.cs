using Mailroom.Mailboxes.Blobs;

namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// The part of a blob store that is rows in mail_blobs: look-ups and the sweep. Where the bytes live (files,
/// database chunks) is the provider's. A row's ref_count is changed only by the mailbox store, inside the transaction
/// that adds or removes a message; last_put is refreshed by every put, so a body that is about to be delivered is
/// never swept, even if an older copy of it had just lost its last reference.
/// </summary>
public abstract class AdoBlobStore(MailboxSqlProvider sql) : IBlobStore
{
    private const int SweepBatch = 200;

    protected MailboxSqlProvider Sql { get; } = sql;

    public abstract Task<BlobInfo> PutAsync(Stream content, CancellationToken cancellationToken = default);

    public abstract Task<Stream> OpenReadAsync(BlobId id, CancellationToken cancellationToken = default);

    public Task<BlobInfo?> GetInfoAsync(BlobId id, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s => (await s.QueryAsync(
                "SELECT size, ref_count FROM mail_blobs WHERE id = @b",
                r => new BlobInfo(id, r.GetInt64(0), r.GetInt64(1)), cancellationToken, ("b", id))).FirstOrDefault(),
            cancellationToken);

    public async Task<int> SweepAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        var cutoff = Sql.NowMilliseconds - (long)gracePeriod.TotalMilliseconds;
        await SweepAbandonedAsync(cutoff, cancellationToken);
        var swept = 0;
        var after = string.Empty;
        while (true)
        {
            var candidates = await Sql.ReadAsync(
                s => s.QueryAsync(
                    "SELECT id FROM mail_blobs WHERE ref_count = 0 AND last_put < @cutoff AND id > @after ORDER BY id LIMIT @n",
                    r => BlobId.Parse(r.GetString(0)), cancellationToken, ("cutoff", cutoff), ("after", after), ("n", SweepBatch)),
                cancellationToken);
            if (candidates.Count == 0)
            {
                return swept;
            }

            // In id order, like every other writer of blob rows, so two sweepers (or a sweeper and a delivery) never deadlock.
            swept += await Sql.WriteAsync(async s =>
            {
                var n = 0;
                foreach (var id in candidates)
                {
                    n += await TryDeleteUnreferencedAsync(s, id, cutoff, cancellationToken) ? 1 : 0;
                }

                return n;
            }, cancellationToken);
            after = candidates[^1].Hex;
        }
    }

    /// <summary>
    /// Deletes the row if it is still unreferenced and older than <paramref name="cutoffMilliseconds"/> (re-checked
    /// under its row lock), and its bytes with it, before the transaction commits. Returns whether it went.
    /// </summary>
    protected abstract Task<bool> TryDeleteUnreferencedAsync(SqlSession session, BlobId id, long cutoffMilliseconds, CancellationToken cancellationToken);

    /// <summary>Removes what interrupted puts left behind (temporary files), older than the cutoff.</summary>
    protected virtual Task SweepAbandonedAsync(long cutoffMilliseconds, CancellationToken cancellationToken) => Task.CompletedTask;
}
