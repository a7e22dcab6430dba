namespace Mailroom.Protocols.Smtp;

/// <summary>VRFY (RFC 5321 §3.5.3): disabled, so it reveals nothing about mailboxes; 252 as §3.5.3 recommends.</summary>
internal sealed class VrfyHandler : SmtpCommandHandler<VrfyCommand>
{
    protected override ValueTask<CommandOutcome> HandleAsync(SmtpSession session, VrfyCommand command)
    {
        session.Reply(SmtpReplies.CannotVerify);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}
