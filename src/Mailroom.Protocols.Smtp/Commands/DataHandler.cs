namespace Mailroom.Protocols.Smtp;

/// <summary>
/// DATA (RFC 5321 §4.1.1.4): 354, then content streamed to the backend's sink until CRLF.CRLF, limits enforced as it
/// arrives, and one final reply for the whole message.
/// </summary>
internal sealed class DataHandler : SmtpCommandHandler<SimpleCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SimpleCommand command)
    {
        if (session.Transaction!.MailFrom.Body == SmtpBodyType.BinaryMime)
        {
            return CommandOutcome.Bad(SmtpReplies.BinaryMimeNeedsBdat); // RFC 3030 §3
        }

        if (session.Lines.HasBufferedInput())
        {
            // RFC 2920 §3.1: DATA ends a pipelined group; the client must wait for 354. Whatever it sent already can
            // be neither content (it may be commands) nor commands (it may be content), so the session ends.
            SmtpLog.SessionAborted(session.Services.Logger, session.Id, session.RemoteEndPoint, "input pipelined after DATA");
            session.Reply(SmtpReplies.SynchronizationError);
            return CommandOutcome.Close;
        }

        var (receiver, refusal) = await BackendCall.BeginMessageAsync(session).ConfigureAwait(false);
        if (receiver is null)
        {
            session.Reply(refusal!);
            return CommandOutcome.Refused;
        }

        session.Reply(SmtpReplies.StartMailInput);
        DotUnstuffer? content;
        try
        {
            content = await DataReader.ReadAsync(session, receiver).ConfigureAwait(false);
        }
        catch
        {
            await receiver.AbortAsync().ConfigureAwait(false);
            await receiver.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (content is null)
        {
            await receiver.AbortAsync().ConfigureAwait(false);
            await receiver.DisposeAsync().ConfigureAwait(false);
            return CommandOutcome.Close;
        }

        session.Transcript.ClientContent(receiver.Received);
        var contentError = content.LongLineSeen ? SmtpReplies.MessageLineTooLong(session.Options.MaxMessageLineLength)
            : content.BareLineFeedSeen && session.Options.RejectBareLineFeedInMessage ? SmtpReplies.BareLineFeedInMessage
            : null;
        return await MessageCompletion.FinishAsync(session, receiver, contentError).ConfigureAwait(false);
    }
}
