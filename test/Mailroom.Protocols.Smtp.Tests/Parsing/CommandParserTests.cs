using System.Buffers;
using System.Text;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class CommandParserTests
{
    private static SmtpParseResult Parse(string line, bool utf8Transaction = false) =>
        SmtpCommandParser.Parse(Encoding.UTF8.GetBytes(line), new SmtpParserContext(Utf8Transaction: utf8Transaction));

    private static string Status(SmtpParseResult result) =>
        result.IsSuccess ? "ok" : $"{result.Error!.Code} {result.Error.EnhancedStatusCode}";

    [Theory]
    // verbs, case-insensitive (RFC 5321 §2.4)
    [InlineData("EHLO client.example", "ok")]
    [InlineData("ehlo client.example", "ok")]
    [InlineData("HELO [192.0.2.1]", "ok")]
    [InlineData("EHLO", "501 5.5.4")]
    [InlineData("EHLO ", "501 5.5.4")]
    [InlineData("NOOP", "ok")]
    [InlineData("NOOP anything at all", "ok")]
    [InlineData("RSET", "ok")]
    [InlineData("RSET now", "501 5.5.4")]
    [InlineData("QUIT", "ok")]
    [InlineData("QUIT please", "501 5.5.4")]
    [InlineData("DATA", "ok")]
    [InlineData("DATA x", "501 5.5.4")]
    [InlineData("STARTTLS", "ok")]
    [InlineData("StartTls", "ok")]
    [InlineData("STARTTLS x", "501 5.5.4")]
    [InlineData("VRFY bob", "ok")]
    [InlineData("VRFY", "501 5.5.4")]
    [InlineData("EXPN staff", "ok")]
    [InlineData("EXPN", "501 5.5.4")]
    [InlineData("HELP", "ok")]
    [InlineData("HELP MAIL", "ok")]
    // unknown and malformed lines
    [InlineData("", "500 5.5.1")]
    [InlineData("XYZZY", "500 5.5.1")]
    [InlineData("MAILFROM:<a@b.example>", "500 5.5.1")]
    [InlineData(" MAIL FROM:<a@b.example>", "500 5.5.1")]
    [InlineData("NOOP \t", "500 5.5.2")]
    [InlineData("NOOP \u0001", "500 5.5.2")]
    // MAIL (RFC 5321 §4.1.1.2, §4.1.2)
    [InlineData("MAIL FROM:<sender@example.org>", "ok")]
    [InlineData("mail from:<sender@example.org>", "ok")]
    [InlineData("MAIL FROM: <sender@example.org>", "ok")]
    [InlineData("MAIL FROM:<>", "ok")]
    [InlineData("MAIL FROM:<@relay.example,@other.example:sender@example.org>", "ok")]
    [InlineData("MAIL FROM:<\"john doe\"@example.org>", "ok")]
    [InlineData("MAIL FROM:<\"a\\\"b\"@example.org>", "ok")]
    [InlineData("MAIL FROM:<user@[192.0.2.1]>", "ok")]
    [InlineData("MAIL FROM:<user@[IPv6:2001:db8::1]>", "ok")]
    [InlineData("MAIL FROM:<user@[x-tag:stuff]>", "ok")]
    [InlineData("MAIL FROM:<user@[300.1.1.1]>", "501 5.1.7")]
    [InlineData("MAIL FROM:<user@[IPv6:zz]>", "501 5.1.7")]
    [InlineData("MAIL FROM:sender@example.org", "501 5.1.7")]
    [InlineData("MAIL FROM:<sender@example.org", "501 5.1.7")]
    [InlineData("MAIL FROM:<sender>", "501 5.1.7")]
    [InlineData("MAIL FROM:<sender@>", "501 5.1.7")]
    [InlineData("MAIL FROM:<@example.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<a..b@example.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<.a@example.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<a@-example.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<a@example-.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<a@example..org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<a b@example.org>", "501 5.1.7")]
    [InlineData("MAIL FROM:<sender@example.org>x", "501 5.1.7")]
    [InlineData("MAIL FROM:<Postmaster>", "501 5.1.7")]
    [InlineData("MAIL FROM:  <sender@example.org>", "501 5.1.7")]
    [InlineData("MAIL TO:<sender@example.org>", "501 5.5.4")]
    [InlineData("MAIL", "501 5.5.4")]
    // MAIL parameters (RFC 1870, 6152, 3030, 6531, 3461, 4954)
    [InlineData("MAIL FROM:<a@b.example> SIZE=1000", "ok")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=99999999999999999999", "ok")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=12x", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=-1", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=1 SIZE=2", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> BODY=8BITMIME", "ok")]
    [InlineData("MAIL FROM:<a@b.example> body=7bit", "ok")]
    [InlineData("MAIL FROM:<a@b.example> BODY=BINARYMIME", "ok")]
    [InlineData("MAIL FROM:<a@b.example> BODY=9BIT", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> SMTPUTF8", "ok")]
    [InlineData("MAIL FROM:<a@b.example> SMTPUTF8=yes", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> RET=FULL ENVID=QQ314159", "ok")]
    [InlineData("MAIL FROM:<a@b.example> RET=HDRS", "ok")]
    [InlineData("MAIL FROM:<a@b.example> RET=SOME", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> ENVID=bad+zz", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> AUTH=<>", "ok")]
    [InlineData("MAIL FROM:<a@b.example> AUTH=e+3Dmc2@example.com", "ok")]
    [InlineData("MAIL FROM:<a@b.example> AUTH", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> XFOO=1", "555 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> =1", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@b.example> SIZE==1", "501 5.5.4")]
    // SMTPUTF8 addresses only with SMTPUTF8 (RFC 6531 §3.4)
    [InlineData("MAIL FROM:<jösé@bücher.example> SMTPUTF8", "ok")]
    [InlineData("MAIL FROM:<jösé@bücher.example>", "553 5.6.7")]
    // RCPT (RFC 5321 §4.1.1.3)
    [InlineData("RCPT TO:<bob@test.example>", "ok")]
    [InlineData("RCPT TO: <bob@test.example>", "ok")]
    [InlineData("RCPT TO:<Postmaster>", "ok")]
    [InlineData("RCPT TO:<postmaster>", "ok")]
    [InlineData("RCPT TO:<>", "501 5.1.3")]
    [InlineData("RCPT TO:<bob>", "501 5.1.3")]
    [InlineData("RCPT TO:bob@test.example", "501 5.1.3")]
    [InlineData("RCPT FROM:<bob@test.example>", "501 5.5.4")]
    [InlineData("RCPT TO:<bob@test.example> NOTIFY=SUCCESS,FAILURE,DELAY", "ok")]
    [InlineData("RCPT TO:<bob@test.example> NOTIFY=NEVER", "ok")]
    [InlineData("RCPT TO:<bob@test.example> NOTIFY=NEVER,SUCCESS", "501 5.5.4")]
    [InlineData("RCPT TO:<bob@test.example> NOTIFY=SOMETIMES", "501 5.5.4")]
    [InlineData("RCPT TO:<bob@test.example> ORCPT=rfc822;bob@test.example", "ok")]
    [InlineData("RCPT TO:<bob@test.example> ORCPT=rfc822", "501 5.5.4")]
    [InlineData("RCPT TO:<bob@test.example> ORCPT=;bob@test.example", "501 5.5.4")]
    [InlineData("RCPT TO:<bob@test.example> SIZE=10", "555 5.5.4")]
    [InlineData("RCPT TO:<jösé@bücher.example>", "553 5.6.7")]
    // BDAT (RFC 3030 §2)
    [InlineData("BDAT 0 LAST", "ok")]
    [InlineData("BDAT 100", "ok")]
    [InlineData("bdat 100 last", "ok")]
    [InlineData("BDAT", "501 5.5.4")]
    [InlineData("BDAT -1", "501 5.5.4")]
    [InlineData("BDAT 1 FIRST", "501 5.5.4")]
    [InlineData("BDAT 1 LAST x", "501 5.5.4")]
    [InlineData("BDAT 9999999999999999999", "501 5.5.4")]
    // AUTH (RFC 4954 §4)
    [InlineData("AUTH PLAIN", "ok")]
    [InlineData("AUTH PLAIN AGFsaWNlAHNlY3JldA==", "ok")]
    [InlineData("AUTH LOGIN =", "ok")]
    [InlineData("AUTH", "501 5.5.4")]
    [InlineData("AUTH PLAIN a b", "501 5.5.4")]
    [InlineData("AUTH PL@IN", "501 5.5.4")]
    public void Parses_or_rejects_with_the_right_reply(string line, string expected) =>
        Assert.Equal(expected, Status(Parse(line)));

    [Fact]
    public void Utf8_recipient_is_allowed_in_an_smtputf8_transaction() =>
        Assert.True(Parse("RCPT TO:<jösé@bücher.example>", utf8Transaction: true).IsSuccess);

    [Fact]
    public void Mail_parameters_are_decoded()
    {
        var mail = Assert.IsType<MailCommand>(Parse(
            "MAIL FROM:<@relay.example:a@b.example> SIZE=12345 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ+2B314 AUTH=e+3Dmc2@example.com").Command).MailFrom;
        Assert.Equal("a@b.example", mail.ReversePath.Address);
        Assert.Equal(12345, mail.Size);
        Assert.Equal(SmtpBodyType.EightBitMime, mail.Body);
        Assert.True(mail.SmtpUtf8);
        Assert.Equal(DsnReturn.Headers, mail.Return);
        Assert.Equal("QQ+314", mail.EnvelopeId);
        Assert.Equal("e=mc2@example.com", mail.Auth);
    }

    [Fact]
    public void Huge_size_saturates_instead_of_overflowing() =>
        Assert.Equal(long.MaxValue, Assert.IsType<MailCommand>(Parse("MAIL FROM:<a@b.example> SIZE=99999999999999999999").Command).MailFrom.Size);

    [Fact]
    public void Null_reverse_path_is_null()
    {
        var mail = Assert.IsType<MailCommand>(Parse("MAIL FROM:<>").Command).MailFrom;
        Assert.True(mail.ReversePath.IsNull);
        Assert.Equal(string.Empty, mail.ReversePath.Address);
    }

    [Fact]
    public void Rcpt_parameters_are_decoded()
    {
        var rcpt = Assert.IsType<RcptCommand>(Parse("RCPT TO:<bob@test.example> NOTIFY=FAILURE,DELAY ORCPT=rfc822;bob+2Bx@test.example").Command).RcptTo;
        Assert.Equal(DsnNotify.Failure | DsnNotify.Delay, rcpt.Notify);
        Assert.Equal("rfc822", rcpt.OriginalRecipientType);
        Assert.Equal("bob+x@test.example", rcpt.OriginalRecipient);
    }

    [Fact]
    public void Postmaster_without_domain_is_recognised()
    {
        var path = Assert.IsType<RcptCommand>(Parse("RCPT TO:<Postmaster>").Command).RcptTo.ForwardPath;
        Assert.True(path.IsPostmaster);
        Assert.Equal("Postmaster", path.Address);
    }

    [Fact]
    public void Quoted_local_part_and_address_literal_keep_their_wire_form()
    {
        var path = Assert.IsType<RcptCommand>(Parse("RCPT TO:<\"john doe\"@[192.0.2.1]>").Command).RcptTo.ForwardPath;
        Assert.Equal("\"john doe\"", path.LocalPart);
        Assert.Equal("[192.0.2.1]", path.Domain);
        Assert.True(path.IsAddressLiteral);
    }

    [Fact]
    public void Bdat_size_and_last_are_read()
    {
        Assert.Equal(new BdatCommand(0, true), Parse("BDAT 0 LAST").Command);
        Assert.Equal(new BdatCommand(4096, false), Parse("BDAT 4096").Command);
    }

    [Fact]
    public void Unreadable_bdat_size_closes_the_connection() => Assert.True(Parse("BDAT lots").CloseConnection);

    [Fact]
    public void Auth_keeps_the_initial_response_as_sent() =>
        Assert.Equal(new AuthCommand("PLAIN", "="), Parse("auth plain =").Command);

    // RFC 5321 §4.5.3.1: local part 64, domain 255, path 256 octets; command line 512 (+ extension allowances).
    [Fact]
    public void Length_limits_are_enforced()
    {
        Assert.True(Parse($"RCPT TO:<{new string('a', 64)}@test.example>").IsSuccess);
        Assert.Equal("501 5.1.3", Status(Parse($"RCPT TO:<{new string('a', 65)}@test.example>")));
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".example";
        Assert.Equal("501 5.1.7", Status(Parse($"MAIL FROM:<a@{domain}>")));
        Assert.Equal("501 5.1.7", Status(Parse($"MAIL FROM:<a@{new string('d', 64)}.example>")));
        Assert.Equal("500 5.5.6", Status(Parse("NOOP " + new string('x', 506))));
        Assert.True(Parse("NOOP " + new string('x', 505)).IsSuccess);
        Assert.True(Parse("MAIL FROM:<a@b.example> ENVID=" + new string('x', 100)).IsSuccess);
        Assert.Equal("501 5.5.4", Status(Parse("MAIL FROM:<a@b.example> ENVID=" + new string('x', 101))));
        Assert.True(Parse("AUTH PLAIN " + new string('A', 12000)).IsSuccess);
    }

    [Fact]
    public void Invalid_utf8_is_a_syntax_error()
    {
        var result = SmtpCommandParser.Parse([(byte)'N', (byte)'O', (byte)'O', (byte)'P', (byte)' ', 0xC3, 0x28], default);
        Assert.Equal("500 5.5.2", Status(result));
        Assert.Equal(SmtpVerb.Noop, result.Verb);
    }

    [Fact]
    public void Multi_segment_lines_parse_like_contiguous_ones()
    {
        var first = new Segment(Encoding.ASCII.GetBytes("MAIL FROM:<a@"));
        var last = first.Append(Encoding.ASCII.GetBytes("b.example> SIZE=10"));
        var result = SmtpCommandParser.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), default);
        Assert.Equal(10, Assert.IsType<MailCommand>(result.Command).MailFrom.Size);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data) => Memory = data;

        public Segment Append(byte[] data)
        {
            var next = new Segment(data) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
