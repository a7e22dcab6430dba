using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.AcceptedDomains;

public sealed class SetAcceptedDomainCommand : ManagementCommand
{
    public override string Name => "Set-AcceptedDomain";

    protected override IEnumerable<string> Parameters =>
        ["Identity", "AddressBookEnabled", "DomainType", "MakeDefault", "MatchSubDomains", "Name"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var domain = await IdentityResolver.ResolveAsync<AcceptedDomain>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.Has("DomainType"))
        {
            var type = AcceptedDomainRules.ParseType(parameters.String("DomainType"));
            if (type == AcceptedDomainType.ExternalRelay && (await AcceptedDomainRules.PoliciesUsingAsync(context, domain, cancellationToken)).FirstOrDefault() is { } policy)
            {
                throw ManagementErrors.InvalidOperation(
                    $"The accepted domain \"{domain.Name}\" can't be ExternalRelay because the email address policy \"{policy.Name}\" uses it; email address policies may only use Authoritative and InternalRelay domains.", domain.Name);
            }

            domain.DomainType = type;
        }

        domain.AddressBookEnabled = parameters.Bool("AddressBookEnabled") ?? domain.AddressBookEnabled;
        domain.MatchSubDomains = parameters.Bool("MatchSubDomains") ?? domain.MatchSubDomains;
        if (parameters.String("Name") is { } newName)
        {
            domain.Name = DirectoryWrites.ValidName(newName);
            domain.DistinguishedName = context.Names.AcceptedDomain(domain.Name);
        }

        if (parameters.Bool("MakeDefault") is { } makeDefault)
        {
            if (!makeDefault && domain.Default)
            {
                throw ManagementErrors.InvalidOperation(
                    $"The accepted domain \"{domain.Name}\" is the default domain. There is always exactly one default; make another domain the default with Set-AcceptedDomain -MakeDefault $true instead.", domain.Name);
            }

            if (makeDefault && !domain.Default)
            {
                await foreach (var other in context.Reader.ListAsync<AcceptedDomain>(cancellationToken))
                {
                    if (other.Default)
                    {
                        other.Default = false;
                        await DirectoryWrites.UpdateAsync(context, other, cancellationToken);
                    }
                }

                domain.Default = true;
            }
        }

        await DirectoryWrites.UpdateAsync(context, domain, cancellationToken);
        return Nothing();
    }
}
