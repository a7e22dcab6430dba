using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Naming;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>
/// New-ClientAccessRule: a rule with Exchange's parameters. <c>-Force</c> (Mailroom's) skips the check that the
/// caller's own RemotePowerShell connection stays allowed, which the node adds around this command.
/// </summary>
public sealed class NewClientAccessRuleCommand : ManagementCommand
{
    public override string Name => "New-ClientAccessRule";

    protected override IEnumerable<string> Parameters => ["Name", .. ClientAccessRuleParameters.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name"));
        parameters.RequiredString(Name, "Action");
        var rule = new ClientAccessRule { Name = name, DistinguishedName = DistinguishedName(context, name) };
        ClientAccessRuleParameters.Apply(rule, parameters);
        int? priority = parameters.Has("Priority") ? ClientAccessRulePriorities.Parse(parameters) : null;
        await DirectoryWrites.EnsureKeysFreeAsync(context, rule, cancellationToken);
        await ClientAccessRulePriorities.PlaceAsync(context, rule, priority, cancellationToken);
        await DirectoryWrites.AddAsync(context, rule, cancellationToken);
        return Output(rule);
    }

    /// <summary>Where Exchange keeps the rules: under the organization's transport settings.</summary>
    public static string DistinguishedName(CommandContext context, string name) =>
        $"CN={OrganizationNames.Escape(name)},CN=Client Access Rules,CN=Transport Settings,{context.Names.OrganizationDN}";
}
