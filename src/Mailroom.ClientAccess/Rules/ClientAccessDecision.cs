namespace Mailroom.ClientAccess.Rules;

/// <summary>What the rules say about a connection.</summary>
public enum ClientAccessVerdict
{
    /// <summary>A rule allowed it, or no rule matched.</summary>
    Allowed,

    /// <summary>A rule denied it, a per-mailbox protocol switch is off, or the rules couldn't be read (fail closed).</summary>
    Denied,

    /// <summary>Before login: a rule that needs the user might decide, so the connection proceeds to the login.</summary>
    Undecided,
}

/// <summary>A verdict with the rule that gave it (null when no rule did) and, for denials, why (for the log only).</summary>
public sealed record ClientAccessDecision(ClientAccessVerdict Verdict, string? RuleName, string? Reason = null)
{
    public static ClientAccessDecision NoRuleMatched { get; } = new(ClientAccessVerdict.Allowed, null);

    public static ClientAccessDecision Undecided { get; } = new(ClientAccessVerdict.Undecided, null);

    /// <summary>The rules couldn't be read: new logins are denied (fail closed), open sessions are left alone.</summary>
    public static ClientAccessDecision RulesUnavailable { get; } = new(ClientAccessVerdict.Denied, null, "client access rules unavailable");

    public bool IsDenied => Verdict == ClientAccessVerdict.Denied;

    public static ClientAccessDecision DeniedBecause(string reason) => new(ClientAccessVerdict.Denied, null, reason);
}
