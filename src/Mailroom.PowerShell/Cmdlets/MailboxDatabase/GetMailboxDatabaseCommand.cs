using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.MailboxDatabase;

/// <summary>Get-MailboxDatabase: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "MailboxDatabase", DefaultParameterSetName = "Identity")]
[OutputType(typeof(PSObject))]
public sealed class GetMailboxDatabaseCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Identity")]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(ParameterSetName = "Server")]
    public string? Server { get; set; }

    [Parameter]
    public SwitchParameter Status { get; set; }

    [Parameter]
    public SwitchParameter DumpsterStatistics { get; set; }

    [Parameter]
    public SwitchParameter IncludeCorrupted { get; set; }

    [Parameter]
    public SwitchParameter IncludePreExchange2010 { get; set; }

    [Parameter]
    public SwitchParameter IncludePreExchange2013 { get; set; }
}
