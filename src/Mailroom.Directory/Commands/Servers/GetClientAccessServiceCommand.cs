using Mailroom.Directory.Commands.Databases;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

/// <summary>Get-ClientAccessService (2016+) and its older name Get-ClientAccessServer.</summary>
public sealed class GetClientAccessServiceCommand : ManagementCommand
{
    public override string Name => "Get-ClientAccessService";

    public override IReadOnlyList<string> Aliases => ["Get-ClientAccessServer"];

    protected override IEnumerable<string> Parameters =>
        ["Identity", "IncludeAlternateServiceAccountCredentialPassword", "IncludeAlternateServiceAccountCredentialStatus"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var servers = parameters.String("Identity") is { } identity
            ? [await IdentityResolver.ResolveAsync<Server>(context, identity, cancellationToken)]
            : await context.Reader.ListAsync<Server>(cancellationToken).ToListAsync(cancellationToken);
        var output = new List<object>();
        foreach (var server in servers)
        {
            output.Add(ClientAccessService.Of(server, await MailboxDatabases.ArrayOfSiteAsync(context, server.Site, cancellationToken)));
        }

        return output;
    }
}
