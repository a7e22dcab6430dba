using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.PopImapSettings;

/// <summary>Set-PopSettings: connection settings clients are told (<c>host:port:SSL|TLS</c>), LoginType and X509CertificateName.</summary>
[Cmdlet(VerbsCommon.Set, "PopSettings", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetPopSettingsCommand : MailroomCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Server { get; set; }

    /// <summary>A list such as 'mail.contoso.com:993:SSL','mail.contoso.com:143:TLS', or @{Add=...; Remove=...}.</summary>
    [Parameter]
    public object? ExternalConnectionSettings { get; set; }

    [Parameter]
    public object? InternalConnectionSettings { get; set; }

    [Parameter]
    [ValidateSet("PlainTextLogin", "PlainTextAuthentication", "SecureLogin", IgnoreCase = true)]
    public string? LoginType { get; set; }

    [Parameter]
    public string? X509CertificateName { get; set; }

    protected override string Target => Server ?? "PopSettings";
}
