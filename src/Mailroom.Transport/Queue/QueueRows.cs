using System.Data.Common;

namespace Mailroom.Transport.Queue;

/// <summary>Column lists and row readers of the queue tables.</summary>
internal static class QueueRows
{
    public const string MessageColumns =
        "id, blob_id, size, return_path_bytes, reverse_path, message_id, envelope_id, ret, received_at, expires_at, source, client_address, submitter, node";

    public const string RecipientColumns =
        "r.message_id, r.recipient, r.mailbox_id, r.next_hop, r.status, r.attempts, r.next_attempt_at, r.last_error, r.notify, r.orcpt, r.delay_notified_at";

    public static QueuedMessage Message(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetInt64(2), Convert.ToInt32(row.GetValue(3)), row.GetString(4),
        Text(row, 5), Text(row, 6), Text(row, 7), Time(row, 8), Time(row, 9), row.GetString(10), Text(row, 11), Text(row, 12), row.GetString(13));

    public static QueuedRecipient Recipient(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), Text(row, 2) is { } id ? Guid.Parse(id) : null, row.GetString(3),
        Enum.Parse<RecipientStatus>(row.GetString(4)), Convert.ToInt32(row.GetValue(5)), Time(row, 6), Text(row, 7), Text(row, 8), Text(row, 9))
    {
        DelayNotifiedAt = row.IsDBNull(10) ? null : Time(row, 10),
    };

    private static string? Text(DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    private static DateTimeOffset Time(DbDataReader row, int i) => DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(i));
}
