using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>Remove-ExchangeCertificate: refused while the certificate serves a service.</summary>
[Cmdlet(VerbsCommon.Remove, "ExchangeCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject))]
public sealed class RemoveExchangeCertificateCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Thumbprint { get; set; }

    [Parameter]
    public string? Identity { get; set; }

    [Parameter]
    public string? Server { get; set; }

    protected override string Target => Thumbprint ?? Identity ?? string.Empty;
}
