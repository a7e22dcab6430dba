using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Model;
using Mailroom.Directory.Security;
using Mailroom.Directory.Storage;
using Mailroom.Networking;
using Mailroom.Protocols.Imap;
using Mailroom.Transport.Routing;

namespace Mailroom.Server.Imap;

/// <summary>
/// Connects the IMAP engine to the organization: logins go through the directory (UPN, any SMTP address, alias or
/// DOMAIN\alias; the same answer for a wrong user and a wrong password) behind the login throttle shared with SMTP,
/// and a mailbox's quota is its effective ProhibitSendReceiveQuota (Exchange: the hard limit). A logged-in session is
/// registered with the node's session registry, so disabling or removing its mailbox ends it promptly (IDLE included).
/// </summary>
public sealed class MailroomImapBackend(
    DirectoryAuthenticator authenticator, LoginThrottle throttle, IDirectoryStore directory, ClientAccessPolicy access, ClientSessionRegistry sessions, TimeProvider time) : IImapBackend
{
    private const string RegistrationKey = "mailroom.client-session";

    /// <summary>RFC 5530 AUTHORIZATIONFAILED: the credentials were right but policy refuses this user here; no rule details.</summary>
    public static readonly ImapAuthResult AccessDenied = new(null, null, "AUTHORIZATIONFAILED", "Access denied by policy");

    /// <summary>Client access rules that need only the address refuse the connection before the greeting.</summary>
    public async ValueTask<ImapConnectResult> ConnectAsync(ImapConnectionInfo connection, CancellationToken cancellationToken) =>
        (await access.CheckConnectionAsync(ClientAccessProtocols.Imap4, connection.RemoteEndPoint, cancellationToken)).IsDenied
            ? ImapConnectResult.Refuse("[AUTHORIZATIONFAILED] Access denied")
            : ImapConnectResult.Accept;

    /// <summary>Asked before each command of a logged-in session: a rule or protocol switch changed since login ends it.</summary>
    public async ValueTask<bool> IsSessionAllowedAsync(ImapConnectionInfo connection, Guid mailboxId, CancellationToken cancellationToken) =>
        !(await access.CheckUserAsync(ClientAccessProtocols.Imap4, connection.RemoteEndPoint, ClientAccessAuthenticationTypes.Basic, mailboxId, cancellationToken)).IsDenied;

    public async ValueTask<ImapAuthResult> AuthenticateAsync(ImapConnectionInfo connection, SaslCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(credentials);

        // Acting as someone else (a PLAIN authzid) would need delegation rights Mailroom does not model yet.
        if (credentials.RequestsProxyAuthorization)
        {
            return ImapAuthResult.Failed;
        }

        var address = connection.RemoteEndPoint?.Address;
        if (throttle.IsThrottled(credentials.UserName, address))
        {
            return ImapAuthResult.Throttled;
        }

        var caller = await authenticator.AuthenticateAsync(credentials.UserName, credentials.Password, cancellationToken);
        if (caller is null)
        {
            throttle.RecordFailure(credentials.UserName, address);
            return ImapAuthResult.Failed;
        }

        throttle.RecordSuccess(credentials.UserName);
        var decision = await access.CheckUserAsync(ClientAccessProtocols.Imap4, connection.RemoteEndPoint, ClientAccessAuthenticationTypes.Basic, caller.Id, cancellationToken);
        return decision.IsDenied ? AccessDenied : ImapAuthResult.Success(caller.Id, caller.Name);
    }

    public async ValueTask<ImapQuota?> GetQuotaAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var limit = await directory.ReadAsync(async reader =>
            await reader.GetAsync(mailboxId, cancellationToken) is Mailbox mailbox
                ? (await RecipientResolver.EffectiveQuotasAsync(reader, mailbox, cancellationToken)).ProhibitSendReceive
                : Sizes.QuotaSize.Unlimited, cancellationToken);

        // RFC 9208 §5: STORAGE counts units of 1024 octets. Exchange has no message-count quota, so no MESSAGE resource.
        return limit.IsUnlimited ? null : new ImapQuota((long)(limit.Value.Bytes / 1024), null);
    }

    public ValueTask LoggedInAsync(ImapSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var info = new ClientSessionInfo(session.Mailbox, "IMAP4", session.RemoteEndPoint?.Address, session.Id, time.GetUtcNow());
        session.Items[RegistrationKey] = sessions.Register(info, reason => session.End(ClientSessionEndReasons.Describe(reason)));
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(ImapSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Items.TryGetValue(RegistrationKey, out var registration) && registration is IDisposable disposable)
        {
            disposable.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A disabled or removed mailbox ends its open sessions (issue 4, login names).</summary>
    public async ValueTask<bool> IsStillAllowedAsync(Guid mailboxId, CancellationToken cancellationToken) =>
        await directory.ReadAsync(async reader => await reader.GetAsync(mailboxId, cancellationToken) is Mailbox { AccountDisabled: false }, cancellationToken);
}
