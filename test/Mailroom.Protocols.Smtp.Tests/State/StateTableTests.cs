namespace Mailroom.Protocols.Smtp.Tests;

public sealed class StateTableTests
{
    [Theory]
    [InlineData(SmtpState.Connected, SmtpVerb.Ehlo, SmtpState.Ready)]
    [InlineData(SmtpState.Connected, SmtpVerb.Helo, SmtpState.Ready)]
    [InlineData(SmtpState.Connected, SmtpVerb.Noop, SmtpState.Connected)]
    [InlineData(SmtpState.Connected, SmtpVerb.Rset, SmtpState.Connected)]
    [InlineData(SmtpState.Connected, SmtpVerb.Vrfy, SmtpState.Connected)]
    [InlineData(SmtpState.Ready, SmtpVerb.Mail, SmtpState.MailGiven)]
    [InlineData(SmtpState.Ready, SmtpVerb.StartTls, SmtpState.Connected)]
    [InlineData(SmtpState.Ready, SmtpVerb.Auth, SmtpState.Ready)]
    [InlineData(SmtpState.Ready, SmtpVerb.Ehlo, SmtpState.Ready)]
    [InlineData(SmtpState.MailGiven, SmtpVerb.Rcpt, SmtpState.RcptGiven)]
    [InlineData(SmtpState.MailGiven, SmtpVerb.Rset, SmtpState.Ready)]
    [InlineData(SmtpState.MailGiven, SmtpVerb.Ehlo, SmtpState.Ready)]
    [InlineData(SmtpState.RcptGiven, SmtpVerb.Rcpt, SmtpState.RcptGiven)]
    [InlineData(SmtpState.RcptGiven, SmtpVerb.Data, SmtpState.Ready)]
    [InlineData(SmtpState.RcptGiven, SmtpVerb.Bdat, SmtpState.Chunking)]
    [InlineData(SmtpState.Chunking, SmtpVerb.Bdat, SmtpState.Chunking)]
    [InlineData(SmtpState.Chunking, SmtpVerb.Rset, SmtpState.Ready)]
    [InlineData(SmtpState.Refused, SmtpVerb.Quit, SmtpState.Refused)]
    public void Allowed_commands_lead_to_the_next_state(SmtpState state, SmtpVerb verb, SmtpState expected)
    {
        Assert.True(SmtpStateTable.TryGetNext(state, verb, out var next));
        Assert.Equal(expected, next);
    }

    [Theory]
    [InlineData(SmtpState.Connected, SmtpVerb.Mail, "Send hello first")]
    [InlineData(SmtpState.Connected, SmtpVerb.StartTls, "Send hello first")]
    [InlineData(SmtpState.Connected, SmtpVerb.Auth, "Send hello first")]
    [InlineData(SmtpState.Connected, SmtpVerb.Data, "Send hello first")]
    [InlineData(SmtpState.Ready, SmtpVerb.Rcpt, "Need MAIL command")]
    [InlineData(SmtpState.Ready, SmtpVerb.Data, "Need MAIL command")]
    [InlineData(SmtpState.Ready, SmtpVerb.Bdat, "Need MAIL command")]
    [InlineData(SmtpState.MailGiven, SmtpVerb.Mail, "Sender already specified")]
    [InlineData(SmtpState.MailGiven, SmtpVerb.Data, "Need RCPT command")]
    [InlineData(SmtpState.MailGiven, SmtpVerb.StartTls, "Command not permitted during a mail transaction")]
    [InlineData(SmtpState.RcptGiven, SmtpVerb.Auth, "Command not permitted during a mail transaction")]
    [InlineData(SmtpState.RcptGiven, SmtpVerb.Mail, "Sender already specified")]
    [InlineData(SmtpState.Chunking, SmtpVerb.Data, "Only BDAT, RSET, NOOP and QUIT are permitted while receiving chunks")]
    [InlineData(SmtpState.Chunking, SmtpVerb.Rcpt, "Only BDAT, RSET, NOOP and QUIT are permitted while receiving chunks")]
    [InlineData(SmtpState.Refused, SmtpVerb.Ehlo, "No SMTP service here")]
    [InlineData(SmtpState.Refused, SmtpVerb.Noop, "No SMTP service here")]
    public void Other_commands_get_503_5_5_1_with_the_reason(SmtpState state, SmtpVerb verb, string reason)
    {
        Assert.False(SmtpStateTable.TryGetNext(state, verb, out _));
        var reply = SmtpStateTable.Refusal(state, verb);
        Assert.Equal(503, reply.Code);
        Assert.Equal("5.5.1", reply.EnhancedStatusCode);
        Assert.Equal(reason, Assert.Single(reply.Lines));
    }

    // RFC 5321 §4.1.4: QUIT, NOOP, RSET and HELP work in every state that has a client to talk to.
    [Fact]
    public void Quit_noop_rset_and_help_are_always_allowed()
    {
        foreach (var state in Enum.GetValues<SmtpState>().Where(s => s != SmtpState.Refused))
        {
            foreach (var verb in new[] { SmtpVerb.Quit, SmtpVerb.Noop, SmtpVerb.Rset, SmtpVerb.Help })
            {
                Assert.True(SmtpStateTable.TryGetNext(state, verb, out _), $"{verb} in {state}");
            }
        }
    }

    [Fact]
    public void Only_quit_is_allowed_after_a_554_greeting() =>
        Assert.Equal([SmtpVerb.Quit], SmtpStateTable.Allowed(SmtpState.Refused));

    [Fact]
    public void Every_state_has_a_refusal_and_every_verb_a_handler()
    {
        foreach (var state in Enum.GetValues<SmtpState>())
        {
            foreach (var verb in Enum.GetValues<SmtpVerb>())
            {
                Assert.NotNull(SmtpStateTable.Refusal(state, verb));
                Assert.NotNull(SmtpCommandHandlers.For(verb));
            }
        }
    }

    [Theory]
    [InlineData(SmtpVerb.Ehlo, true)]
    [InlineData(SmtpVerb.StartTls, true)]
    [InlineData(SmtpVerb.Quit, true)]
    [InlineData(SmtpVerb.Mail, false)]
    [InlineData(SmtpVerb.Auth, false)]
    [InlineData(SmtpVerb.Vrfy, false)]
    [InlineData(SmtpVerb.Bdat, false)]
    public void Required_tls_gates_mail_commands(SmtpVerb verb, bool allowed) =>
        Assert.Equal(allowed, SmtpStateTable.AllowedWithoutRequiredTls(verb));
}
