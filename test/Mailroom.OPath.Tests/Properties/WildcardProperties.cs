using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.OPath.Evaluation;

namespace Mailroom.OPath.Tests.Properties;

public class WildcardProperties
{
    // A two-letter alphabet makes repeated segments (where a greedy matcher could go wrong) common.
    // Lengths stay small because the reference matcher backtracks exponentially.
    private static readonly Gen<string> Patterns =
        from left in Short("ab*")
        from right in Short("ab*")
        select left + "*" + right;

    private static readonly Gen<string> Texts = Short("abAB");

    [Property(MaxTest = 5000)]
    public Property AgreesWithABacktrackingMatcher()
    {
        var cases = from pattern in Patterns from text in Texts select (pattern, text);
        return Prop.ForAll(cases.ToArbitrary(), c =>
            new WildcardPattern(c.pattern).IsMatch(c.text) == ReferenceEvaluator.WildMatch(c.text, c.pattern));
    }

    private static Gen<string> Short(string alphabet) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(c => new string(c));
}
