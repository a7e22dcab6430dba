namespace Mailroom.Protocols.Smtp;

/// <summary>HELP (RFC 5321 §4.1.1.8), with Exchange's list of commands.</summary>
internal sealed class HelpHandler : SmtpCommandHandler<HelpCommand>
{
    protected override ValueTask<CommandOutcome> HandleAsync(SmtpSession session, HelpCommand command)
    {
        session.Reply(SmtpReplies.Help);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}
