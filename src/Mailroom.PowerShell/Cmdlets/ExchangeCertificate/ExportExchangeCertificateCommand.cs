using System.Management.Automation;
using System.Security;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>Export-ExchangeCertificate: the certificate (PEM, or DER with -BinaryEncoded), or a PFX with its key when -Password is given.</summary>
[Cmdlet(VerbsData.Export, "ExchangeCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(PSObject))]
public sealed class ExportExchangeCertificateCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Thumbprint { get; set; }

    [Parameter]
    public string? Identity { get; set; }

    [Parameter]
    public SwitchParameter BinaryEncoded { get; set; }

    [Parameter]
    public SecureString? Password { get; set; }

    [Parameter]
    public string? Server { get; set; }

    protected override string Target => Thumbprint ?? Identity ?? string.Empty;
}
