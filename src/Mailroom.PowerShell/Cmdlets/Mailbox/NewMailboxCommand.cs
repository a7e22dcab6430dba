using System.Management.Automation;
using System.Security;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Mailbox;

/// <summary>New-Mailbox: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "Mailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewMailboxCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    [Parameter]
    public string? Alias { get; set; }

    [Parameter]
    public string? DisplayName { get; set; }

    [Parameter]
    public string? FirstName { get; set; }

    [Parameter]
    public string? LastName { get; set; }

    [Parameter]
    public string? Initials { get; set; }

    /// <summary>The password; it is sent to the node over HTTPS and stored there only as a PBKDF2 hash.</summary>
    [Parameter(Mandatory = true)]
    public SecureString? Password { get; set; }

    [Parameter]
    public string? UserPrincipalName { get; set; }

    [Parameter]
    public string? PrimarySmtpAddress { get; set; }

    [Parameter]
    public string? Database { get; set; }

    [Parameter]
    public string? SamAccountName { get; set; }

    [Parameter]
    public string? OrganizationalUnit { get; set; }

    [Parameter]
    public bool? ResetPasswordOnNextLogon { get; set; }
}
