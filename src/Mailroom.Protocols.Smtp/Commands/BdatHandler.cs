namespace Mailroom.Protocols.Smtp;

/// <summary>
/// BDAT (RFC 3030 §2): exactly n octets follow the command and go to the sink verbatim. Once a chunk fails (size,
/// sink error) the later chunks of the message are still read and answered with the same error until LAST.
/// </summary>
internal sealed class BdatHandler : SmtpCommandHandler<BdatCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, BdatCommand command)
    {
        var receiver = session.PendingChunks;
        if (receiver is null)
        {
            (receiver, var refusal) = await BackendCall.BeginMessageAsync(session).ConfigureAwait(false);
            if (receiver is null)
            {
                if (!await session.ReadChunkAsync(command.Size, receiver: null).ConfigureAwait(false))
                {
                    return CommandOutcome.Close;
                }

                session.Reply(refusal!);
                await session.ResetTransactionAsync().ConfigureAwait(false);
                return CommandOutcome.RefusedTo(SmtpState.Ready);
            }

            session.PendingChunks = receiver;
        }

        // If the connection drops here, ending the session aborts the pending message.
        if (!await session.ReadChunkAsync(command.Size, receiver).ConfigureAwait(false))
        {
            return CommandOutcome.Close;
        }

        session.Transcript.ClientContent(command.Size);
        if (command.Last)
        {
            return await MessageCompletion.FinishAsync(session, receiver, contentError: null).ConfigureAwait(false);
        }

        if (receiver.FailureReply is { } failure)
        {
            session.Reply(failure);
            return CommandOutcome.RefusedTo(SmtpState.Chunking);
        }

        session.Reply(SmtpReplies.ChunkReceived(command.Size));
        return CommandOutcome.AcceptedTo(SmtpState.Chunking);
    }
}
