using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

/// <summary>Set-ClientAccessService (2016+) and its older name Set-ClientAccessServer: the Autodiscover SCP settings.</summary>
public sealed class SetClientAccessServiceCommand : ManagementCommand
{
    public override string Name => "Set-ClientAccessService";

    public override IReadOnlyList<string> Aliases => ["Set-ClientAccessServer"];

    protected override IEnumerable<string> Parameters => ["Identity", "AutoDiscoverServiceInternalUri", "AutoDiscoverSiteScope", "IsOutOfService"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await IdentityResolver.ResolveAsync<Server>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.Has("AutoDiscoverServiceInternalUri"))
        {
            var text = parameters.String("AutoDiscoverServiceInternalUri");
            server.AutoDiscoverServiceInternalUri = text is null ? null
                : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.ToString()
                : throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'AutoDiscoverServiceInternalUri'. \"{text}\" isn't an absolute http or https URL.", text);
            server.AutoDiscoverServiceCreated = server.AutoDiscoverServiceInternalUri is null ? null : server.AutoDiscoverServiceCreated ?? context.Now;
        }

        if (parameters.Multi("AutoDiscoverSiteScope") is { } scope)
        {
            var sites = scope.ApplyTo(server.AutoDiscoverSiteScope);
            foreach (var site in sites)
            {
                await IdentityResolver.ResolveAsync<Site>(context, site, cancellationToken);
            }

            server.AutoDiscoverSiteScope = sites;
        }

        server.IsOutOfService = parameters.Bool("IsOutOfService") ?? server.IsOutOfService;
        await DirectoryWrites.UpdateAsync(context, server, cancellationToken);
        return Nothing();
    }
}
