namespace Mailroom.Protocols.Smtp;

/// <summary>Runs a backend decision; a backend exception becomes <c>451 4.3.0</c> instead of ending the session.</summary>
internal static class BackendCall
{
    public static async ValueTask<SmtpReply?> TryAsync(SmtpSession session, string operation, Func<SmtpSession, ValueTask<SmtpReply?>> call)
    {
        try
        {
            return await call(session).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, operation, ex);
            return SmtpReplies.LocalError;
        }
    }

    /// <summary>Asks the backend for a message sink; on refusal or failure returns the reply to send instead.</summary>
    public static async ValueTask<(MessageReceiver? Receiver, SmtpReply? Refusal)> BeginMessageAsync(SmtpSession session)
    {
        try
        {
            var start = await session.Backend.BeginMessageAsync(session, session.Aborted).ConfigureAwait(false);
            return start.Sink is { } sink ? (new MessageReceiver(session, sink), null) : (null, start.Refusal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, "BeginMessageAsync", ex);
            return (null, SmtpReplies.LocalError);
        }
    }
}
