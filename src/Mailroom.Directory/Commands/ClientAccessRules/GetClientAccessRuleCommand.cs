using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>Get-ClientAccessRule: the rules in the order they are evaluated.</summary>
public sealed class GetClientAccessRuleCommand : GetObjectCommand<ClientAccessRule>
{
    public override string Name => "Get-ClientAccessRule";

    protected override IEnumerable<ClientAccessRule> Order(IEnumerable<ClientAccessRule> objects) => objects.OrderBy(r => r.Priority);
}
