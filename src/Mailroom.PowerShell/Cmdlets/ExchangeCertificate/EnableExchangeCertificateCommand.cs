using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>Enable-ExchangeCertificate: adds services (IIS, SMTP, IMAP, POP) to a certificate; asks before replacing the default SMTP certificate.</summary>
[Cmdlet(VerbsLifecycle.Enable, "ExchangeCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class EnableExchangeCertificateCommand : CertificateCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Thumbprint { get; set; }

    [Parameter]
    public string? Identity { get; set; }

    [Parameter(Mandatory = true)]
    public string[]? Services { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public SwitchParameter DoNotRequireSsl { get; set; }

    [Parameter]
    public SwitchParameter NetworkServiceAllowed { get; set; }

    protected override string Target => Thumbprint ?? Identity ?? string.Empty;
}
