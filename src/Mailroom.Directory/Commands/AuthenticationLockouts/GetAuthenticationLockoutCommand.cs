using Mailroom.Directory.Management;
using Mailroom.Directory.Security;

namespace Mailroom.Directory.Commands.AuthenticationLockouts;

/// <summary>
/// Get-AuthenticationLockout (Mailroom's; Exchange has no equivalent on premises): the accounts and client addresses
/// whose sign-ins this node refuses after too many failures, on every protocol. Lockouts are per node.
/// </summary>
public sealed class GetAuthenticationLockoutCommand(LoginThrottle throttle) : ManagementCommand
{
    public override string Name => "Get-AuthenticationLockout";

    protected override IEnumerable<string> Parameters => ["Identity"];

    public override bool WritesDirectory => false;

    public override Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var identity = parameters.String("Identity")?.Trim();
        var found = throttle.Lockouts().Where(l => identity is null || l.Identity.Equals(identity, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult<IReadOnlyList<object>>([.. found]);
    }
}
