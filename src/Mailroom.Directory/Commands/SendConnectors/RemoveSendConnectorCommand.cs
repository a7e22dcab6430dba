using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.SendConnectors;

public sealed class RemoveSendConnectorCommand : RemoveObjectCommand<SendConnector>
{
    public override string Name => "Remove-SendConnector";
}
