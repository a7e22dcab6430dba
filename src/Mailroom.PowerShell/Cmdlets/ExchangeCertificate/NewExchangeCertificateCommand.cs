using System.Management.Automation;
using Mailroom.Management.Client;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>New-ExchangeCertificate: a self-signed certificate, or with -GenerateRequest a PKCS #10 request for a CA.</summary>
[Cmdlet(VerbsCommon.New, "ExchangeCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewExchangeCertificateCommand : CertificateCmdlet
{
    [Parameter]
    public string? SubjectName { get; set; }

    [Parameter]
    public string[]? DomainName { get; set; }

    [Parameter]
    public string? FriendlyName { get; set; }

    [Parameter]
    [ValidateSet("1024", "2048", "4096")]
    public int? KeySize { get; set; }

    [Parameter]
    public bool? PrivateKeyExportable { get; set; }

    [Parameter]
    public string[]? Services { get; set; }

    [Parameter]
    public SwitchParameter GenerateRequest { get; set; }

    [Parameter]
    public SwitchParameter BinaryEncoded { get; set; }

    [Parameter]
    public SwitchParameter IncludeAcceptedDomains { get; set; }

    [Parameter]
    public SwitchParameter IncludeAutoDiscover { get; set; }

    [Parameter]
    public SwitchParameter IncludeServerFQDN { get; set; }

    [Parameter]
    public SwitchParameter IncludeServerNetBIOSName { get; set; }

    [Parameter]
    public string? Server { get; set; }

    /// <summary>A request comes back as its Base64 text (or bytes with -BinaryEncoded), as Exchange writes it, ready for <c>Set-Content</c>.</summary>
    protected override object Present(ManagementObject result) =>
        result.TypeName == "ExchangeCertificateRequest"
            ? BinaryEncoded ? Convert.FromBase64String(result.Properties.GetProperty("Request").GetString()!) : result.Properties.GetProperty("Request").GetString()!
            : base.Present(result);

    protected override string Target => SubjectName ?? string.Join(",", DomainName ?? []);
}
