using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>
/// The parameters New- and Set-ClientAccessRule share. Multi-valued ones take a list (<c>IMAP4,POP3</c> or
/// <c>"IMAP4","POP3"</c>), or on Set- <c>@{Add=...; Remove=...}</c> to edit the current list.
/// </summary>
public abstract class ClientAccessRuleCmdlet : MailroomCmdlet
{
    /// <summary>AllowAccess or DenyAccess (Allow and Deny are accepted).</summary>
    [Parameter]
    public string? Action { get; set; }

    [Parameter]
    public bool? Enabled { get; set; }

    /// <summary>1 is evaluated first; a taken priority moves the others down; past the end means last.</summary>
    [Parameter]
    public int? Priority { get; set; }

    /// <summary>All or Users.</summary>
    [Parameter]
    public string? Scope { get; set; }

    /// <summary>OPath over City, Company, CountryOrRegion, CustomAttribute1..15, Department, Office, PostalCode, StateOrProvince, StreetAddress.</summary>
    [Parameter]
    public string? UserRecipientFilter { get; set; }

    [Parameter]
    public object? AnyOfAuthenticationTypes { get; set; }

    [Parameter]
    public object? ExceptAnyOfAuthenticationTypes { get; set; }

    [Parameter]
    public object? AnyOfClientIPAddressesOrRanges { get; set; }

    [Parameter]
    public object? ExceptAnyOfClientIPAddressesOrRanges { get; set; }

    [Parameter]
    public object? AnyOfProtocols { get; set; }

    [Parameter]
    public object? ExceptAnyOfProtocols { get; set; }

    [Parameter]
    public object? UsernameMatchesAnyOfPatterns { get; set; }

    [Parameter]
    public object? ExceptUsernameMatchesAnyOfPatterns { get; set; }

    /// <summary>Mailroom's: make the change even if it would deny your own RemotePowerShell connection.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }
}
