using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Rules.Commands;

/// <summary>
/// Wraps New-, Set- and Remove-ClientAccessRule: after the change, still inside the command's transaction, the rules
/// are evaluated for the caller's own management connection (RemotePowerShell from its address, with its
/// authentication type and account). If they would deny it, the command fails and nothing changes, unless it was
/// run with <c>-Force</c> (exchange.md §3.6 recommends exactly this protection).
/// </summary>
public sealed class LockoutProtectedCommand(ManagementCommand inner) : ManagementCommand
{
    public override string Name => inner.Name;

    public override IReadOnlyList<string> Aliases => inner.Aliases;

    public override bool ChangesConfiguration => inner.ChangesConfiguration;

    public override bool WritesDirectory => inner.WritesDirectory;

    protected override IEnumerable<string> Parameters => inner.ParameterNames;

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var output = await inner.ExecuteAsync(context, parameters, cancellationToken);
        if (parameters.Switch("Force") || context.Principal is not { Connection: { } connection } caller)
        {
            return output;
        }

        var rules = await ClientAccessRuleCache.ReadAsync(context.Reader, cancellationToken);
        var account = await context.Reader.GetAsync(caller.Id, cancellationToken) as Mailbox;
        var request = new ClientAccessRequest(connection.Protocol, connection.RemoteAddress, connection.RemotePort, connection.AuthenticationType,
            account is null ? null : ClientAccessUser.Of(account));
        var decision = rules.Evaluate(request);
        if (decision.IsDenied)
        {
            throw new ManagementException("ClientAccessRuleLockout", "InvalidOperation",
                $"This change would deny your own {connection.Protocol} connection from {connection.RemoteAddress} (by the rule \"{decision.RuleName}\"), so it wasn't made. " +
                "Add an exception for your address, or an AllowAccess rule with a higher priority, first; or run the command again with -Force to make the change anyway.",
                decision.RuleName);
        }

        return output;
    }
}
