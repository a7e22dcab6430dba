namespace Mailroom.Protocols.Pop3;

/// <summary>The backend's answer to a login: the mailbox whose Inbox is the maildrop, or the -ERR to send.</summary>
public sealed record Pop3LoginResult
{
    private Pop3LoginResult()
    {
    }

    public bool Succeeded => MailboxId is not null;

    public Guid? MailboxId { get; private init; }

    /// <summary>The name to log and show, e.g. the UPN.</summary>
    public string? UserName { get; private init; }

    public Pop3Response? Error { get; private init; }

    public static Pop3LoginResult Success(Guid mailboxId, string userName) => new() { MailboxId = mailboxId, UserName = userName };

    /// <summary>Defaults to <c>-ERR [AUTH] Authentication failed</c> (RFC 3206 §4).</summary>
    public static Pop3LoginResult Failure(Pop3Response? error = null) => new() { Error = error ?? Pop3Responses.AuthenticationFailed };
}
