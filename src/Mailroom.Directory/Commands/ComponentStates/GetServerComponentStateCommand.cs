using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ComponentStates;

/// <summary>Get-ServerComponentState -Identity &lt;server&gt; [-Component &lt;name&gt;] (exchange.md §5.4).</summary>
public sealed class GetServerComponentStateCommand : ManagementCommand
{
    public override string Name => "Get-ServerComponentState";

    protected override IEnumerable<string> Parameters => ["Identity", "Component"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await IdentityResolver.ResolveAsync<Server>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var components = parameters.String("Component") is { } asked
            ? [ServerComponents.Canonical(asked) ?? throw UnknownComponent(asked)]
            : ServerComponents.All;
        var entries = await ComponentStateStore.ReadAsync(context.Reader, server.Name, cancellationToken);
        return [.. components.Select(c => (object)ServerComponentStatus.Of(server, entries, c))];
    }

    internal static ManagementException UnknownComponent(string component) => ManagementErrors.InvalidArgument(
        $"\"{component}\" isn't a server component. Use one of: {string.Join(", ", ServerComponents.All)}.", component);
}
