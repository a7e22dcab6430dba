namespace Mailroom.Transport.Queue;

/// <summary>A message accepted by this organization and not yet delivered to every recipient.</summary>
public sealed record QueuedMessage(
    string Id,
    string BlobId,
    long Size,
    int ReturnPathBytes,
    string ReversePath,
    string? MessageId,
    string? EnvelopeId,
    string? Ret,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ExpiresAt,
    string Source,
    string? ClientAddress,
    string? Submitter,
    string Node);

/// <summary>One recipient of a queued message and its delivery state.</summary>
public sealed record QueuedRecipient(
    string MessageQueueId,
    string Address,
    Guid? MailboxId,
    string NextHop,
    RecipientStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? Notify,
    string? OriginalRecipient)
{
    /// <summary>When the sender was told this recipient is delayed, if ever (one delay DSN per recipient).</summary>
    public DateTimeOffset? DelayNotifiedAt { get; init; }
}

/// <summary>Exchange's message status names (Get-Message): Ready, Retry, Suspended; plus the final states.</summary>
public enum RecipientStatus
{
    Ready,
    Retry,
    Suspended,
    Delivered,
    Failed,
}

/// <summary>One queue of Get-Queue: the pending recipients of one next hop.</summary>
public sealed record QueueSummary(string NextHop, int MessageCount, int ReadyCount, int RetryCount, int SuspendedCount, DateTimeOffset? NextRetryTime, string? LastError);

/// <summary>The next hop of a recipient: its mailbox database (local delivery) or a remote domain.</summary>
public static class NextHop
{
    public static string Mailbox(string database) => "mailbox:" + database;

    public static string Smtp(string domain) => "smtp:" + domain.ToLowerInvariant();

    public static bool IsLocal(string nextHop) => nextHop.StartsWith("mailbox:", StringComparison.Ordinal);
}
