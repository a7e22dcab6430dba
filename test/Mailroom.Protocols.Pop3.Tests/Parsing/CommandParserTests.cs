using System.Text;

namespace Mailroom.Protocols.Pop3.Tests;

public sealed class CommandParserTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "USER alice", "User alice" },
        { "user CONTOSO\\alice", "User CONTOSO\\alice" },
        { "PASS secret", "Pass secret" },
        { "PASS  two  spaces ", "Pass  two  spaces " },
        { "AUTH", "Auth" },
        { "AUTH plain", "Auth PLAIN" },
        { "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "Auth PLAIN AGFsaWNlAHNlY3JldA==" },
        { "AUTH PLAIN =", "Auth PLAIN =" },
        { "CAPA", "Capa" },
        { "stls", "Stls" },
        { "QUIT", "Quit" },
        { "STAT", "Stat" },
        { "STAT ", "Stat" },
        { "LIST", "List" },
        { "LIST 7", "List #7" },
        { "UIDL 12", "Uidl #12" },
        { "RETR 1", "Retr #1" },
        { "DELE 3", "Dele #3" },
        { "TOP 2 0", "Top #2 n0" },
        { "TOP 2 10", "Top #2 n10" },
        { "RETR 0", "Retr #0" },
        { "RETR 99999999999999", "Retr #2147483647" },
        { "TOP 1 4294967296", "Top #1 n2147483647" },
        { "NOOP", "Noop" },
        { "RSET", "Rset" },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "", "-ERR Unknown command" },
        { "HELO there", "-ERR Unknown command" },
        { "APOP alice 0123456789abcdef", "-ERR Unknown command" },
        { "RETRIEVE 1", "-ERR Unknown command" },
        { "USER", "-ERR Syntax error in arguments" },
        { "USER two words", "-ERR Syntax error in arguments" },
        { "PASS", "-ERR Syntax error in arguments" },
        { "PASS ", "-ERR Syntax error in arguments" },
        { "RETR", "-ERR Syntax error in arguments" },
        { "RETR one", "-ERR Syntax error in arguments" },
        { "RETR -1", "-ERR Syntax error in arguments" },
        { "RETR 1 2", "-ERR Syntax error in arguments" },
        { "DELE +1", "-ERR Syntax error in arguments" },
        { "TOP 1", "-ERR Syntax error in arguments" },
        { "TOP 1 -5", "-ERR Syntax error in arguments" },
        { "LIST 1 2", "-ERR Syntax error in arguments" },
        { "STAT now", "-ERR Syntax error in arguments" },
        { "AUTH PLAIN a b", "-ERR Syntax error in arguments" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidCommandsParse(string line, string expected)
    {
        var result = Pop3CommandParser.Parse(Encoding.UTF8.GetBytes(line));
        Assert.Null(result.Error);
        Assert.Equal(expected, Describe(result.Command!));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidCommandsGetTheirError(string line, string expected)
    {
        var result = Pop3CommandParser.Parse(Encoding.UTF8.GetBytes(line));
        Assert.Null(result.Command);
        Assert.Equal(expected, result.Error!.ToString());
    }

    [Fact]
    public void InvalidUtf8InAnArgumentIsASyntaxError()
    {
        var result = Pop3CommandParser.Parse([.. "USER "u8, 0xC3, 0x28]);
        Assert.Equal(Pop3Verb.User, result.Verb);
        Assert.Same(Pop3Responses.SyntaxError, result.Error);
    }

    [Fact]
    public void CredentialsNeverAppearInACommandsText()
    {
        Assert.Equal("PASS ***", Pop3CommandParser.Parse("PASS hunter2"u8).Command!.ToString());
        Assert.Equal("AUTH PLAIN ***", Pop3CommandParser.Parse("AUTH PLAIN AGFsaWNlAHNlY3JldA=="u8).Command!.ToString());
    }

    private static string Describe(Pop3Command command) =>
        string.Join(' ', new[]
        {
            command.Verb.ToString(), command.Argument, command.InitialResponse,
            command.MessageNumber is { } m ? "#" + m : null, command.LineCount is { } n ? "n" + n : null,
        }.Where(p => p is not null));
}
