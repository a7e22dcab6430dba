using Mailroom.Directory.Model;

namespace Mailroom.Directory.Policies;

/// <summary>
/// Turns Exchange's precanned recipient filter (<c>IncludedRecipients</c> plus <c>Conditional*</c>) into the OPath
/// text Exchange stores in <c>RecipientFilter</c>: values of one property OR'ed, properties AND'ed, exact matches.
/// </summary>
public static class PrecannedFilter
{
    private static readonly Dictionary<string, string> RecipientTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MailboxUsers"] = "(RecipientType -eq 'UserMailbox')",
        ["MailUsers"] = "(RecipientType -eq 'MailUser')",
        ["MailContacts"] = "(RecipientType -eq 'MailContact')",
        ["MailGroups"] = "((RecipientType -eq 'MailUniversalDistributionGroup') -or (RecipientType -eq 'MailUniversalSecurityGroup') -or (RecipientType -eq 'MailNonUniversalGroup') -or (RecipientType -eq 'DynamicDistributionGroup'))",
        ["Resources"] = "((RecipientTypeDetails -eq 'RoomMailbox') -or (RecipientTypeDetails -eq 'EquipmentMailbox'))",
    };

    /// <summary>Validates and normalizes the IncludedRecipients list (<c>AllRecipients</c> must stand alone).</summary>
    public static string Normalize(IEnumerable<string> values)
    {
        var list = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (list.Count == 0)
        {
            throw new FormatException("IncludedRecipients needs at least one value: AllRecipients, MailboxUsers, MailContacts, MailGroups, MailUsers or Resources.");
        }

        if (list.Any(v => v.Equals("AllRecipients", StringComparison.OrdinalIgnoreCase)))
        {
            return list.Count == 1 ? "AllRecipients" : throw new FormatException("AllRecipients can't be combined with other IncludedRecipients values.");
        }

        var unknown = list.FirstOrDefault(v => !RecipientTypes.ContainsKey(v));
        if (unknown is not null)
        {
            throw new FormatException($"\"{unknown}\" isn't a valid IncludedRecipients value. Valid values are AllRecipients, MailboxUsers, MailContacts, MailGroups, MailUsers and Resources.");
        }

        return string.Join(", ", list.Select(v => RecipientTypes.Keys.First(k => k.Equals(v, StringComparison.OrdinalIgnoreCase))).Distinct());
    }

    public static string ToOPath(EmailAddressPolicy policy)
    {
        var included = policy.IncludedRecipients ?? "AllRecipients";
        var clauses = new List<string>();
        if (!included.Equals("AllRecipients", StringComparison.OrdinalIgnoreCase))
        {
            var types = included.Split(',', StringSplitOptions.TrimEntries).Select(t => RecipientTypes[t]).ToList();
            clauses.Add(types.Count == 1 ? types[0] : "(" + string.Join(" -or ", types) + ")");
        }

        AddCondition(clauses, "Company", policy.ConditionalCompany);
        AddCondition(clauses, "Department", policy.ConditionalDepartment);
        AddCondition(clauses, "StateOrProvince", policy.ConditionalStateOrProvince);
        for (var i = 0; i < 15; i++)
        {
            AddCondition(clauses, $"CustomAttribute{i + 1}", policy.ConditionalCustomAttributes[i]);
        }

        return clauses.Count switch
        {
            0 => EmailAddressPolicy.DefaultRecipientFilter,
            1 => clauses[0],
            _ => "(" + string.Join(" -and ", clauses) + ")",
        };
    }

    private static void AddCondition(List<string> clauses, string property, List<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var parts = values.Select(v => $"({property} -eq '{v.Replace("'", "''")}')").ToList();
        clauses.Add(parts.Count == 1 ? parts[0] : "(" + string.Join(" -or ", parts) + ")");
    }
}
