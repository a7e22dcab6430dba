using Mailroom.Addressing;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.AcceptedDomains;

public sealed class NewAcceptedDomainCommand : ManagementCommand
{
    public override string Name => "New-AcceptedDomain";

    protected override IEnumerable<string> Parameters => ["Name", "DomainName", "DomainType"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var domainText = parameters.RequiredString(Name, "DomainName");
        if (!SmtpDomain.TryParse(domainText, allowWildcard: true, out var domain, out var error))
        {
            throw ManagementErrors.InvalidArgument(error!, domainText);
        }

        var name = DirectoryWrites.ValidName(parameters.String("Name") ?? domain!.ToString());
        var type = parameters.Has("DomainType") ? AcceptedDomainRules.ParseType(parameters.String("DomainType")) : AcceptedDomainType.Authoritative;
        var accepted = new AcceptedDomain
        {
            Name = name,
            DomainName = domain!.ToString(),
            DomainType = type,
            AddressBookEnabled = type == AcceptedDomainType.Authoritative,
            DistinguishedName = context.Names.AcceptedDomain(name),
        };
        await DirectoryWrites.AddAsync(context, accepted, cancellationToken);
        return Output(accepted);
    }
}
