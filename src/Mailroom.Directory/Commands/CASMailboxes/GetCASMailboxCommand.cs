using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.CASMailboxes;

/// <summary>Get-CASMailbox: each mailbox's client access protocol switches.</summary>
public sealed class GetCASMailboxCommand : GetObjectCommand<Mailbox>
{
    public override string Name => "Get-CASMailbox";

    protected override IEnumerable<string> OtherParameters => ["ResultSize"];

    protected override ValueTask<object> PresentAsync(CommandContext context, CommandParameters parameters, Mailbox obj, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(CASMailbox.Of(obj));
}
