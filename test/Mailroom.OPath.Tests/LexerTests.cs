using Mailroom.OPath.Parsing;

namespace Mailroom.OPath.Tests;

public class LexerTests
{
    [Theory]
    [InlineData("Department -eq 'Sales'", "Word@1:Department Eq@12 String@16:Sales End@23")]
    [InlineData("a -EQ b", "Word@1:a Eq@3 Word@7:b End@8")]
    [InlineData("'it''s'", "String@1:it's End@8")]
    [InlineData("''", "String@1: End@3")]
    [InlineData("\"say \"\"hi\"\"\"", "String@1:say \"hi\" End@13")]
    [InlineData("\"a`\"b\"", "String@1:a\"b End@7")]
    [InlineData("\"tab`there`$x``\"", "String@1:tab\there$x` End@17")]
    [InlineData("\"it's\"", "String@1:it's End@7")]
    [InlineData("'a`b'", "String@1:a`b End@6")]
    [InlineData("$null $TRUE $False", "Null@1 True@7 False@13 End@19")]
    [InlineData("42 -7 007", "Integer@1:42 Integer@4:-7 Integer@7:7 End@10")]
    [InlineData("9223372036854775807 -9223372036854775808", "Integer@1:9223372036854775807 Integer@21:-9223372036854775808 End@41")]
    [InlineData("-and -OR -not -like -notlike -lt -le -gt -ge -ne", "And@1 Or@6 Not@10 Like@15 NotLike@21 Lt@30 Le@34 Gt@38 Ge@42 Ne@46 End@49")]
    [InlineData("({})", "LeftParen@1 LeftBrace@2 RightBrace@3 RightParen@4 End@5")]
    [InlineData("-not(a-b -eq x@y.com)", "Not@1 LeftParen@5 Word@6:a-b Eq@10 Word@14:x@y.com RightParen@21 End@22")]
    [InlineData("-foo $bar - $", "Unknown@1:-foo Unknown@6:$bar Unknown@11:- Unknown@13:$ End@14")]
    [InlineData("Name -like Jo*", "Word@1:Name Like@6 Word@12:Jo* End@15")]
    [InlineData("'a'-and'b'", "String@1:a And@4 String@8:b End@11")]
    [InlineData("1abc -5x", "Word@1:1abc Unknown@6:-5x End@9")]
    [InlineData("  \t\n", "End@5")]
    [InlineData("", "End@1")]
    public void Tokenizes(string text, string expected)
    {
        Assert.Equal(expected, string.Join(" ", Tokenize(text).Select(Describe)));
    }

    [Theory]
    [InlineData("Department", true)]
    [InlineData("msExchHideFromAddressLists", true)]
    [InlineData("Custom.Attribute_1", true)]
    [InlineData("1abc", true)]
    [InlineData("", false)]
    [InlineData("123", false)]
    [InlineData("-eq", false)]
    [InlineData("$null", false)]
    [InlineData("Two Words", false)]
    [InlineData("Paren(", false)]
    [InlineData("Quote'", false)]
    [InlineData("Brace}", false)]
    public void RecognizesWhatCanBeAPropertyName(string name, bool expected)
    {
        Assert.Equal(expected, OPathLexer.IsPropertyName(name));
    }

    private static IEnumerable<Token> Tokenize(string text)
    {
        var lexer = new OPathLexer(text);
        while (true)
        {
            var token = lexer.Next();
            yield return token;
            if (token.Kind == TokenKind.End)
            {
                yield break;
            }
        }
    }

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.Word or TokenKind.String => $"{token.Kind}@{token.Position}:{token.Text}",
        TokenKind.Unknown => $"{token.Kind}@{token.Position}:{token.Raw}",
        TokenKind.Integer => $"Integer@{token.Position}:{token.Integer}",
        TokenKind.Comparison => $"{token.Operator}@{token.Position}",
        _ => $"{token.Kind}@{token.Position}",
    };
}
