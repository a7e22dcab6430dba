using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// What PASS and AUTH share once they have credentials: the backend checks them, the engine locks and opens the
/// maildrop (RFC 1939 §4: "-ERR" and back to AUTHORIZATION when it can't), and the backend hears the session is in.
/// </summary>
internal static class LoginFlow
{
    /// <summary>Whether plaintext credentials may be sent on this connection now (RFC 2595 §4, Exchange LoginType).</summary>
    public static bool CredentialsAllowed(Pop3Session session) =>
        session.IsTls || session.Options.LoginType == Pop3LoginType.PlainTextLogin;

    public static async ValueTask<CommandOutcome> CompleteAsync(Pop3Session session, SaslCredentials credentials, string mechanism)
    {
        var services = session.Services;
        Pop3LoginResult result;
        if (credentials.RequestsProxyAuthorization)
        {
            result = Pop3LoginResult.Failure();
        }
        else
        {
            try
            {
                result = await services.Backend.AuthenticateAsync(session, credentials, session.Aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Pop3Log.BackendFailed(services.Logger, session.Id, "AuthenticateAsync", ex);
                result = Pop3LoginResult.Failure(Pop3Responses.TemporaryFailure);
            }
        }

        if (!result.Succeeded)
        {
            return Failed(session, credentials.UserName, mechanism, result.Error!);
        }

        var mailboxId = result.MailboxId!.Value;
        var userName = result.UserName ?? credentials.UserName;
        var held = await services.Locks.TryAcquireAsync(mailboxId, session.Aborted).ConfigureAwait(false);
        if (held is null)
        {
            // RFC 2449 §8.1.1: another session has the maildrop; the client may try again later.
            Pop3Log.MaildropInUse(services.Logger, session.Id, userName);
            session.Reply(Pop3Responses.MaildropInUse);
            return CommandOutcome.RefusedInto(Pop3State.Authorization);
        }

        Pop3Maildrop maildrop;
        try
        {
            maildrop = await Pop3Maildrop.OpenAsync(services.Store, mailboxId, session.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await held.DisposeAsync().ConfigureAwait(false);
            Pop3Log.MaildropFailed(services.Logger, session.Id, ex);
            session.Reply(Pop3Responses.MaildropUnavailable);
            return CommandOutcome.RefusedInto(Pop3State.Authorization);
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        session.SetLoggedIn(mailboxId, userName, held, maildrop);
        session.PendingUser = null;
        try
        {
            await services.Backend.LoggedInAsync(session, session.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Pop3Log.BackendFailed(services.Logger, session.Id, "LoggedInAsync", ex);
        }

        Pop3Log.LoggedIn(services.Logger, session.Id, userName, mechanism, maildrop.Count);
        session.Reply(Pop3Response.Ok($"Logged in; maildrop has {maildrop.VisibleCount} messages ({maildrop.VisibleSize} octets)"));
        return CommandOutcome.AcceptedInto(Pop3State.Transaction);
    }

    public static CommandOutcome Failed(Pop3Session session, string userName, string mechanism, Pop3Response error)
    {
        var services = session.Services;
        services.Telemetry.LoginFailures.Add(1);
        Pop3Log.LoginFailed(services.Logger, session.Id, session.RemoteEndPoint, userName, mechanism, error.ToString());
        session.PendingUser = null;
        session.Reply(error);
        if (++session.LoginFailures >= session.Options.MaxLoginFailures)
        {
            Pop3Log.SessionAborted(services.Logger, session.Id, session.RemoteEndPoint, "too many failed logins");
            return CommandOutcome.Close;
        }

        return CommandOutcome.RefusedInto(Pop3State.Authorization);
    }
}
