using Mailroom.Directory.Commands.Databases;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

/// <summary>Get-ClientAccessService (2016+) and its older name Get-ClientAccessServer.</summary>
public sealed class GetClientAccessServiceCommand : GetObjectCommand<Server>
{
    public override string Name => "Get-ClientAccessService";

    public override IReadOnlyList<string> Aliases => ["Get-ClientAccessServer"];

    protected override IEnumerable<string> OtherParameters =>
        ["IncludeAlternateServiceAccountCredentialPassword", "IncludeAlternateServiceAccountCredentialStatus"];

    protected override async ValueTask<object> PresentAsync(CommandContext context, CommandParameters parameters, Server server, CancellationToken cancellationToken) =>
        ClientAccessService.Of(server, await MailboxDatabases.ArrayOfSiteAsync(context, server.Site, cancellationToken));
}
