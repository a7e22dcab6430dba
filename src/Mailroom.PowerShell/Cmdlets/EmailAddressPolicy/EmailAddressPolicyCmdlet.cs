using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.EmailAddressPolicy;

/// <summary>The parameters New- and Set-EmailAddressPolicy share: templates, the recipient filter and priority.</summary>
public abstract class EmailAddressPolicyCmdlet : MailroomCmdlet
{
    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? EnabledEmailAddressTemplates { get; set; }

    [Parameter]
    public string? EnabledPrimarySMTPAddressTemplate { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? DisabledEmailAddressTemplates { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? IncludedRecipients { get; set; }

    [Parameter]
    public string? RecipientFilter { get; set; }

    [Parameter]
    public string? RecipientContainer { get; set; }

    [Parameter]
    public int? Priority { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCompany { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalDepartment { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalStateOrProvince { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute1 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute2 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute3 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute4 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute5 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute6 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute7 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute8 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute9 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute10 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute11 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute12 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute13 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute14 { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? ConditionalCustomAttribute15 { get; set; }
}
