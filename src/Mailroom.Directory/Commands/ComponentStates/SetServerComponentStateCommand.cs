using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ComponentStates;

/// <summary>
/// Set-ServerComponentState -Identity &lt;server&gt; -Component &lt;name&gt; -State Active|Inactive|Draining -Requester &lt;who&gt;.
/// The state lives in the directory (Exchange's -RemoteOnly; -LocalOnly and -RemoteOnly are accepted and mean the
/// same here, as a node keeps no other copy). Draining is also accepted for ServerWideOffline: it drains every component.
/// </summary>
public sealed class SetServerComponentStateCommand : ManagementCommand
{
    public override string Name => "Set-ServerComponentState";

    protected override IEnumerable<string> Parameters => ["Identity", "Component", "State", "Requester", "LocalOnly", "RemoteOnly", "TimeoutInSeconds"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var componentText = parameters.RequiredString(Name, "Component");
        var component = ServerComponents.Canonical(componentText) ?? throw GetServerComponentStateCommand.UnknownComponent(componentText);
        var requesterText = parameters.RequiredString(Name, "Requester");
        var requester = ServerComponents.CanonicalRequester(requesterText) ?? throw ManagementErrors.InvalidArgument(
            $"\"{requesterText}\" isn't a requester. Use one of: {string.Join(", ", ServerComponents.Requesters)}.", requesterText);
        var stateText = parameters.RequiredString(Name, "State");
        if (!Enum.TryParse<ServiceState>(stateText, ignoreCase: true, out var state) || !Enum.IsDefined(state) || int.TryParse(stateText, out _))
        {
            throw ManagementErrors.InvalidArgument($"\"{stateText}\" isn't a state. Use Active, Inactive or Draining.", stateText);
        }

        var server = await IdentityResolver.ResolveAsync<Server>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        await ComponentStateStore.SetAsync(context, server, component, requester, state, cancellationToken);
        return Nothing();
    }
}
