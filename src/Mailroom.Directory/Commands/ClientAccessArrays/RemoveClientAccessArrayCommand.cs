using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

/// <summary>Removes an array; databases keep the RpcClientAccessServer they had, as in Exchange.</summary>
public sealed class RemoveClientAccessArrayCommand : RemoveObjectCommand<ClientAccessArray>
{
    public override string Name => "Remove-ClientAccessArray";
}
