using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.SendConnectors;

public sealed class GetSendConnectorCommand : GetObjectCommand<SendConnector>
{
    public override string Name => "Get-SendConnector";

    protected override IEnumerable<SendConnector> Order(IEnumerable<SendConnector> connectors) =>
        connectors.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase);
}
