using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Tests.Indexing;

/// <summary>msg-id extraction as THREAD=REFERENCES needs it: forgiving, never throwing.</summary>
public class MessageIdsTests
{
    [Theory]
    [InlineData("<a@b>", new[] { "a@b" })]
    [InlineData("<a@b> <c@d>", new[] { "a@b", "c@d" })]
    [InlineData("<a@b>\r\n\t<c@d>", new[] { "a@b", "c@d" })]
    [InlineData("junk <a@b> (comment) <c@d> trailing", new[] { "a@b", "c@d" })]
    [InlineData("< a@b >", new[] { "a@b" })]
    [InlineData("<<a@b>", new[] { "a@b" })]
    [InlineData("<a@b>>", new[] { "a@b" })]
    [InlineData("<>", new string[0])]
    [InlineData("<unterminated", new string[0])]
    [InlineData("no ids at all", new string[0])]
    [InlineData("", new string[0])]
    public void ExtractsEveryBracketedId(string value, string[] expected) => Assert.Equal(expected, MessageIds.Extract(value));

    [Fact]
    public void FirstIsNullWithoutAnId() => Assert.Null(MessageIds.First(null));
}
