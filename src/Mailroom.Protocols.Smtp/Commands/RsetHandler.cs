namespace Mailroom.Protocols.Smtp;

/// <summary>RSET (RFC 5321 §4.1.1.5): abandons the transaction, keeps EHLO and authentication.</summary>
internal sealed class RsetHandler : SmtpCommandHandler<SimpleCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SimpleCommand command)
    {
        await session.ResetTransactionAsync().ConfigureAwait(false);
        session.Reply(SmtpReplies.Resetting);
        return CommandOutcome.Accepted;
    }
}
