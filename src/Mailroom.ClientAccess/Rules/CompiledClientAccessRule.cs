using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;
using Mailroom.OPath;

namespace Mailroom.ClientAccess.Rules;

/// <summary>A rule ready to evaluate: its filter parsed once, its lists as read-only sets.</summary>
public sealed class CompiledClientAccessRule
{
    private readonly OPathFilter? filter;

    public CompiledClientAccessRule(ClientAccessRule rule)
    {
        Rule = rule;
        filter = string.IsNullOrEmpty(rule.UserRecipientFilter) ? null : OPathFilter.Parse(rule.UserRecipientFilter, UserRecipientFilterSchema.Schema);
    }

    public ClientAccessRule Rule { get; }

    public string Name => Rule.Name;

    public bool Denies => Rule.Action == ClientAccessRulesAction.DenyAccess;

    /// <summary>Yes when the rule decides this request, No when it doesn't, Unknown when that depends on what isn't known yet.</summary>
    public RuleMatch Applies(ClientAccessRequest request)
    {
        var conditions = RuleMatches.All(
            Condition(Rule.AnyOfProtocols, request, Protocol),
            Condition(Rule.AnyOfClientIPAddressesOrRanges, request, Address),
            Condition(Rule.AnyOfAuthenticationTypes, request, AuthenticationType),
            Condition(Rule.UsernameMatchesAnyOfPatterns, request, Username),
            filter is null ? RuleMatch.Yes : request.User is { } user ? RuleMatches.Of(filter.Evaluate(user.Attributes)) : RuleMatch.Unknown);
        if (conditions == RuleMatch.No)
        {
            return RuleMatch.No;
        }

        var exceptions = RuleMatches.Any(
            Exception(Rule.ExceptAnyOfProtocols, request, Protocol),
            Exception(Rule.ExceptAnyOfClientIPAddressesOrRanges, request, Address),
            Exception(Rule.ExceptAnyOfAuthenticationTypes, request, AuthenticationType),
            Exception(Rule.ExceptUsernameMatchesAnyOfPatterns, request, Username));
        return exceptions switch
        {
            RuleMatch.Yes => RuleMatch.No,
            RuleMatch.No => conditions,
            _ => RuleMatch.Unknown,
        };
    }

    /// <summary>An unused condition (no values) matches everything; values within it OR.</summary>
    private static RuleMatch Condition<T>(List<T> values, ClientAccessRequest request, Func<T, ClientAccessRequest, RuleMatch> test) =>
        values.Count == 0 ? RuleMatch.Yes : AnyValue(values, request, test);

    /// <summary>An unused exception (no values) excepts nothing.</summary>
    private static RuleMatch Exception<T>(List<T> values, ClientAccessRequest request, Func<T, ClientAccessRequest, RuleMatch> test) =>
        values.Count == 0 ? RuleMatch.No : AnyValue(values, request, test);

    private static RuleMatch AnyValue<T>(List<T> values, ClientAccessRequest request, Func<T, ClientAccessRequest, RuleMatch> test)
    {
        var result = RuleMatch.No;
        foreach (var value in values)
        {
            var m = test(value, request);
            if (m == RuleMatch.Yes)
            {
                return RuleMatch.Yes;
            }

            if (m == RuleMatch.Unknown)
            {
                result = RuleMatch.Unknown;
            }
        }

        return result;
    }

    private static RuleMatch Protocol(string protocol, ClientAccessRequest r) =>
        RuleMatches.Of(protocol.Equals(r.Protocol, StringComparison.OrdinalIgnoreCase));

    /// <summary>A connection without an address (in-process) matches no address value.</summary>
    private static RuleMatch Address(IPRange range, ClientAccessRequest r) =>
        RuleMatches.Of(r.RemoteAddress is { } address && range.Contains(IPAddresses.Normalize(address)));

    private static RuleMatch AuthenticationType(string type, ClientAccessRequest r) =>
        r.AuthenticationType is { } t ? RuleMatches.Of(type.Equals(t, StringComparison.OrdinalIgnoreCase)) : RuleMatch.Unknown;

    private static RuleMatch Username(string pattern, ClientAccessRequest r) =>
        r.User is { } user ? RuleMatches.Of(UsernamePattern.Matches(pattern, user.AccountName)) : RuleMatch.Unknown;
}
