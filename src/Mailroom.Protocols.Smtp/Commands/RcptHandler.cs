namespace Mailroom.Protocols.Smtp;

/// <summary>RCPT (RFC 5321 §4.1.1.3): the connector's recipient limit, then the backend's decision.</summary>
internal sealed class RcptHandler : SmtpCommandHandler<RcptCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, RcptCommand command)
    {
        var transaction = session.Transaction!;
        if (transaction.Recipients.Count >= session.Policy.MaxRecipientsPerMessage)
        {
            // Exchange §8.3: the client sends the remaining recipients in another transaction.
            session.Reply(SmtpReplies.TooManyRecipients);
            return CommandOutcome.Refused;
        }

        var rcptTo = command.RcptTo;
        var reply = await BackendCall.TryAsync(session, "RcptToAsync", s => s.Backend.RcptToAsync(s, rcptTo, s.Aborted)).ConfigureAwait(false);
        if (reply is { IsPositive: false })
        {
            session.Reply(reply);
            return CommandOutcome.Refused;
        }

        transaction.Add(rcptTo);
        session.Reply(reply ?? SmtpReplies.RecipientOk);
        return CommandOutcome.Accepted;
    }
}
