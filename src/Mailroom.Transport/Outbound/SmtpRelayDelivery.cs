using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Queue;
using MimeKit;

namespace Mailroom.Transport.Outbound;

/// <summary>
/// Delivers to remote recipients through the send connector that routes their domain: to its smart hosts, or by
/// DNS (MX in preference order, then the domain's own address). STARTTLS is used whenever offered (opportunistic,
/// without certificate checks, as Exchange and Postfix do by default) and required with validation when the
/// connector says RequireTLS. 4xx and connection failures are retried; 5xx fails the recipient.
/// </summary>
public sealed class SmtpRelayDelivery(
    IDirectoryStore directory, IMessageBodies bodies, IMxLookup dns, string localServer, string localFqdn, SmtpConnectionPool? pool = null) : IRecipientDelivery
{
    public bool Handles(QueuedRecipient recipient) => !NextHop.IsLocal(recipient.NextHop);

    public async Task<DeliveryOutcome> DeliverAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        var domain = recipient.NextHop["smtp:".Length..];
        var connectors = await directory.ReadAsync(async r => await r.ListAsync<SendConnector>(cancellationToken).ToListAsync(cancellationToken), cancellationToken);
        var connector = SendConnectorRouter.Select(connectors, domain, localServer);
        if (connector is null)
        {
            return new DeliveryOutcome.Permanent($"550 5.4.4 Unable to route: no send connector on {localServer} carries mail for {domain}");
        }

        if (!connector.MaxMessageSize.IsUnlimited && (ulong)message.Size > connector.MaxMessageSize.Value.Bytes)
        {
            return new DeliveryOutcome.Permanent($"552 5.3.4 Message size exceeds the limit of send connector {connector.Name}");
        }

        IReadOnlyList<(string Host, int Port)> hosts;
        try
        {
            hosts = await HostsAsync(connector, domain, cancellationToken);
        }
        catch (DomainNotFoundException)
        {
            return new DeliveryOutcome.Permanent($"550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain {domain}");
        }
        catch (DnsClient.DnsResponseException ex)
        {
            return new DeliveryOutcome.Transient("451 4.4.0 DNS query failed: " + ex.Message);
        }

        var lastError = $"451 4.4.0 No host to connect to for {domain}";
        foreach (var (host, port) in hosts)
        {
            var outcome = await TryHostAsync(connector, host, port, message, recipient, cancellationToken);
            if (outcome is not DeliveryOutcome.Transient transient)
            {
                return outcome;
            }

            lastError = transient.Reply;
        }

        return new DeliveryOutcome.Transient(lastError);
    }

    private static async Task<bool> ResetAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.NoOpAsync(cancellationToken);
            return client.IsConnected;
        }
        catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<(string Host, int Port)>> HostsAsync(SendConnector connector, string domain, CancellationToken cancellationToken)
    {
        if (connector.SmartHosts.Count > 0)
        {
            return connector.SmartHosts.Select(h => (h.Address?.ToString() ?? h.Domain!, connector.Port)).ToList();
        }

        var exchangers = await dns.MailExchangersAsync(domain, cancellationToken);
        var hosts = new List<(string, int)>();
        foreach (var mx in exchangers)
        {
            foreach (var address in await dns.AddressesAsync(mx.Host, cancellationToken))
            {
                hosts.Add((address.ToString(), connector.Port));
            }
        }

        return hosts;
    }

    private async Task<DeliveryOutcome> TryHostAsync(
        SendConnector connector, string host, int port, QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        var destination = $"{connector.Guid}/{host}/{port}";
        if (pool?.Take(destination) is { } reused)
        {
            // A pooled connection may have been closed by the server meanwhile: then try once more on a new one.
            var outcome = await SendAsync(reused, connector, host, port, message, recipient, destination, cancellationToken);
            if (outcome is not DeliveryOutcome.Transient)
            {
                return outcome;
            }
        }

        var client = new SmtpClient { LocalDomain = connector.Fqdn ?? localFqdn, Timeout = 60_000 };
        if (!connector.RequireTLS)
        {
            client.ServerCertificateValidationCallback = static (_, _, _, _) => true;
        }

        try
        {
            await client.ConnectAsync(host, port, connector.RequireTLS ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or SslHandshakeException or TimeoutException)
        {
            client.Dispose();
            return new DeliveryOutcome.Transient($"451 4.4.1 Couldn't connect to {host}:{port}: {ex.Message}");
        }

        return await SendAsync(client, connector, host, port, message, recipient, destination, cancellationToken);
    }

    /// <summary>One transaction on a connected client; the client goes back to the pool only after a clean transaction.</summary>
    private async Task<DeliveryOutcome> SendAsync(
        SmtpClient client, SendConnector connector, string host, int port, QueuedMessage message, QueuedRecipient recipient, string destination, CancellationToken cancellationToken)
    {
        var keep = false;
        try
        {
            await using var body = await bodies.OpenReadAsync(message.BlobId, cancellationToken);
            body.Seek(message.ReturnPathBytes, SeekOrigin.Begin); // Return-Path is for final delivery only (RFC 5321 §4.4)
            var mime = await MimeMessage.LoadAsync(body, cancellationToken);
            var sender = message.ReversePath.Length == 0 ? null : MailboxAddress.Parse(message.ReversePath);
            await client.SendAsync(mime, sender ?? new MailboxAddress(string.Empty, string.Empty), [MailboxAddress.Parse(recipient.Address)], cancellationToken);
            keep = pool is not null;
            return DeliveryOutcome.Delivered;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // The server refused this message, not the session: after RSET the connection can carry the next one.
            keep = pool is not null && await ResetAsync(client, cancellationToken);
            return new DeliveryOutcome.Permanent($"{(int)ex.StatusCode} {ex.Message} (from {host})");
        }
        catch (SmtpCommandException ex)
        {
            return new DeliveryOutcome.Transient($"{(int)ex.StatusCode} {ex.Message} (from {host})");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or TimeoutException)
        {
            return new DeliveryOutcome.Transient($"451 4.4.1 Couldn't deliver through {host}:{port}: {ex.Message}");
        }
        finally
        {
            if (keep)
            {
                pool!.Return(destination, client);
            }
            else
            {
                client.Dispose();
            }
        }
    }
}
