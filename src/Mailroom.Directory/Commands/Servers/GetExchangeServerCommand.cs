using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

public sealed class GetExchangeServerCommand : GetObjectCommand<Server>
{
    public override string Name => "Get-ExchangeServer";

    protected override IEnumerable<string> OtherParameters => ["Status"];
}
