namespace Mailroom.ClientAccess.Rules;

/// <summary>Three-valued logic for evaluating a rule before everything about the connection is known.</summary>
public enum RuleMatch
{
    No,
    Yes,
    Unknown,
}

internal static class RuleMatches
{
    public static RuleMatch Of(bool value) => value ? RuleMatch.Yes : RuleMatch.No;

    /// <summary>Conditions combine with AND: any No is No; else any Unknown is Unknown.</summary>
    public static RuleMatch All(params ReadOnlySpan<RuleMatch> values)
    {
        var result = RuleMatch.Yes;
        foreach (var v in values)
        {
            if (v == RuleMatch.No)
            {
                return RuleMatch.No;
            }

            if (v == RuleMatch.Unknown)
            {
                result = RuleMatch.Unknown;
            }
        }

        return result;
    }

    /// <summary>Exceptions combine with OR: any Yes is Yes; else any Unknown is Unknown.</summary>
    public static RuleMatch Any(params ReadOnlySpan<RuleMatch> values)
    {
        var result = RuleMatch.No;
        foreach (var v in values)
        {
            if (v == RuleMatch.Yes)
            {
                return RuleMatch.Yes;
            }

            if (v == RuleMatch.Unknown)
            {
                result = RuleMatch.Unknown;
            }
        }

        return result;
    }
}
