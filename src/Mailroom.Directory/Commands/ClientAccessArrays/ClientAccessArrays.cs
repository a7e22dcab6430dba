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
