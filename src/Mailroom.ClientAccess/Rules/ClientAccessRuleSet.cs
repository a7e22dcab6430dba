using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Rules;

/// <summary>
/// The organization's enabled rules in priority order, and the evaluation (exchange.md §3.2): the first rule that
/// applies (all conditions match, no exception matches) decides; an exception that matches passes the request on to
/// later rules; no rule applying allows. Before login, a rule that might apply depending on the user stops the
/// walk undecided, because it could allow what a later rule would deny.
/// </summary>
public sealed class ClientAccessRuleSet
{
    public static ClientAccessRuleSet Empty { get; } = new([]);

    private ClientAccessRuleSet(IReadOnlyList<CompiledClientAccessRule> rules) => Rules = rules;

    /// <summary>Enabled rules, first evaluated first.</summary>
    public IReadOnlyList<CompiledClientAccessRule> Rules { get; }

    public static ClientAccessRuleSet Create(IEnumerable<ClientAccessRule> rules) =>
        new([.. rules.Where(r => r.Enabled).OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(r => new CompiledClientAccessRule(r))]);

    /// <summary>The rule that decides, or null when none applies; never throws for any request.</summary>
    public ClientAccessDecision Evaluate(ClientAccessRequest request) => Evaluate(request, out _);

    public ClientAccessDecision Evaluate(ClientAccessRequest request, out ClientAccessRule? decidingRule)
    {
        decidingRule = null;
        foreach (var rule in Rules)
        {
            switch (rule.Applies(request))
            {
                case RuleMatch.Yes:
                    decidingRule = rule.Rule;
                    return new ClientAccessDecision(rule.Denies ? ClientAccessVerdict.Denied : ClientAccessVerdict.Allowed, rule.Name, rule.Denies ? "DenyAccess rule" : null);
                case RuleMatch.Unknown:
                    return ClientAccessDecision.Undecided;
            }
        }

        return ClientAccessDecision.NoRuleMatched;
    }
}
