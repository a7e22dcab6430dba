using Mailroom.Addressing;
using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>
/// <c>Get-AutodiscoverEndpoint -EmailAddress user@contoso.com [-Site Longview]</c>: the endpoints a domain-joined
/// Outlook in that site (default: this server's) would try for the address, in order (exchange.md §4.8a).
/// </summary>
public sealed class GetAutodiscoverEndpointCommand : ManagementCommand
{
    public override string Name => "Get-AutodiscoverEndpoint";

    protected override IEnumerable<string> Parameters => ["EmailAddress", "Site"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var text = parameters.RequiredString(Name, "EmailAddress");
        if (!SmtpAddress.TryParse(text, out var address))
        {
            throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'EmailAddress'. \"{text}\" isn't a valid SMTP address.", text);
        }

        var site = parameters.String("Site") is { } named
            ? (await IdentityResolver.ResolveAsync<Site>(context, named, cancellationToken)).Name
            : (await LocalServer.GetAsync(context, cancellationToken)).Site;
        var servers = await context.Reader.ListAsync<Server>(cancellationToken).ToListAsync(cancellationToken);
        var pointers = await context.Reader.ListAsync<ServiceConnectionPoint>(cancellationToken).ToListAsync(cancellationToken);
        return [.. AutodiscoverEndpointList.Build(address!.Domain, site, servers, pointers)];
    }
}
