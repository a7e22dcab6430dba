namespace Mailroom.Protocols.Smtp;

/// <summary>QUIT (RFC 5321 §4.1.1.10): 221, then the server closes.</summary>
internal sealed class QuitHandler : SmtpCommandHandler<SimpleCommand>
{
    protected override ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SimpleCommand command)
    {
        session.Reply(SmtpReplies.Closing(session.Policy.Fqdn));
        return ValueTask.FromResult(CommandOutcome.Close);
    }
}
