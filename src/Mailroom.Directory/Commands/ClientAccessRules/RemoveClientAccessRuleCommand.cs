using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>Remove-ClientAccessRule: the later rules move up to keep priorities dense.</summary>
public sealed class RemoveClientAccessRuleCommand : RemoveObjectCommand<ClientAccessRule>
{
    public override string Name => "Remove-ClientAccessRule";

    protected override IEnumerable<string> OtherParameters => ["Force"];

    protected override Task AfterRemoveAsync(CommandContext context, CancellationToken cancellationToken) =>
        ClientAccessRulePriorities.CompactAsync(context, cancellationToken);
}
