using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.AuthenticationLockout;

/// <summary>Get-AuthenticationLockout: accounts and addresses the node refuses after too many failed sign-ins.</summary>
[Cmdlet(VerbsCommon.Get, "AuthenticationLockout")]
[OutputType(typeof(PSObject))]
public sealed class GetAuthenticationLockoutCommand : MailroomCmdlet
{
    /// <summary>An account name as the client typed it, or an IP address.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }
}
