using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// What the POP3 engine asks of its host: who a user is, and hooks around a logged-in session. The engine itself opens
/// and locks the maildrop (the mailbox's Inbox in <see cref="Mailboxes.IMailboxStore"/>) and applies deletions at QUIT.
/// Calls get a token cancelled when the connection goes away.
/// </summary>
public interface IPop3Backend
{
    /// <summary>Per-connection checks before the greeting (client access rules); a response refuses the connection
    /// with it instead of the greeting, and the session closes.</summary>
    ValueTask<Pop3Response?> ConnectAsync(Pop3ConnectionInfo connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Pop3Response?>(null);

    /// <summary>
    /// Checks USER/PASS or SASL credentials. Wrong user and wrong password must fail alike (<see cref="Pop3LoginResult.Failure"/>
    /// gives <c>-ERR [AUTH]</c>); throttling answers with <c>[SYS/TEMP]</c> or <c>[LOGIN-DELAY]</c>, a disabled account
    /// may answer <c>[SYS/PERM]</c> only after the password was right.
    /// </summary>
    ValueTask<Pop3LoginResult> AuthenticateAsync(Pop3Session session, SaslCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The maildrop is open and locked: the session is in TRANSACTION. Register it for <see cref="Pop3Session.End"/> here.</summary>
    ValueTask LoggedInAsync(Pop3Session session, CancellationToken cancellationToken);

    /// <summary>Called once when every session ends, logged in or not.</summary>
    ValueTask SessionEndedAsync(Pop3Session session);
}
