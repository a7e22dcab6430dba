using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

public sealed class NewEmailAddressPolicyCommand : ManagementCommand
{
    public override string Name => "New-EmailAddressPolicy";

    protected override IEnumerable<string> Parameters => ["Name", .. EmailAddressPolicyParameters.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name"));
        if (!parameters.Has("RecipientFilter") && !parameters.Has("IncludedRecipients"))
        {
            throw ManagementErrors.InvalidArgument("Specify either RecipientFilter (an OPath filter) or IncludedRecipients (a precanned filter).");
        }

        var policy = new EmailAddressPolicy
        {
            Name = name,
            DistinguishedName = context.Names.EmailAddressPolicy(name),
            RecipientContainer = context.Names.DomainDN,
        };
        await EmailAddressPolicyParameters.ApplyAsync(context, policy, parameters, cancellationToken);
        int? priority = parameters.Has("Priority") ? PolicyPriorities.Parse(parameters) : null;
        await DirectoryWrites.EnsureKeysFreeAsync(context, policy, cancellationToken);
        await PolicyPriorities.PlaceAsync(context, policy, priority, cancellationToken);
        await DirectoryWrites.AddAsync(context, policy, cancellationToken);
        return Output(policy);
    }
}
