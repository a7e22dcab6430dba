using Mailroom.ClientAccess.Rules;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Security;
using Mailroom.Networking;
using Mailroom.Protocols.Pop3;

namespace Mailroom.Server.Pop3;

/// <summary>
/// Connects the POP3 engine to the organization: logins are checked against the directory (UPN, any SMTP or proxy
/// address, alias, DOMAIN\alias) with the same -ERR [AUTH] for a wrong user, a wrong password and a disabled or
/// removed account; failures are throttled per account and per address; a logged-in session is registered so that
/// disabling or removing its mailbox ends it.
/// </summary>
public sealed class MailroomPop3Backend(DirectoryAuthenticator authenticator, LoginThrottle throttle, ClientSessionRegistry sessions, TimeProvider time, ClientAccessPolicy access) : IPop3Backend
{
    /// <summary>RFC 3206 [AUTH]: the user may not log in here; no rule details.</summary>
    public static readonly Pop3Response AccessDenied = Pop3Response.Err(Pop3ResponseCode.Auth, "Access denied by policy");

    private const string RegistrationKey = "mailroom.client-session";

    /// <summary>RFC 3206 §5: throttling is the server's temporary condition, not a credentials problem.</summary>
    public static readonly Pop3Response Throttled = Pop3Response.Err(Pop3ResponseCode.SysTemp, "Too many failed logins; try again later");

    public async ValueTask<Pop3LoginResult> AuthenticateAsync(Pop3Session session, SaslCredentials credentials, CancellationToken cancellationToken)
    {
        var address = session.RemoteEndPoint?.Address;
        if (throttle.IsThrottled(credentials.UserName, address))
        {
            return Pop3LoginResult.Failure(Throttled);
        }

        var caller = await authenticator.AuthenticateAsync(credentials.UserName, credentials.Password, cancellationToken);
        if (caller is null)
        {
            throttle.RecordFailure(credentials.UserName, address);
            return Pop3LoginResult.Failure();
        }

        throttle.RecordSuccess(credentials.UserName);
        var decision = await access.CheckUserAsync(ClientAccessProtocols.Pop3, session.RemoteEndPoint, ClientAccessAuthenticationTypes.Basic, caller.Id, cancellationToken);
        return decision.IsDenied ? Pop3LoginResult.Failure(AccessDenied) : Pop3LoginResult.Success(caller.Id, caller.Name);
    }

    /// <summary>Client access rules that need only the address refuse the connection instead of the greeting.</summary>
    public async ValueTask<Pop3Response?> ConnectAsync(Pop3ConnectionInfo connection, CancellationToken cancellationToken) =>
        (await access.CheckConnectionAsync(ClientAccessProtocols.Pop3, connection.RemoteEndPoint, cancellationToken)).IsDenied
            ? AccessDenied
            : null;

    public ValueTask LoggedInAsync(Pop3Session session, CancellationToken cancellationToken)
    {
        var info = new ClientSessionInfo(session.MailboxId!.Value, "POP3", session.RemoteEndPoint?.Address, session.Id, time.GetUtcNow());
        session.Items[RegistrationKey] = sessions.Register(info, reason => session.End(ClientSessionEndReasons.Describe(reason)));
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(Pop3Session session)
    {
        if (session.Items.TryGetValue(RegistrationKey, out var registration) && registration is IDisposable disposable)
        {
            disposable.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
