using System.Net;

namespace Mailroom.Transport.Outbound;

/// <summary>A mail exchanger host for a domain, with its MX preference (lower first).</summary>
public sealed record MailExchanger(string Host, int Preference);

/// <summary>DNS answers outbound delivery needs; the resolver's address is configurable so tests use one on loopback.</summary>
public interface IMxLookup
{
    /// <summary>MX hosts in preference order; RFC 5321 §5.1: when there are none, the domain itself (its A/AAAA) is the host.</summary>
    Task<IReadOnlyList<MailExchanger>> MailExchangersAsync(string domain, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPAddress>> AddressesAsync(string host, CancellationToken cancellationToken);
}
