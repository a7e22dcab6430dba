namespace Mailroom.Protocols.Smtp;

/// <summary>The end of a DATA or BDAT LAST: commit or refuse, one reply, and the transaction is over either way.</summary>
internal static class MessageCompletion
{
    public static async ValueTask<CommandOutcome> FinishAsync(SmtpSession session, MessageReceiver receiver, SmtpReply? contentError)
    {
        var reply = await receiver.FinishAsync(contentError).ConfigureAwait(false);
        if (reply.IsPositive)
        {
            session.MessagesAccepted++;
        }

        session.Reply(reply);
        session.PendingChunks = null;
        await session.ResetTransactionAsync().ConfigureAwait(false);
        return reply.IsPositive ? CommandOutcome.AcceptedTo(SmtpState.Ready) : CommandOutcome.RefusedTo(SmtpState.Ready);
    }
}
