using System.Data.Common;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>The columns of mail_messages in one place, so insert, copy and fetch cannot drift apart.</summary>
internal static class MessageColumns
{
    /// <summary>Columns copied unchanged by COPY/MOVE (everything but folder_id, uid and modseq).</summary>
    public const string Carried =
        "flags, keywords, blob_id, size, internal_date, sent_date, subject, sort_subject, sort_from, sort_to, sort_cc, " +
        "sort_display_from, sort_display_to, search_from, search_to, search_cc, search_bcc, message_id, in_reply_to, thread_refs, " +
        "fold_subject, fold_from, fold_to, fold_cc, fold_bcc, envelope_data";

    public const string Insert =
        "INSERT INTO mail_messages (folder_id, uid, modseq, " + Carried + ") VALUES (@folder, @uid, @modseq, @flags, @keywords, " +
        "@blob, @size, @internal, @sent, @subject, @sort_subject, @sort_from, @sort_to, @sort_cc, @sort_display_from, " +
        "@sort_display_to, @search_from, @search_to, @search_cc, @search_bcc, @message_id, @in_reply_to, @thread_refs, " +
        "@fold_subject, @fold_from, @fold_to, @fold_cc, @fold_bcc, @envelope_data)";

    public const string Summary = "uid, modseq, flags, keywords, size, internal_date, blob_id, sent_date";

    public const string WithEnvelope = Summary + ", envelope_data";

    public const string WithHeaders = WithEnvelope +
        ", subject, sort_subject, sort_from, sort_to, sort_cc, sort_display_from, sort_display_to, search_from, search_to, " +
        "search_cc, search_bcc, message_id, in_reply_to, thread_refs";

    /// <summary>The folded column SEARCH matches each <see cref="IndexedText"/> against.</summary>
    public static string FoldedColumn(IndexedText field) => field switch
    {
        IndexedText.Subject => "fold_subject",
        IndexedText.From => "fold_from",
        IndexedText.To => "fold_to",
        IndexedText.Cc => "fold_cc",
        _ => "fold_bcc",
    };

    public static (string, object?)[] InsertParameters(long folderId, uint uid, ulong modSeq, NewMessage message, IReadOnlyList<string> keywords, long size)
    {
        var h = message.Headers;
        return
        [
            ("folder", folderId), ("uid", uid), ("modseq", modSeq), ("flags", (long)message.Flags), ("keywords", Keywords.Join(keywords)),
            ("blob", message.BlobId), ("size", size), ("internal", message.InternalDate), ("sent", h.SentDate),
            ("subject", h.Subject), ("sort_subject", h.SortSubject), ("sort_from", h.SortFrom), ("sort_to", h.SortTo),
            ("sort_cc", h.SortCc), ("sort_display_from", h.SortDisplayFrom), ("sort_display_to", h.SortDisplayTo),
            ("search_from", h.SearchFrom), ("search_to", h.SearchTo), ("search_cc", h.SearchCc), ("search_bcc", h.SearchBcc),
            ("message_id", h.MessageId), ("in_reply_to", h.InReplyTo), ("thread_refs", string.Join(' ', h.References)),
            ("fold_subject", SearchText.Fold(h.Subject)), ("fold_from", SearchText.Fold(h.SearchFrom)),
            ("fold_to", SearchText.Fold(h.SearchTo)), ("fold_cc", SearchText.Fold(h.SearchCc)), ("fold_bcc", SearchText.Fold(h.SearchBcc)),
            ("envelope_data", EnvelopeCodec.Encode(h.Envelope)),
        ];
    }

    /// <param name="inlineBody">The provider's expression for a message's inline body (over column blob_id), or null.</param>
    public static string Select(MessageFields fields, string? inlineBody)
    {
        var columns = fields.HasFlag(MessageFields.Headers) ? WithHeaders : fields.HasFlag(MessageFields.Envelope) ? WithEnvelope : Summary;
        return fields.HasFlag(MessageFields.InlineBody) ? columns + ", " + (inlineBody ?? "NULL") : columns;
    }

    public static MessageRecord Read(DbDataReader r, MessageFields fields)
    {
        var record = new MessageRecord(
            (uint)r.GetInt64(0),
            (ulong)r.GetInt64(1),
            (MessageFlags)r.GetInt64(2),
            Keywords.Split(r.GetString(3)),
            r.GetInt64(4),
            SqlSession.ToInstant(r.GetInt64(5)),
            BlobId.Parse(r.GetString(6)),
            r.IsDBNull(7) ? null : SqlSession.ToInstant(r.GetInt64(7)));
        if (fields.HasFlag(MessageFields.InlineBody))
        {
            var last = r.FieldCount - 1;
            record = record with { InlineBody = r.IsDBNull(last) ? null : r.GetFieldValue<byte[]>(last) };
        }

        if (!fields.HasFlag(MessageFields.Envelope) && !fields.HasFlag(MessageFields.Headers))
        {
            return record;
        }

        var envelope = r.GetFieldValue<byte[]>(8);
        return fields.HasFlag(MessageFields.Headers)
            ? record with { EnvelopeData = envelope, Headers = ReadHeaders(r, record.SentDate, envelope) }
            : record with { EnvelopeData = envelope };
    }

    private static IndexedHeaders ReadHeaders(DbDataReader r, DateTimeOffset? sentDate, byte[] envelope) => new()
    {
        SentDate = sentDate,
        Envelope = EnvelopeCodec.Decode(envelope),
        Subject = r.GetString(9),
        SortSubject = r.GetString(10),
        SortFrom = r.GetString(11),
        SortTo = r.GetString(12),
        SortCc = r.GetString(13),
        SortDisplayFrom = r.GetString(14),
        SortDisplayTo = r.GetString(15),
        SearchFrom = r.GetString(16),
        SearchTo = r.GetString(17),
        SearchCc = r.GetString(18),
        SearchBcc = r.GetString(19),
        MessageId = r.IsDBNull(20) ? null : r.GetString(20),
        InReplyTo = r.IsDBNull(21) ? null : r.GetString(21),
        References = r.GetString(22).Split(' ', StringSplitOptions.RemoveEmptyEntries),
    };
}
