using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>Set-ClientAccessRule: lists replace the current values; <c>@{Add=...; Remove=...}</c> edits them.</summary>
public sealed class SetClientAccessRuleCommand : ManagementCommand
{
    public override string Name => "Set-ClientAccessRule";

    protected override IEnumerable<string> Parameters => ["Identity", "Name", .. ClientAccessRuleParameters.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var rule = await IdentityResolver.ResolveAsync<ClientAccessRule>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.String("Name") is { } name)
        {
            rule.Name = DirectoryWrites.ValidName(name);
            rule.DistinguishedName = NewClientAccessRuleCommand.DistinguishedName(context, rule.Name);
        }

        ClientAccessRuleParameters.Apply(rule, parameters);
        if (parameters.Has("Priority"))
        {
            await ClientAccessRulePriorities.PlaceAsync(context, rule, ClientAccessRulePriorities.Parse(parameters), cancellationToken);
        }

        await DirectoryWrites.UpdateAsync(context, rule, cancellationToken);
        return Nothing();
    }
}
