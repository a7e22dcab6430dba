namespace Mailroom.Protocols.Smtp;

/// <summary>NOOP (RFC 5321 §4.1.1.9).</summary>
internal sealed class NoopHandler : SmtpCommandHandler<NoopCommand>
{
    protected override ValueTask<CommandOutcome> HandleAsync(SmtpSession session, NoopCommand command)
    {
        session.Reply(SmtpReplies.Ok);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}
