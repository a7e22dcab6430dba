using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>
/// What every server gets from setup for client access: the Autodiscover, OWA and ECP virtual directories and its
/// POP3 and IMAP4 settings. Made once per server (at every start, for servers registered before these existed) and
/// then left as the administrator sets them.
/// </summary>
public static class ClientAccessDefaults
{
    public static async Task EnsureAsync(CommandContext context, Server server, CancellationToken cancellationToken)
    {
        foreach (var type in Enum.GetValues<VirtualDirectoryType>())
        {
            var name = VirtualDirectory.NameOf(type);
            if (await context.Reader.FindByKeyAsync(DirectoryKey.Name(VirtualDirectory.Class, $"{server.Name}\\{name}"), cancellationToken) is null)
            {
                await DirectoryWrites.AddAsync(context, new VirtualDirectory
                {
                    Name = name,
                    Server = server.Name,
                    Type = type,
                    DistinguishedName = context.Names.VirtualDirectory(server.Name, name),
                }, cancellationToken);

                // Exchange setup publishes the server's URL SCP with the Autodiscover virtual directory (exchange.md
                // §4.4), so domain-joined clients find it; an administrator may clear it later, and it stays cleared.
                if (type == VirtualDirectoryType.Autodiscover && server.AutoDiscoverServiceInternalUri is null)
                {
                    server.AutoDiscoverServiceInternalUri = $"https://{server.Fqdn}/Autodiscover/Autodiscover.xml";
                    server.AutoDiscoverServiceCreated = context.Now;
                    await DirectoryWrites.UpdateAsync(context, server, cancellationToken);
                }
            }
        }

        await EnsureSettingsAsync(context, new ImapSettings { Name = "1", Server = server.Name, DistinguishedName = context.Names.ProtocolSettings(server.Name, "IMAP4") }, cancellationToken);
        await EnsureSettingsAsync(context, new PopSettings { Name = "1", Server = server.Name, DistinguishedName = context.Names.ProtocolSettings(server.Name, "POP3") }, cancellationToken);
    }

    private static async Task EnsureSettingsAsync(CommandContext context, PopImapSettings settings, CancellationToken cancellationToken)
    {
        if (await context.Reader.FindByKeyAsync(DirectoryKey.Name(settings.ObjectClass, settings.Identity), cancellationToken) is null)
        {
            await DirectoryWrites.AddAsync(context, settings, cancellationToken);
        }
    }
}
