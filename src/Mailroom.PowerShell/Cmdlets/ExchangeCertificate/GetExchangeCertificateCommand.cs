using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>Get-ExchangeCertificate: a server's certificates with Exchange's Status, Services and domains.</summary>
[Cmdlet(VerbsCommon.Get, "ExchangeCertificate")]
[OutputType(typeof(PSObject))]
public sealed class GetExchangeCertificateCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Thumbprint { get; set; }

    /// <summary><c>ServerFqdn\Thumbprint</c> or <c>Server\Thumbprint</c>.</summary>
    [Parameter]
    public string? Identity { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public string[]? DomainName { get; set; }
}
