using Mailroom.Directory.Management;
using Mailroom.Directory.Security;

namespace Mailroom.Directory.Commands.AuthenticationLockouts;

/// <summary>
/// Clear-AuthenticationLockout [-Identity &lt;account or address&gt;]: lets an account or address sign in again at once
/// (without -Identity: every lockout of this node). An identity that isn't locked out is an error, as Exchange's
/// Clear- cmdlets report an unknown identity.
/// </summary>
public sealed class ClearAuthenticationLockoutCommand(LoginThrottle throttle) : ManagementCommand
{
    public override string Name => "Clear-AuthenticationLockout";

    protected override IEnumerable<string> Parameters => ["Identity"];

    public override bool WritesDirectory => false;

    public override Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var identity = parameters.String("Identity");
        if (throttle.Clear(identity) == 0 && identity is not null)
        {
            throw ManagementErrors.NotFound(identity, context.ServerFqdn);
        }

        return Task.FromResult(Nothing());
    }
}
