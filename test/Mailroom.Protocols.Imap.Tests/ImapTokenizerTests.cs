using System.Text;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Tests;

public sealed class ImapTokenizerTests
{
    [Theory]
    [InlineData("a1 NOOP", "a1|NOOP")]
    [InlineData("a1 LOGIN \"us\\\"er\" pa\\ss", "a1|LOGIN|\"us\"er\"|pa\\ss")]
    [InlineData("a1 FETCH 1:* (FLAGS UID)", "a1|FETCH|1:*|(FLAGS UID)")]
    [InlineData("a1 FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>", "a1|FETCH|1|BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>")]
    [InlineData("a1 FETCH 1 (BODY[1.2.MIME] BINARY.PEEK[1])", "a1|FETCH|1|(BODY[1.2.MIME] BINARY.PEEK[1])")]
    [InlineData("a1 FETCH 1 BODY[HEADER.FIELDS (\"X-A\" B)]", "a1|FETCH|1|BODY[HEADER.FIELDS (\"X-A\" B)]")]
    [InlineData("a1 STORE 1 +FLAGS (\\Seen \\Deleted $Junk)", "a1|STORE|1|+FLAGS|(\\Seen \\Deleted $Junk)")]
    [InlineData("a1 LIST \"\" %", "a1|LIST|\"\"|%")]
    [InlineData("a1 LIST \"\" [Gmail]/*", "a1|LIST|\"\"|[Gmail]/*")]
    [InlineData("a1 SEARCH ((OR SEEN FLAGGED) (NOT DELETED))", "a1|SEARCH|((OR SEEN FLAGGED) (NOT DELETED))")]
    [InlineData("a1 SELECT INBOX ()", "a1|SELECT|INBOX|()")]
    [InlineData("a1 SELECT \"Ünïcode\"", "a1|SELECT|\"Ünïcode\"")]
    [InlineData("", "")]
    public void TokenizesCompleteLines(string line, string expected)
    {
        var tokenizer = new ImapTokenizer();
        var result = tokenizer.Feed(Encoding.UTF8.GetBytes(line));
        Assert.Equal(TokenizeStatus.Complete, result.Status);
        Assert.Equal(expected, string.Join('|', tokenizer.TopLevel));
    }

    [Theory]
    [InlineData("a1 FETCH (FLAGS", "unbalanced '('")]
    [InlineData("a1 FETCH FLAGS)", "unbalanced ')'")]
    [InlineData("a1  NOOP", "unexpected space")]
    [InlineData("a1 NOOP ", "trailing space")]
    [InlineData("a1 LOGIN \"open", "unterminated or malformed quoted string")]
    [InlineData("a1 LOGIN \"bad\\escape\"", "unterminated or malformed quoted string")]
    [InlineData("a1 FETCH 1 BODY[HEADER", "invalid character in atom")]
    [InlineData("a1 X {12a}", "malformed literal")]
    [InlineData("a1 X {-1}", "malformed literal")]
    [InlineData("a1 X {5} more", "malformed literal")]
    [InlineData("a1 X {99999999999999999999}", "malformed literal")]
    [InlineData("a1 \"x\"y", "missing space between arguments")]
    [InlineData("a1 X\u0001Y", "invalid character in atom")]
    public void RefusesMalformedLines(string line, string error)
    {
        var result = new ImapTokenizer().Feed(Encoding.UTF8.GetBytes(line));
        Assert.Equal(TokenizeStatus.Invalid, result.Status);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("a1 LOGIN {4}", 4L, false, false)]
    [InlineData("a1 LOGIN {4+}", 4L, true, false)]
    [InlineData("a1 APPEND INBOX ~{300}", 300L, false, true)]
    [InlineData("a1 APPEND INBOX ~{300+}", 300L, true, true)]
    [InlineData("a1 X {0}", 0L, false, false)]
    public void AnnouncesLiterals(string line, long size, bool nonSync, bool literal8)
    {
        var result = new ImapTokenizer().Feed(Encoding.UTF8.GetBytes(line));
        Assert.Equal(TokenizeStatus.Literal, result.Status);
        Assert.Equal(new LiteralSpec(size, nonSync, literal8), result.Literal);
    }

    [Fact]
    public void ContinuesAfterLiteralsInsideLists()
    {
        var tokenizer = new ImapTokenizer();
        Assert.Equal(TokenizeStatus.Literal, tokenizer.Feed("a1 SEARCH (SUBJECT {3}"u8).Status);
        tokenizer.AddLiteral("a b"u8.ToArray(), false);
        Assert.Equal(TokenizeStatus.Literal, tokenizer.Feed(" FROM {2}"u8).Status);
        tokenizer.AddLiteral("xy"u8.ToArray(), false);
        Assert.Equal(TokenizeStatus.Complete, tokenizer.Feed(") ALL"u8).Status);
        Assert.Equal("a1|SEARCH|(SUBJECT {3} FROM {2})|ALL", string.Join('|', tokenizer.TopLevel));
        Assert.Equal("a b", tokenizer.TopLevel[2].Items[1].Text);
    }

    [Fact]
    public void InvalidFragmentStillReportsItsTrailingLiteral()
    {
        var result = new ImapTokenizer().Feed("a1 LOGIN \"x {5+}"u8);
        Assert.Equal(TokenizeStatus.Invalid, result.Status);
        Assert.Equal(new LiteralSpec(5, true, false), result.Literal);
    }

    [Fact]
    public void RefusesDeepNesting()
    {
        var line = "a1 X " + new string('(', ImapTokenizer.MaxDepth + 1);
        Assert.Equal(TokenizeStatus.Invalid, new ImapTokenizer().Feed(Encoding.ASCII.GetBytes(line)).Status);
    }
}
