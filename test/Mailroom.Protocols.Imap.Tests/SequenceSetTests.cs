using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Tests;

public sealed class SequenceSetTests
{
    [Theory]
    [InlineData("1", 10u, "1-1")]
    [InlineData("1:4,7", 10u, "1-4 7-7")]
    [InlineData("9:*", 12u, "9-12")]
    [InlineData("*:3", 5u, "3-5")]
    [InlineData("5:2", 9u, "2-5")]
    [InlineData("*", 0u, "0-0")]
    public void ResolvesRangesAgainstTheLargestNumber(string text, uint largest, string expected)
    {
        Assert.True(SequenceSet.TryParse(text, out var set));
        Assert.Equal(expected, string.Join(' ', set.Resolve(largest).Select(r => $"{r.Low}-{r.High}")));
        Assert.Equal(text, set.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("1,")]
    [InlineData("1::2")]
    [InlineData("a")]
    [InlineData("4294967295")]
    [InlineData("99999999999")]
    public void RefusesWhatTheGrammarDoesNotAllow(string text) => Assert.False(SequenceSet.TryParse(text, out _));

    [Fact]
    public void DollarIsTheSavedResult()
    {
        Assert.True(SequenceSet.TryParse("$", out var set));
        Assert.True(set.IsSavedResult);
    }
}
