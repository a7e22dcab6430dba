using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// QUIT (RFC 1939 §4, §6): before login it just says goodbye; from TRANSACTION it enters UPDATE, removes the messages
/// marked deleted and only then answers. The store work is not tied to the connection: a client that hangs up right
/// after QUIT still gets its deletions, bounded by a timer of its own.
/// </summary>
internal sealed class QuitHandler : Pop3CommandHandler
{
    private static readonly TimeSpan UpdateLimit = TimeSpan.FromMinutes(2);

    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        var services = session.Services;
        if (session.Maildrop is not { } maildrop || session.State != Pop3State.Transaction)
        {
            session.Reply(Pop3Responses.Goodbye(session.Options.ServerName));
            return CommandOutcome.Close;
        }

        session.State = Pop3State.Update;
        var deleted = maildrop.DeletedUids();
        var seen = session.Options.MarkRetrievedAsSeen
            ? session.Retrieved.Where(i => !maildrop.IsDeleted(i)).Order().Select(maildrop.UidAt).ToList()
            : [];
        try
        {
            using var limit = new CancellationTokenSource(UpdateLimit, services.Time);
            var removed = await MaildropUpdate.ApplyAsync(services.Store, maildrop.Folder.Id, deleted, seen, limit.Token).ConfigureAwait(false);
            services.Telemetry.MessagesDeleted.Add(removed);
            Pop3Log.Updated(services.Logger, session.Id, removed);
        }
        catch (Exception ex)
        {
            // RFC 1939 §6: "-ERR some deleted messages not removed"; what was removed stays removed.
            Pop3Log.UpdateFailed(services.Logger, session.Id, ex);
            session.Reply(Pop3Responses.UpdateFailed);
            return CommandOutcome.Close;
        }

        session.Reply(Pop3Response.Ok(string.Create(CultureInfo.InvariantCulture,
            $"{session.Options.ServerName} POP3 server signing off ({maildrop.VisibleCount} messages left)")));
        return CommandOutcome.Close;
    }
}
