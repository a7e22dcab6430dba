using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Databases;

/// <summary>Creating a database: the RPC client access endpoint is the site's array if there is one, else the server.</summary>
public static class MailboxDatabases
{
    public static async Task<MailboxDatabase> CreateAsync(CommandContext context, string name, Server server, CancellationToken cancellationToken)
    {
        var array = await ArrayOfSiteAsync(context, server.Site, cancellationToken);
        var database = new MailboxDatabase
        {
            Name = name,
            Server = server.Name,
            RpcClientAccessServer = array?.Fqdn ?? server.Fqdn,
            DistinguishedName = context.Names.Database(name),
            ExchangeLegacyDN = context.Names.DatabaseLegacyDN(server.Name, name),
        };
        await DirectoryWrites.AddAsync(context, database, cancellationToken);
        return database;
    }

    public static async Task<ClientAccessArray?> ArrayOfSiteAsync(CommandContext context, string site, CancellationToken cancellationToken)
    {
        await foreach (var array in context.Reader.ListAsync<ClientAccessArray>(cancellationToken))
        {
            if (array.Site.Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                return array;
            }
        }

        return null;
    }
}
