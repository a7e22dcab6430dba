using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Pop3.Tests;

public sealed class ParserPropertyTests
{
    /// <summary>Any bytes at all give a command or an -ERR, never an exception.</summary>
    [Property(MaxTest = 2000)]
    public bool ArbitraryBytesNeverThrow(byte[] line)
    {
        var result = Pop3CommandParser.Parse(line);
        return (result.Command is null) != (result.Error is null) && result.Error is not { IsOk: true };
    }

    /// <summary>Lines made of POP3's own words and numbers, mixed with junk, still parse or fail cleanly.</summary>
    [Property(MaxTest = 2000)]
    public Property CommandLikeLinesNeverThrow() =>
        Prop.ForAll(
            Gen.Elements("USER", "PASS", "AUTH", "RETR", "TOP", "LIST", "UIDL", "DELE", "STAT", "CAPA", "STLS", "quit", "x", "")
                .SelectMany(verb => Gen.Elements("", " ", " 1", " 0", " -1", " 99999999999999999999", " 1 2", " a b c", " =", " *", "  ", " \u00e9\u00e8")
                    .Select(arguments => verb + arguments))
                .ToArbitrary(),
            line =>
            {
                var result = Pop3CommandParser.Parse(System.Text.Encoding.UTF8.GetBytes(line));
                return result.Command is not null || result.Error is { IsOk: false };
            });
}
