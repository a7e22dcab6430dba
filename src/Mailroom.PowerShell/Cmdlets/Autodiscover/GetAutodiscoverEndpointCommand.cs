using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Autodiscover;

/// <summary>
/// Get-AutodiscoverEndpoint: the endpoints a domain-joined Outlook in <c>-Site</c> would try for <c>-EmailAddress</c>,
/// in order, and where each came from. Test-AutodiscoverEndpoint tries them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AutodiscoverEndpoint")]
[OutputType(typeof(PSObject))]
public sealed class GetAutodiscoverEndpointCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PrimarySmtpAddress")]
    public string? EmailAddress { get; set; }

    [Parameter]
    public string? Site { get; set; }
}
