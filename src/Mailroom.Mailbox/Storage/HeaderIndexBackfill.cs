using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// Mailbox migration 3 in both dialects: fills the folded SEARCH columns and the binary envelope
/// (<see cref="EnvelopeCodec"/>) of rows written before them, from the decoded header text and the JSON envelope those
/// rows carry. Walks the table by key in pages, so memory stays bounded on any store size.
/// </summary>
public static class HeaderIndexBackfill
{
    private const int PageSize = 1000;

    public static async Task RunAsync(SqlSession session, CancellationToken cancellationToken)
    {
        long folder = long.MinValue, uid = long.MinValue;
        while (true)
        {
            var rows = await session.QueryAsync(
                "SELECT folder_id, uid, envelope, subject, search_from, search_to, search_cc, search_bcc FROM mail_messages " +
                "WHERE folder_id > @f OR (folder_id = @f AND uid > @u) ORDER BY folder_id, uid LIMIT @n",
                r => (Folder: r.GetInt64(0), Uid: r.GetInt64(1), Json: r.GetString(2), Subject: r.GetString(3),
                    From: r.GetString(4), To: r.GetString(5), Cc: r.GetString(6), Bcc: r.GetString(7)),
                cancellationToken, ("f", folder), ("u", uid), ("n", PageSize));
            foreach (var row in rows)
            {
                await session.ExecuteAsync(
                    "UPDATE mail_messages SET fold_subject = @s, fold_from = @fr, fold_to = @to, fold_cc = @cc, fold_bcc = @bcc, " +
                    "envelope_data = @e WHERE folder_id = @f AND uid = @u",
                    cancellationToken,
                    ("s", SearchText.Fold(row.Subject)), ("fr", SearchText.Fold(row.From)), ("to", SearchText.Fold(row.To)),
                    ("cc", SearchText.Fold(row.Cc)), ("bcc", SearchText.Fold(row.Bcc)),
                    ("e", EnvelopeCodec.Encode(IndexJson.Deserialize(row.Json))), ("f", row.Folder), ("u", row.Uid));
            }

            if (rows.Count < PageSize)
            {
                return;
            }

            (folder, uid) = (rows[^1].Folder, rows[^1].Uid);
        }
    }
}
