using Mailroom.OPath.Evaluation;

namespace Mailroom.OPath.Tests;

public class WildcardPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("a*", "A", true)]
    [InlineData("*a", "bA", true)]
    [InlineData("*a", "ab", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("a*bc*bc", "abcbc", true)]
    [InlineData("a*bc*bc", "abc", false)]
    [InlineData("*ab*ab*", "xabyab", true)]
    [InlineData("*ab*ab*", "xaby", false)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("**a**", "a", true)]
    public void MatchesStarAsAnyRun(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(text));
    }

    [Fact]
    public void NeedsAWildcard()
    {
        Assert.Throws<ArgumentException>(() => new WildcardPattern("abc"));
    }
}
