using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Server.Array;

/// <summary>
/// Refuses to start a node on a store that holds another organization than the one it is configured for, before the
/// node writes anything there. Only explicitly configured values count: a node without Mailroom:Organization:* joins
/// whatever organization its store holds.
/// </summary>
public static class OrganizationMembership
{
    public static async Task EnsureAsync(IDirectoryStore store, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var domain = configuration["Mailroom:Organization:Domain"]?.Trim();
        var name = configuration["Mailroom:Organization:Name"]?.Trim();
        if (string.IsNullOrEmpty(domain) && string.IsNullOrEmpty(name))
        {
            return;
        }

        var existing = await store.ReadAsync(r => r.ListAsync<Organization>(cancellationToken).FirstOrDefaultAsync(cancellationToken).AsTask(), cancellationToken);
        if (existing is null)
        {
            return;
        }

        var wrongDomain = !string.IsNullOrEmpty(domain) && !existing.RootDomain.Equals(domain, StringComparison.OrdinalIgnoreCase);
        var wrongName = !string.IsNullOrEmpty(name) && !existing.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
        if (wrongDomain || wrongName)
        {
            throw new InvalidOperationException(
                $"This store holds the organization \"{existing.Name}\" ({existing.RootDomain}), but this node is configured for " +
                $"\"{name ?? existing.Name}\" ({domain ?? existing.RootDomain}) in Mailroom:Organization. Point Mailroom:Store:ConnectionString " +
                $"at the right organization's store, or remove the Mailroom:Organization settings to join {existing.RootDomain}. Nothing was changed.");
        }
    }
}
