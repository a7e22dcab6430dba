using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>The parsers never throw: every input yields a command or a reply (DESIGN.md: every parser is fuzzed).</summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] Tokens =
    [
        "EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH",
        "mail", "FROM:", "TO:", "from:", " ", " ", " ", "<", ">", "<>", "@", "a", "bob", "example", ".", ".", ",", ":", ";",
        "\"", "\\", "=", "+", "+2B", "+zz", "[", "]", "IPv6:", "::1", "192.0.2.1", "-", "SIZE", "BODY", "8BITMIME", "BINARYMIME",
        "SMTPUTF8", "RET", "FULL", "ENVID", "NOTIFY", "NEVER", "SUCCESS", "ORCPT", "rfc822", "LAST", "0", "1", "99999999999999999999",
        "PLAIN", "LOGIN", "AGFsaWNl", "ö", "ü", "日本", "\0", "\t", "\r", "\n", "\u007f", "\ud83d\ude00", "Postmaster",
    ];

    private static Arbitrary<string> TokenSoup() =>
        Gen.Elements(Tokens).ListOf().Select(tokens => string.Concat(tokens)).ToArbitrary();

    private static void AssertWellFormed(SmtpParseResult result)
    {
        Assert.True(result.IsSuccess ^ (result.Error is not null));
        if (result.Error is { } error)
        {
            Assert.InRange(error.Code, 500, 555);
            Assert.NotNull(error.EnhancedStatusCode);
        }
        else
        {
            Assert.Equal(result.Verb, result.Command!.Verb);
        }
    }

    [Property(MaxTest = 2000)]
    public void Command_parser_never_throws_on_random_bytes(byte[] line, bool utf8)
    {
        AssertWellFormed(SmtpCommandParser.Parse(line, new SmtpParserContext(Utf8Transaction: utf8)));
    }

    [Property(MaxTest = 3000)]
    public Property Command_parser_never_throws_on_token_soups() =>
        Prop.ForAll(TokenSoup(), Arb.From(Gen.Elements(true, false)), (line, utf8) =>
            AssertWellFormed(SmtpCommandParser.Parse(Encoding.UTF8.GetBytes(line), new SmtpParserContext(Utf8Transaction: utf8))));

    [Property(MaxTest = 1000)]
    public void Line_parser_never_throws_and_stays_in_bounds(byte[] buffer, byte limit)
    {
        var sequence = new System.Buffers.ReadOnlySequence<byte>(buffer);
        var result = LineParser.Parse(sequence, Math.Max(2, (int)limit));
        var consumed = sequence.Slice(0, result.Consumed).Length;
        Assert.InRange(consumed, 0, buffer.Length);
        if (result.Status == LineStatus.Complete)
        {
            Assert.True(result.Line.Length < consumed);
            Assert.Equal((byte)'\n', buffer[consumed - 1]);
        }
    }

    [Property(MaxTest = 500)]
    public void Sasl_decoders_never_throw(byte[] response, bool initial)
    {
        foreach (var mechanism in SaslMechanisms.All)
        {
            var exchange = SaslMechanisms.Create(mechanism)!;
            var step = exchange.Start(response, initial);
            for (var i = 0; i < 3 && step.Status == SaslStatus.Challenge; i++)
            {
                step = exchange.Respond(response);
            }

            Assert.True(step.Status != SaslStatus.Completed || step.Credentials is not null);
        }
    }
}
