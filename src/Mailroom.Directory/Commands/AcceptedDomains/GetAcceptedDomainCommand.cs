using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.AcceptedDomains;

public sealed class GetAcceptedDomainCommand : GetObjectCommand<AcceptedDomain>
{
    public override string Name => "Get-AcceptedDomain";

    protected override IEnumerable<string> OtherParameters => ["ResultSize"];
}
