using System.Net;
using Mailroom.Directory.Commands.ClientAccess;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// Builds <see cref="ClientSettings"/> from the directory (this server's IMAP/POP settings and virtual directories,
/// the accepted domains, the organization) and the node's listeners. Answers are cached per network until the
/// directory changes, since every client asks again every hour.
/// </summary>
public sealed class ClientSettingsReader(IDirectoryStore store, ClientAccessNode node, TimeProvider time)
{
    private readonly DirectoryReadCache<bool, ClientSettings> cache = new(store, time);

    public Task<ClientSettings> ForClientAsync(IPAddress? client, CancellationToken cancellationToken) =>
        cache.GetAsync(node.IsInternal(client), (isInternal, ct) => store.ReadAsync(reader => ReadAsync(reader, isInternal, ct), ct), cancellationToken);

    private async Task<ClientSettings> ReadAsync(IDirectoryReader reader, bool isInternal, CancellationToken cancellationToken)
    {
        var server = await FindServerAsync(reader, cancellationToken);
        var host = await ClientAccessHost.ClientAccessHostName(reader, server, cancellationToken);
        var imap = await PopImapSettingsLookup.ForServerAsync<ImapSettings>(reader, server.Name, cancellationToken);
        var pop = await PopImapSettingsLookup.ForServerAsync<PopSettings>(reader, server.Name, cancellationToken);
        var imapEndpoints = Endpoints(imap, isInternal,
            [new(host, node.Port("Imaps", 993), ConnectionEncryption.SSL), new(host, node.Port("Imap", 143), ConnectionEncryption.TLS)]);
        var popEndpoints = Endpoints(pop, isInternal,
            [new(host, node.Port("Pop3s", 995), ConnectionEncryption.SSL), new(host, node.Port("Pop3", 110), ConnectionEncryption.TLS)]);

        // Exchange has no SMTP client settings object: submission goes to the host the client reads mail from.
        var smtpHost = imapEndpoints.FirstOrDefault()?.Host ?? host;
        ServiceEndpoint[] smtp =
        [
            new(smtpHost, node.Port("SubmissionTls", 465), ConnectionEncryption.SSL),
            new(smtpHost, node.Port("Submission", 587), ConnectionEncryption.TLS),
        ];

        string? owaInternal = null, owaExternal = null, autodiscover = null;
        await foreach (var directory in reader.ListAsync<VirtualDirectory>(cancellationToken))
        {
            if (!directory.Server.Equals(server.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (directory.Type == VirtualDirectoryType.Owa)
            {
                owaInternal = isInternal ? directory.InternalUrl : null;
                owaExternal = directory.ExternalUrl;
            }
            else if (directory.Type == VirtualDirectoryType.Autodiscover)
            {
                autodiscover = isInternal ? directory.InternalUrl ?? directory.ExternalUrl : directory.ExternalUrl;
            }
        }

        var https = node.Port("Https", 443);
        autodiscover ??= $"https://{host}{(https == 443 ? string.Empty : ":" + https)}/autodiscover/autodiscover.xml";
        var organization = await reader.ListAsync<Organization>(cancellationToken).FirstAsync(cancellationToken);
        var domains = new List<string>();
        var defaultDomain = organization.RootDomain;
        await foreach (var domain in reader.ListAsync<AcceptedDomain>(cancellationToken))
        {
            domains.Add(domain.DomainName.TrimStart('*', '.'));
            defaultDomain = domain.Default ? domain.DomainName.TrimStart('*', '.') : defaultDomain;
        }

        return new ClientSettings(isInternal, imapEndpoints, popEndpoints, smtp, owaInternal, owaExternal, autodiscover, organization.Guid, organization.Name, domains, defaultDomain);
    }

    private async Task<Server> FindServerAsync(IDirectoryReader reader, CancellationToken cancellationToken) =>
        await reader.FindByKeyAsync(DirectoryKey.Name(Server.Class, node.ServerName), cancellationToken) is { } id
        && await reader.GetAsync(id, cancellationToken) is Server server
            ? server
            : throw new InvalidOperationException($"This node's server object {node.ServerName} isn't in the directory.");

    /// <summary>Internal clients get the internal settings; external clients the external ones, or the internal ones when none are set.</summary>
    private static List<ServiceEndpoint> Endpoints(PopImapSettings? settings, bool isInternal, ServiceEndpoint[] defaults)
    {
        var chosen = settings is null ? []
            : isInternal || settings.ExternalConnectionSettings.Count == 0 ? settings.InternalConnectionSettings
            : settings.ExternalConnectionSettings;
        return chosen.Count == 0 ? [.. defaults] : chosen.Select(s => new ServiceEndpoint(s.Hostname, s.Port, s.EncryptionType)).ToList();
    }
}
