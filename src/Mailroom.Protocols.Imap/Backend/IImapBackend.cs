using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// What the IMAP engine asks of its host: who may connect and log in, and the quotas of a mailbox. The engine knows
/// nothing of the directory or transport; Mailroom.Server implements this over them.
/// </summary>
public interface IImapBackend
{
    /// <summary>Per-connection checks before the greeting (client access rules, per-IP limits). A refusal is sent as
    /// <c>* BYE</c> and the connection closes.</summary>
    ValueTask<ImapConnectResult> ConnectAsync(ImapConnectionInfo connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImapConnectResult.Accept);

    /// <summary>
    /// Checks a LOGIN or AUTHENTICATE. Wrong user and wrong password must give the same answer; throttling is the
    /// backend's (it answers <see cref="ImapAuthResult.Throttled"/>).
    /// </summary>
    ValueTask<ImapAuthResult> AuthenticateAsync(ImapConnectionInfo connection, SaslCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The mailbox's quota (RFC 9208), or null when it has none.</summary>
    ValueTask<ImapQuota?> GetQuotaAsync(Guid mailboxId, CancellationToken cancellationToken);

    /// <summary>Whether the user may still use the mailbox (asked on NOOP/IDLE wake-ups; false ends the session:
    /// a disabled or removed mailbox's open sessions end).</summary>
    ValueTask<bool> IsStillAllowedAsync(Guid mailboxId, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>Asked before every command of a logged-in session (and on IDLE wake-ups): whether client access rules
    /// and protocol switches, which may have changed since login, still allow it. False ends the session with
    /// <c>* BYE [AUTHORIZATIONFAILED]</c>. Must be cheap: answer from a cache.</summary>
    ValueTask<bool> IsSessionAllowedAsync(ImapConnectionInfo connection, Guid mailboxId, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>
    /// Called once a login succeeded, before its OK is sent. The host may keep what it needs in
    /// <see cref="ImapSession.Items"/> and end the session later from any thread with <see cref="ImapSession.End"/>
    /// (its session registry does, when the mailbox is disabled or removed).
    /// </summary>
    ValueTask LoggedInAsync(ImapSession session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Called once when a session ends, however it ends (logged in or not).</summary>
    ValueTask SessionEndedAsync(ImapSession session) => ValueTask.CompletedTask;
}

/// <summary>The connection as the host saw it.</summary>
public sealed record ImapConnectionInfo(
    string ConnectionId,
    System.Net.IPEndPoint? RemoteEndPoint,
    System.Net.IPEndPoint? LocalEndPoint,
    bool ImplicitTls,
    string? ListenerName);

/// <summary>Accept, or refuse with a reason sent in <c>* BYE</c>.</summary>
public sealed record ImapConnectResult(string? Refusal)
{
    public static ImapConnectResult Accept { get; } = new((string?)null);

    public static ImapConnectResult Refuse(string reason) => new(reason);
}

/// <summary>The outcome of a login attempt.</summary>
/// <param name="MailboxId">The directory mailbox's Guid: the key of its mailbox store.</param>
/// <param name="UserName">The canonical name (UPN) for logs.</param>
/// <param name="FailureCode">RFC 5530 code on failure: AUTHENTICATIONFAILED, UNAVAILABLE, AUTHORIZATIONFAILED, …</param>
public sealed record ImapAuthResult(Guid? MailboxId, string? UserName, string? FailureCode, string? FailureText)
{
    public bool Succeeded => MailboxId is not null;

    public static ImapAuthResult Success(Guid mailboxId, string userName) => new(mailboxId, userName, null, null);

    /// <summary>The one answer for an unknown user, a wrong password and a disabled account.</summary>
    public static ImapAuthResult Failed { get; } = new(null, null, "AUTHENTICATIONFAILED", "Authentication failed");

    public static ImapAuthResult Throttled { get; } = new(null, null, "UNAVAILABLE", "Too many failed logins; try again later");

    public static ImapAuthResult Unavailable { get; } = new(null, null, "UNAVAILABLE", "Authentication is temporarily unavailable");
}

/// <summary>
/// RFC 9208 resource limits of one quota root, in the units IMAP uses: STORAGE in KiB (1024 octets), MESSAGE in
/// messages. A null limit is not reported.
/// </summary>
public sealed record ImapQuota(long? StorageLimitKiB, long? MessageLimit);
