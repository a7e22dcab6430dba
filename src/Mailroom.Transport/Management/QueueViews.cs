using Mailroom.Transport.Queue;

namespace Mailroom.Transport.Management;

/// <summary>What Get-Queue shows, with Exchange's names (Identity is <c>Server\NextHopDomain</c>).</summary>
public sealed record QueueInfo(
    string Identity, string DeliveryType, string Status, int MessageCount, string NextHopDomain, DateTime? NextRetryTime, string? LastError)
{
    public static QueueInfo Of(string server, QueueSummary q)
    {
        var local = NextHop.IsLocal(q.NextHop);
        var domain = q.NextHop[(q.NextHop.IndexOf(':') + 1)..];
        var status = q.ReadyCount > 0 ? "Ready" : q.RetryCount > 0 ? "Retry" : "Suspended";
        return new QueueInfo($@"{server}\{domain}", local ? "SmtpDeliveryToMailbox" : "DnsConnectorDelivery", status, q.MessageCount, domain, q.NextRetryTime?.UtcDateTime, q.LastError);
    }
}

/// <summary>What Get-Message shows (Identity is <c>Server\NextHopDomain\QueueId</c>).</summary>
public sealed record MessageInfo(
    string Identity, string FromAddress, string Status, long Size, string? MessageSourceName, string? SourceIP, string? InternetMessageId,
    DateTime DateReceived, DateTime ExpirationTime, string? LastError, IReadOnlyList<string> Recipients, string Queue)
{
    public static MessageInfo Of(string server, QueuedMessage m, IReadOnlyList<QueuedRecipient> pending)
    {
        var hop = pending.Count > 0 ? pending[0].NextHop : string.Empty;
        var queue = $@"{server}\{hop[(hop.IndexOf(':') + 1)..]}";
        var status = pending.Any(r => r.Status == RecipientStatus.Suspended) ? "Suspended" : pending.Any(r => r.Status == RecipientStatus.Retry) ? "Retry" : "Ready";
        return new MessageInfo(
            $@"{queue}\{m.Id}", m.ReversePath.Length == 0 ? "<>" : m.ReversePath, status, m.Size, m.Source, m.ClientAddress, m.MessageId,
            m.ReceivedAt.UtcDateTime, m.ExpiresAt.UtcDateTime, pending.Select(r => r.LastError).FirstOrDefault(e => e is not null),
            pending.Select(r => r.Address).ToList(), queue);
    }
}
