using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessService;

/// <summary>Get-ClientAccessService: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "ClientAccessService")]
[Alias("Get-ClientAccessServer")]
[OutputType(typeof(PSObject))]
public sealed class GetClientAccessServiceCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public SwitchParameter IncludeAlternateServiceAccountCredentialPassword { get; set; }

    [Parameter]
    public SwitchParameter IncludeAlternateServiceAccountCredentialStatus { get; set; }
}
