using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.OPath;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>The settable parameters New- and Set-ClientAccessRule share, how they are read and how they change a rule.</summary>
public static class ClientAccessRuleParameters
{
    public static readonly string[] Names =
    [
        "Action", "Enabled", "Priority", "Scope", "UserRecipientFilter",
        "AnyOfAuthenticationTypes", "ExceptAnyOfAuthenticationTypes",
        "AnyOfClientIPAddressesOrRanges", "ExceptAnyOfClientIPAddressesOrRanges",
        "AnyOfProtocols", "ExceptAnyOfProtocols",
        "UsernameMatchesAnyOfPatterns", "ExceptUsernameMatchesAnyOfPatterns",
        "Force",
    ];

    public static void Apply(ClientAccessRule rule, CommandParameters p)
    {
        if (p.String("Action") is { } action)
        {
            rule.Action = ActionOf(action);
        }

        if (p.Bool("Enabled") is { } enabled)
        {
            rule.Enabled = enabled;
        }

        if (p.String("Scope") is { } scope)
        {
            rule.Scope = Enum.TryParse<ClientAccessRulesScope>(scope.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(scope, out _)
                ? s
                : throw ManagementErrors.InvalidArgument($"Cannot process argument transformation on parameter 'Scope'. \"{scope}\" isn't valid; use All or Users.", scope);
        }

        if (p.Has("UserRecipientFilter"))
        {
            rule.UserRecipientFilter = p.String("UserRecipientFilter") is { Length: > 0 } filter ? ParseFilter(filter).Text : null;
        }

        rule.AnyOfAuthenticationTypes = Named(p, "AnyOfAuthenticationTypes", rule.AnyOfAuthenticationTypes, ClientAccessAuthenticationTypes.Canonical, ClientAccessAuthenticationTypes.All);
        rule.ExceptAnyOfAuthenticationTypes = Named(p, "ExceptAnyOfAuthenticationTypes", rule.ExceptAnyOfAuthenticationTypes, ClientAccessAuthenticationTypes.Canonical, ClientAccessAuthenticationTypes.All);
        rule.AnyOfProtocols = Named(p, "AnyOfProtocols", rule.AnyOfProtocols, ClientAccessProtocols.Canonical, ClientAccessProtocols.All);
        rule.ExceptAnyOfProtocols = Named(p, "ExceptAnyOfProtocols", rule.ExceptAnyOfProtocols, ClientAccessProtocols.Canonical, ClientAccessProtocols.All);
        rule.AnyOfClientIPAddressesOrRanges = Ranges(p, "AnyOfClientIPAddressesOrRanges", rule.AnyOfClientIPAddressesOrRanges);
        rule.ExceptAnyOfClientIPAddressesOrRanges = Ranges(p, "ExceptAnyOfClientIPAddressesOrRanges", rule.ExceptAnyOfClientIPAddressesOrRanges);
        rule.UsernameMatchesAnyOfPatterns = Patterns(p, "UsernameMatchesAnyOfPatterns", rule.UsernameMatchesAnyOfPatterns);
        rule.ExceptUsernameMatchesAnyOfPatterns = Patterns(p, "ExceptUsernameMatchesAnyOfPatterns", rule.ExceptUsernameMatchesAnyOfPatterns);

        if (!ClientAccessAuthenticationTypes.AreConsistent(rule.AnyOfProtocols, rule.AnyOfAuthenticationTypes))
        {
            throw ManagementErrors.InvalidArgument(ClientAccessAuthenticationTypes.InvalidCombination, "AnyOfAuthenticationTypes");
        }
    }

    /// <summary><c>AllowAccess</c> or <c>DenyAccess</c>; <c>Allow</c> and <c>Deny</c> as Exchange's examples write them.</summary>
    public static ClientAccessRulesAction ActionOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "ALLOWACCESS" or "ALLOW" => ClientAccessRulesAction.AllowAccess,
        "DENYACCESS" or "DENY" => ClientAccessRulesAction.DenyAccess,
        _ => throw ManagementErrors.InvalidArgument(
            $"Cannot process argument transformation on parameter 'Action'. \"{text}\" isn't valid; use AllowAccess or DenyAccess.", text),
    };

    public static OPathFilter ParseFilter(string filter)
    {
        try
        {
            return OPathFilter.Parse(filter, UserRecipientFilterSchema.Schema);
        }
        catch (OPathParseException ex)
        {
            throw new ManagementException("InvalidFilter", "InvalidArgument",
                $"{ex.Message} UserRecipientFilter may test only City, Company, CountryOrRegion, CustomAttribute1 to CustomAttribute15, Department, Office, PostalCode, StateOrProvince and StreetAddress.",
                filter);
        }
    }

    /// <summary>
    /// The values of a multi-valued parameter, refusing one string that holds several (<c>"a,b"</c>), which Exchange
    /// documents as the mistake to avoid: each value is its own string.
    /// </summary>
    public static MultiValuedUpdate? Values(CommandParameters p, string name)
    {
        if (p.Multi(name) is not { } update)
        {
            return null;
        }

        foreach (var value in (update.Replacement ?? []).Concat(update.Add).Concat(update.Remove))
        {
            if (value.Contains(','))
            {
                var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                throw ManagementErrors.InvalidArgument(
                    $"The value \"{value}\" of parameter '{name}' holds several values in one string. Give each value on its own, separated by commas and quoted one by one if at all: -{name} {string.Join(",", parts.Select(v => $"\"{v}\""))} (not -{name} \"{value}\").",
                    value);
            }
        }

        return update;
    }

    private static List<string> Named(CommandParameters p, string name, List<string> current, Func<string, string?> canonical, IReadOnlyList<string> all)
    {
        if (Values(p, name) is not { } update)
        {
            return current;
        }

        string Parse(string value) => canonical(value) ?? throw ManagementErrors.InvalidArgument(
            $"Cannot process argument transformation on parameter '{name}'. \"{value}\" isn't valid; use {string.Join(", ", all)}.", value);
        return Edit(update, current, Parse, StringComparer.OrdinalIgnoreCase);
    }

    private static List<IPRange> Ranges(CommandParameters p, string name, List<IPRange> current)
    {
        if (Values(p, name) is not { } update)
        {
            return current;
        }

        static IPRange Parse(string value) => IPRange.TryParse(value, out var range, out var error) ? range! : throw ManagementErrors.InvalidArgument(error!, value);
        return Edit(update, current, Parse, EqualityComparer<IPRange>.Default);
    }

    private static List<string> Patterns(CommandParameters p, string name, List<string> current)
    {
        if (Values(p, name) is not { } update)
        {
            return current;
        }

        static string Parse(string value) => UsernamePattern.Validate(value) is { } error ? throw ManagementErrors.InvalidArgument(error, value) : value.Trim();
        return Edit(update, current, Parse, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Replaces the list, or adds and removes values; every value is parsed first so a bad one changes nothing.</summary>
    private static List<T> Edit<T>(MultiValuedUpdate update, List<T> current, Func<string, T> parse, IEqualityComparer<T> comparer)
    {
        if (update.Replacement is { } replacement)
        {
            return replacement.Select(parse).Distinct(comparer).ToList();
        }

        var remove = update.Remove.Select(parse).ToList();
        var add = update.Add.Select(parse).ToList();
        var result = current.Where(c => !remove.Contains(c, comparer)).ToList();
        result.AddRange(add.Where(a => !result.Contains(a, comparer)).Distinct(comparer));
        return result;
    }
}
