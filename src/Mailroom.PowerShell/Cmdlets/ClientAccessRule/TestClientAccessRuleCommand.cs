using System.Collections;
using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>Test-ClientAccessRule: the rule that would decide a simulated connection, or nothing.</summary>
[Cmdlet(VerbsDiagnostic.Test, "ClientAccessRule")]
[OutputType(typeof(PSObject))]
public sealed class TestClientAccessRuleCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true)]
    public string? AuthenticationType { get; set; }

    [Parameter(Mandatory = true)]
    public string? Protocol { get; set; }

    [Parameter(Mandatory = true)]
    public string? RemoteAddress { get; set; }

    [Parameter(Mandatory = true)]
    public int RemotePort { get; set; }

    /// <summary>Any identity of a mailbox: UPN, DOMAIN\user, address, alias, name, GUID.</summary>
    [Parameter(Mandatory = true)]
    public string? User { get; set; }

    /// <summary>Accepted for Exchange scripts; Mailroom has no middle-tier applications, so claims are ignored.</summary>
    [Parameter]
    public Hashtable? OAuthClaims { get; set; }
}
