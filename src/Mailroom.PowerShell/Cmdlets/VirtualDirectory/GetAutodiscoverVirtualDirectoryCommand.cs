using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.VirtualDirectory;

/// <summary>Get-AutodiscoverVirtualDirectory: the Autodiscover virtual directories, of every server or of <c>-Server</c>.</summary>
[Cmdlet(VerbsCommon.Get, "AutodiscoverVirtualDirectory")]
[OutputType(typeof(PSObject))]
public sealed class GetAutodiscoverVirtualDirectoryCommand : MailroomCmdlet
{
    /// <summary><c>Server\Name</c>, e.g. <c>EX1\Autodiscover (Default Web Site)</c>, or a GUID.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public SwitchParameter ADPropertiesOnly { get; set; }

    [Parameter]
    public SwitchParameter ShowMailboxVirtualDirectories { get; set; }
}
