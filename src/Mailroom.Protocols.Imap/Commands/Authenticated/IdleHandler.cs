using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// IDLE (RFC 2177, RFC 9051 §6.3.13): <c>+ idling</c>, then untagged updates pushed as the mailbox change feed
/// reports commits (a delivery shows up within the store's commit-to-notify time), until the client sends DONE.
/// No thread waits: the session awaits either the client's next line or the feed's next hint.
/// </summary>
internal sealed class IdleHandler : IImapCommandHandler
{
    public string Name => "IDLE";

    public IEnumerable<string> Capabilities(ImapSession session) => ["IDLE"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ImapResult.Bad("IDLE takes no arguments");
        }

        session.Writer.Continuation("idling");
        await ReportAsync(session).ConfigureAwait(false);
        var done = session.ReadLineAsync(64, session.Options.IdleCommandTimeout).AsTask();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Aborted);
        try
        {
            while (true)
            {
                var change = session.WaitForChangeAsync(stop.Token).AsTask();
                if (await Task.WhenAny(done, change).ConfigureAwait(false) == done)
                {
                    break;
                }

                if (!await change.ConfigureAwait(false))
                {
                    // The subscription ended (never while logged in); fall back to waiting for DONE.
                    await done.ConfigureAwait(false);
                    break;
                }

                if (!await ReportAsync(session).ConfigureAwait(false))
                {
                    return ImapResult.Close;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        var line = await done.ConfigureAwait(false);
        if (line.Status == LineStatus.EndOfInput)
        {
            return ImapResult.Close;
        }

        return IsDone(line)
            ? ImapResult.Ok("IDLE terminated")
            : ImapResult.Bad("Expected DONE");
    }

    /// <summary>Pushes what changed and flushes; false when the mailbox went away (the session ends with BYE).</summary>
    private static async ValueTask<bool> ReportAsync(ImapSession session)
    {
        session.DrainChangeHints();
        if (session.MailboxGone || !await session.Backend.IsStillAllowedAsync(session.Mailbox, session.Aborted).ConfigureAwait(false)
            || !await session.IsSessionAllowedAsync(session.Mailbox).ConfigureAwait(false))
        {
            ImapLog.AccessRevoked(session.Logger, session.Id);
            session.Writer.Untagged("BYE The mailbox is no longer available");
            return false;
        }

        if (session.Selected is { } selected)
        {
            await selected.ReportChangesAsync(session, allowExpunge: true).ConfigureAwait(false);
        }

        await session.FlushAsync().ConfigureAwait(false);
        return true;
    }

    private static bool IsDone(LineReadResult line) =>
        line.Status == LineStatus.Complete && System.Text.Encoding.ASCII.GetString(line.Line.Span).Trim().Equals("DONE", StringComparison.OrdinalIgnoreCase);
}
