using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Mailroom.Transport.Outbound;

/// <summary>MX and address lookups through DnsClient, against the system resolvers or configured ones.</summary>
public sealed class DnsMxLookup : IMxLookup
{
    private readonly LookupClient client;

    public DnsMxLookup(IReadOnlyList<IPEndPoint>? servers = null)
    {
        var options = servers is { Count: > 0 } ? new LookupClientOptions(servers.Select(s => new NameServer(s)).ToArray()) : new LookupClientOptions();
        options.UseCache = true;
        options.Timeout = TimeSpan.FromSeconds(5);
        options.Retries = 2;
        options.ThrowDnsErrors = false;
        client = new LookupClient(options);
    }

    public async Task<IReadOnlyList<MailExchanger>> MailExchangersAsync(string domain, CancellationToken cancellationToken)
    {
        var result = await client.QueryAsync(domain, QueryType.MX, cancellationToken: cancellationToken);
        if (result.HasError && result.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            throw new DomainNotFoundException(domain);
        }

        var exchangers = result.Answers.MxRecords()
            .Select(mx => new MailExchanger(mx.Exchange.Value.TrimEnd('.'), mx.Preference))
            .OrderBy(mx => mx.Preference)
            .ToList();

        // RFC 7505: a single "0 ." MX says the domain accepts no mail.
        if (exchangers is [{ Host: "" }])
        {
            throw new DomainNotFoundException(domain);
        }

        return exchangers.Count > 0 ? exchangers : [new MailExchanger(domain, 0)];
    }

    public async Task<IReadOnlyList<IPAddress>> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        var v4 = await client.QueryAsync(host, QueryType.A, cancellationToken: cancellationToken);
        var v6 = await client.QueryAsync(host, QueryType.AAAA, cancellationToken: cancellationToken);
        return v4.Answers.ARecords().Select(a => a.Address).Concat(v6.Answers.AaaaRecords().Select(a => a.Address)).ToList();
    }
}

/// <summary>The domain does not exist or accepts no mail: a permanent failure (<c>550 5.4.4</c>).</summary>
public sealed class DomainNotFoundException(string domain) : Exception($"The domain {domain} doesn't exist or accepts no mail.")
{
    public string Domain { get; } = domain;
}
