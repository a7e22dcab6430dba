using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>
/// Generates recipients' email addresses from templates for those its filter selects. Priority is dense from 1;
/// the default policy has <see cref="EmailAddressPolicyPriority.Lowest"/> and is always evaluated last.
/// </summary>
public sealed class EmailAddressPolicy : DirectoryObject
{
    public const string Class = "EmailAddressPolicy";
    public const string DefaultPolicyName = "Default Policy";

    /// <summary>The default policy's filter: every recipient that has an alias, i.e. every mail-enabled one.</summary>
    public const string DefaultRecipientFilter = "Alias -ne $null";

    public EmailAddressPolicyPriority Priority { get; set; }

    public List<string> EnabledEmailAddressTemplates { get; set; } = [];

    /// <summary>The address format of the <c>SMTP:</c> template, without its prefix.</summary>
    public string EnabledPrimarySMTPAddressTemplate =>
        EnabledEmailAddressTemplates.FirstOrDefault(t => t.StartsWith("SMTP:", StringComparison.Ordinal))?[5..] ?? string.Empty;

    public List<string> DisabledEmailAddressTemplates { get; set; } = [];

    /// <summary>The OPath filter; for precanned policies it is generated from the precanned parameters.</summary>
    public string RecipientFilter { get; set; } = string.Empty;

    /// <summary><c>Precanned</c> (IncludedRecipients + Conditional*), <c>Custom</c> (RecipientFilter) or <c>Legacy</c>.</summary>
    public string RecipientFilterType { get; set; } = "Custom";

    public string? IncludedRecipients { get; set; }

    public List<string> ConditionalDepartment { get; set; } = [];

    public List<string> ConditionalCompany { get; set; } = [];

    public List<string> ConditionalStateOrProvince { get; set; } = [];

    /// <summary>ConditionalCustomAttribute1..15, index 0 for attribute 1; shown as fifteen properties.</summary>
    [JsonIgnore]
    public List<string>[] ConditionalCustomAttributes { get; set; } = Enumerable.Range(0, 15).Select(_ => new List<string>()).ToArray();

    public List<string> ConditionalCustomAttribute1 { get => ConditionalCustomAttributes[0]; set => ConditionalCustomAttributes[0] = value; }

    public List<string> ConditionalCustomAttribute2 { get => ConditionalCustomAttributes[1]; set => ConditionalCustomAttributes[1] = value; }

    public List<string> ConditionalCustomAttribute3 { get => ConditionalCustomAttributes[2]; set => ConditionalCustomAttributes[2] = value; }

    public List<string> ConditionalCustomAttribute4 { get => ConditionalCustomAttributes[3]; set => ConditionalCustomAttributes[3] = value; }

    public List<string> ConditionalCustomAttribute5 { get => ConditionalCustomAttributes[4]; set => ConditionalCustomAttributes[4] = value; }

    public List<string> ConditionalCustomAttribute6 { get => ConditionalCustomAttributes[5]; set => ConditionalCustomAttributes[5] = value; }

    public List<string> ConditionalCustomAttribute7 { get => ConditionalCustomAttributes[6]; set => ConditionalCustomAttributes[6] = value; }

    public List<string> ConditionalCustomAttribute8 { get => ConditionalCustomAttributes[7]; set => ConditionalCustomAttributes[7] = value; }

    public List<string> ConditionalCustomAttribute9 { get => ConditionalCustomAttributes[8]; set => ConditionalCustomAttributes[8] = value; }

    public List<string> ConditionalCustomAttribute10 { get => ConditionalCustomAttributes[9]; set => ConditionalCustomAttributes[9] = value; }

    public List<string> ConditionalCustomAttribute11 { get => ConditionalCustomAttributes[10]; set => ConditionalCustomAttributes[10] = value; }

    public List<string> ConditionalCustomAttribute12 { get => ConditionalCustomAttributes[11]; set => ConditionalCustomAttributes[11] = value; }

    public List<string> ConditionalCustomAttribute13 { get => ConditionalCustomAttributes[12]; set => ConditionalCustomAttributes[12] = value; }

    public List<string> ConditionalCustomAttribute14 { get => ConditionalCustomAttributes[13]; set => ConditionalCustomAttributes[13] = value; }

    public List<string> ConditionalCustomAttribute15 { get => ConditionalCustomAttributes[14]; set => ConditionalCustomAttributes[14] = value; }

    public string RecipientContainer { get; set; } = string.Empty;

    public bool RecipientFilterApplied { get; set; }

    public bool IsDefault => Priority.IsLowest;

    public override string ObjectClass => Class;
}
