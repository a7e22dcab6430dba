using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Session;

/// <summary>Forgets this session's connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Mailroom")]
[OutputType(typeof(void))]
public sealed class DisconnectMailroomCommand : PSCmdlet
{
    protected override void EndProcessing() => MailroomSession.Set(SessionState, null);
}
