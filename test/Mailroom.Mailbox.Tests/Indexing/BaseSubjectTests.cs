using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Tests.Indexing;

/// <summary>RFC 5256 §2.1 base subjects.</summary>
public class BaseSubjectTests
{
    [Theory]
    [InlineData("Hello", "Hello")]
    [InlineData("Re: Hello", "Hello")]
    [InlineData("RE: re: Re:Hello", "Hello")]
    [InlineData("Fwd: Hello", "Hello")]
    [InlineData("FW: Hello", "Hello")]
    [InlineData("fw : Hello", "Hello")]
    [InlineData("Re[2]: Hello", "Hello")]
    [InlineData("Re [list]: Hello", "Hello")]
    [InlineData("[list] Re: Hello", "Hello")]
    [InlineData("Re: [list] Hello", "Hello")]
    [InlineData("[a][b] Re: [c] Fwd: Hello", "Hello")]
    [InlineData("Hello (fwd)", "Hello")]
    [InlineData("Hello (fwd) (FWD)  ", "Hello")]
    [InlineData("[fwd: Re: Hello]", "Hello")]
    [InlineData("Re: [fwd: Hello] (fwd)", "Hello")]
    [InlineData("[Fwd: [fwd: Hello]]", "Hello")]
    [InlineData("[list]", "[list]")]
    [InlineData("[list]   ", "[list]")]
    [InlineData("Re:", "")]
    [InlineData("", "")]
    [InlineData("   spaced \t out  ", "spaced out")]
    [InlineData("Rewrite the docs", "Rewrite the docs")]
    [InlineData("Fwd hello", "Fwd hello")]
    [InlineData("[unclosed Re: Hello", "[unclosed Re: Hello")]
    [InlineData("Re: (fwd)", "")]
    public void ExtractsTheBaseSubject(string subject, string expected) => Assert.Equal(expected, BaseSubject.Extract(subject));

    [Fact]
    public void TheSortKeyUppercasesAsciiLettersOnly() => Assert.Equal("éTé à PARIS", BaseSubject.SortKey("Re: été à Paris"));
}
