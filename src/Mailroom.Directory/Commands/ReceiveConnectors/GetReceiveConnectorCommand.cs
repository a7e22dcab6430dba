using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

public sealed class GetReceiveConnectorCommand : GetObjectCommand<ReceiveConnector>
{
    public override string Name => "Get-ReceiveConnector";

    protected override IEnumerable<string> OtherParameters => ["Server"];

    public override Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken) =>
        parameters.Has("Identity") && parameters.Has("Server")
            ? throw ManagementErrors.InvalidArgument("Parameter set cannot be resolved using the specified named parameters: use either Identity or Server.")
            : base.ExecuteAsync(context, parameters, cancellationToken);

    protected override async ValueTask<bool> IncludeAsync(CommandContext context, CommandParameters parameters, ReceiveConnector connector, CancellationToken cancellationToken) =>
        parameters.String("Server") is not { } server
        || connector.Server.Equals((await IdentityResolver.ResolveAsync<Server>(context, server, cancellationToken)).Name, StringComparison.OrdinalIgnoreCase);

    protected override IEnumerable<ReceiveConnector> Order(IEnumerable<ReceiveConnector> connectors) =>
        connectors.OrderBy(c => c.Server, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase);
}
