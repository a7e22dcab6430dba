namespace Mailroom.Transport.Delivery;

/// <summary>Queue timing (Mailroom:Transport:*), with Exchange's defaults where Exchange has one.</summary>
public sealed class TransportOptions
{
    /// <summary>Exchange's MessageExpirationTimeout: 2 days, then the sender gets an NDR.</summary>
    public TimeSpan MessageExpirationTimeout { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Waits between attempts; the last one repeats. Exchange retries quickly a few times, then every 10 minutes.</summary>
    public TimeSpan[] RetryIntervals { get; set; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];

    /// <summary>How long a node may hold a recipient before another node may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue is polled even without a wake-up (work from other nodes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>
    /// Exchange's DelayNotificationTimeout: once a message has waited this long for a recipient, the sender gets one
    /// "delivery delayed" DSN for that recipient (unless NOTIFY left DELAY out, RFC 3461 §4.1).
    /// </summary>
    public TimeSpan DelayNotificationTimeout { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan RetryAfter(int attempts) => RetryIntervals[Math.Clamp(attempts - 1, 0, RetryIntervals.Length - 1)];
}
