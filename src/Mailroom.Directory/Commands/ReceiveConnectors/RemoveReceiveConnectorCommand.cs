using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

/// <summary>
/// Removes a connector; as in Exchange nothing refuses it. A server left with no connector at all gets the default
/// pair again at its next start (see <see cref="ReceiveConnectors.EnsureDefaultsAsync"/>); to stop receiving, disable.
/// </summary>
public sealed class RemoveReceiveConnectorCommand : RemoveObjectCommand<ReceiveConnector>
{
    public override string Name => "Remove-ReceiveConnector";
}
