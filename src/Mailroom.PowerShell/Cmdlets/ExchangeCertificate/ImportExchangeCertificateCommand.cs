using System.Management.Automation;
using System.Security;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>Import-ExchangeCertificate: a PFX (-FileData with -Password) or PEM (-Instance), or the CA's answer to a pending request.</summary>
[Cmdlet(VerbsData.Import, "ExchangeCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class ImportExchangeCertificateCommand : MailroomCmdlet
{
    [Parameter(ParameterSetName = "FileData", Mandatory = true, Position = 0)]
    public byte[]? FileData { get; set; }

    [Parameter(ParameterSetName = "Instance", Mandatory = true)]
    public string[]? Instance { get; set; }

    [Parameter]
    public SecureString? Password { get; set; }

    [Parameter]
    public bool? PrivateKeyExportable { get; set; }

    [Parameter]
    public string? FriendlyName { get; set; }

    [Parameter]
    public string? Server { get; set; }

    protected override string Target => FriendlyName ?? "certificate";
}
