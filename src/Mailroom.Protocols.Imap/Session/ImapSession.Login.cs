using System.Net;
using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

public sealed partial class ImapSession
{
    /// <summary>
    /// Whether a password may be sent now: over TLS, from loopback, or when plain-text login is allowed
    /// (<see cref="ImapServerOptions.AllowPlainTextLogin"/>). Otherwise the server advertises LOGINDISABLED and no
    /// AUTH= (RFC 9051 §6.2.3, §7.2.2) and refuses with <c>NO [PRIVACYREQUIRED]</c> (RFC 5530).
    /// </summary>
    public bool CanLogin => Options.AllowPlainTextLogin || IsTls || RemoteEndPoint is { } remote && IPAddress.IsLoopback(remote.Address);

    /// <summary>STARTTLS is offered before TLS, when a certificate exists.</summary>
    public bool CanStartTls => !IsTls && Options.Certificates is not null;

    /// <summary>
    /// The one path of LOGIN and AUTHENTICATE after the credentials are known: asks the backend, makes sure the
    /// mailbox exists in the store (a user may log in before the first delivery created it), and enters the
    /// Authenticated state. The answer includes the capabilities, which change at login (RFC 9051 §6.2.3).
    /// </summary>
    internal async ValueTask<ImapResult> LoginAsync(SaslCredentials credentials, string mechanism)
    {
        ImapAuthResult result;
        try
        {
            result = await Backend.AuthenticateAsync(Connection, credentials, Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ImapLog.BackendFailed(Logger, Id, "AuthenticateAsync", ex);
            result = ImapAuthResult.Unavailable;
        }

        if (!result.Succeeded)
        {
            ImapLog.AuthenticationFailed(Logger, Id, RemoteEndPoint, credentials.UserName, mechanism, result.FailureCode);
            return ImapResult.No(result.FailureText ?? "Authentication failed", result.FailureCode);
        }

        var mailboxId = result.MailboxId!.Value;
        await Store.CreateMailboxAsync(mailboxId, Aborted).ConfigureAwait(false);
        SetAuthenticated(mailboxId, result.UserName ?? credentials.UserName);
        ImapLog.Authenticated(Logger, Id, UserName!, mechanism);
        try
        {
            await Backend.LoggedInAsync(this, Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The login stands; NOOP and IDLE still ask IsStillAllowedAsync.
            ImapLog.BackendFailed(Logger, Id, "LoggedInAsync", ex);
        }
        return ImapResult.Ok("Logged in", "CAPABILITY " + string.Join(' ', ImapCapabilities.For(this)));
    }
}
