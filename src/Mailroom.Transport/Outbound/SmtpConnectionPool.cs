using System.Collections.Concurrent;
using MailKit.Net.Smtp;

namespace Mailroom.Transport.Outbound;

/// <summary>
/// Keeps connected outbound SMTP clients per destination (host, port, connector) for a short while, so a burst of
/// mail to one destination reuses a connection instead of paying TCP, banner, EHLO and STARTTLS for every message.
/// </summary>
public sealed class SmtpConnectionPool(TimeProvider time) : IDisposable
{
    /// <summary>Well under the 5 minutes servers commonly wait before closing an idle session (RFC 5321 §4.5.3.2.7).</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);

    private const int MaxIdlePerDestination = 4;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(SmtpClient Client, DateTimeOffset Since)>> idle = new();

    /// <summary>A connected client for the destination, or null when none is idle.</summary>
    public SmtpClient? Take(string destination)
    {
        if (!idle.TryGetValue(destination, out var queue))
        {
            return null;
        }

        while (queue.TryDequeue(out var entry))
        {
            if (entry.Client.IsConnected && time.GetUtcNow() - entry.Since < MaxIdle)
            {
                return entry.Client;
            }

            entry.Client.Dispose();
        }

        return null;
    }

    /// <summary>Keeps a client that just finished a transaction cleanly, or closes it when the pool is full.</summary>
    public void Return(string destination, SmtpClient client)
    {
        var queue = idle.GetOrAdd(destination, _ => new ConcurrentQueue<(SmtpClient, DateTimeOffset)>());
        if (!client.IsConnected || queue.Count >= MaxIdlePerDestination)
        {
            client.Dispose();
            return;
        }

        queue.Enqueue((client, time.GetUtcNow()));
    }

    public void Dispose()
    {
        foreach (var queue in idle.Values)
        {
            while (queue.TryDequeue(out var entry))
            {
                entry.Client.Dispose();
            }
        }
    }
}
