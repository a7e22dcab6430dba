using System.Management.Automation;
using System.Security;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Mailbox;

/// <summary>Set-Mailbox: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "Mailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetMailboxCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    public string? Alias { get; set; }

    [Parameter]
    public string? UserPrincipalName { get; set; }

    [Parameter]
    public string? SamAccountName { get; set; }

    [Parameter]
    public string? PrimarySmtpAddress { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? EmailAddresses { get; set; }

    [Parameter]
    public bool? EmailAddressPolicyEnabled { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? IssueWarningQuota { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? ProhibitSendQuota { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? ProhibitSendReceiveQuota { get; set; }

    [Parameter]
    public bool? UseDatabaseQuotaDefaults { get; set; }

    /// <summary>$true stops the user signing in; their open IMAP and POP3 sessions end within seconds.</summary>
    [Parameter]
    public bool? AccountDisabled { get; set; }

    /// <summary>The password; it is sent to the node over HTTPS and stored there only as a PBKDF2 hash.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    [Parameter]
    public string? DisplayName { get; set; }

    [Parameter]
    public string? FirstName { get; set; }

    [Parameter]
    public string? LastName { get; set; }

    [Parameter]
    public string? Initials { get; set; }

    [Parameter]
    public string? Department { get; set; }

    [Parameter]
    public string? Company { get; set; }

    [Parameter]
    public string? Office { get; set; }

    [Parameter]
    public string? City { get; set; }

    [Parameter]
    public string? StateOrProvince { get; set; }

    [Parameter]
    public string? PostalCode { get; set; }

    [Parameter]
    public string? CountryOrRegion { get; set; }

    [Parameter]
    public string? StreetAddress { get; set; }

    [Parameter]
    public string? CustomAttribute1 { get; set; }

    [Parameter]
    public string? CustomAttribute2 { get; set; }

    [Parameter]
    public string? CustomAttribute3 { get; set; }

    [Parameter]
    public string? CustomAttribute4 { get; set; }

    [Parameter]
    public string? CustomAttribute5 { get; set; }

    [Parameter]
    public string? CustomAttribute6 { get; set; }

    [Parameter]
    public string? CustomAttribute7 { get; set; }

    [Parameter]
    public string? CustomAttribute8 { get; set; }

    [Parameter]
    public string? CustomAttribute9 { get; set; }

    [Parameter]
    public string? CustomAttribute10 { get; set; }

    [Parameter]
    public string? CustomAttribute11 { get; set; }

    [Parameter]
    public string? CustomAttribute12 { get; set; }

    [Parameter]
    public string? CustomAttribute13 { get; set; }

    [Parameter]
    public string? CustomAttribute14 { get; set; }

    [Parameter]
    public string? CustomAttribute15 { get; set; }
}
