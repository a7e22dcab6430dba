namespace Mailroom.Protocols.Smtp;

/// <summary>EXPN (RFC 5321 §3.5.2): not offered; distribution group members stay private (§7.3).</summary>
internal sealed class ExpnHandler : SmtpCommandHandler<ExpnCommand>
{
    protected override ValueTask<CommandOutcome> HandleAsync(SmtpSession session, ExpnCommand command)
    {
        session.Reply(SmtpReplies.NotImplemented);
        return ValueTask.FromResult(CommandOutcome.Refused);
    }
}
