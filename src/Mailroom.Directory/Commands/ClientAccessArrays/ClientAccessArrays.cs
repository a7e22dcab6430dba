using Mailroom.Addressing;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

/// <summary>Shared rules of the client access array commands.</summary>
public static class ClientAccessArrays
{
    /// <summary>Fills <see cref="ClientAccessArray.Members"/>: the servers of the array's site.</summary>
    public static async Task<ClientAccessArray> WithMembersAsync(CommandContext context, ClientAccessArray array, CancellationToken cancellationToken)
    {
        array.Members = [];
        await foreach (var server in context.Reader.ListAsync<Server>(cancellationToken))
        {
            if (server.Site.Equals(array.Site, StringComparison.OrdinalIgnoreCase))
            {
                array.Members.Add(server.Fqdn);
            }
        }

        return array;
    }

    /// <summary>
    /// A warning when no server of the array's site has a certificate covering the array's name: through a load
    /// balancer in TCP mode the members present their own certificates, so clients would see a name mismatch.
    /// </summary>
    public static async Task<ManagementWarning?> CertificateWarningAsync(CommandContext context, ClientAccessArray array, CancellationToken cancellationToken)
    {
        await foreach (var server in context.Reader.ListAsync<Server>(cancellationToken))
        {
            if (server.Site.Equals(array.Site, StringComparison.OrdinalIgnoreCase) && CertificateCoverage.AnyCovers(server.CertificateDomains, array.Fqdn))
            {
                return null;
            }
        }

        return new ManagementWarning(
            $"No certificate of a server in site \"{array.Site}\" covers {array.Fqdn}; clients that connect by the array's name will get certificate errors until the members' certificates include it.");
    }

    public static string ValidFqdn(string fqdn) =>
        SmtpDomain.TryParse(fqdn, allowWildcard: false, out var host, out var error) ? host!.ToString() : throw ManagementErrors.InvalidArgument(error!, fqdn);

    /// <summary>Exchange allows one client access array per Active Directory site.</summary>
    public static async Task EnsureSiteFreeAsync(CommandContext context, string site, Guid self, CancellationToken cancellationToken)
    {
        await foreach (var other in context.Reader.ListAsync<ClientAccessArray>(cancellationToken))
        {
            if (other.Guid != self && other.Site.Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                throw ManagementErrors.InvalidOperation($"The site \"{site}\" already has the client access array \"{other.Name}\"; a site can have only one.", site);
            }
        }
    }
}
