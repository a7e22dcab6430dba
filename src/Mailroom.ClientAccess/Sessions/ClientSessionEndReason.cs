namespace Mailroom.ClientAccess.Sessions;

/// <summary>Why the server ends a client's session from outside the protocol.</summary>
public enum ClientSessionEndReason
{
    /// <summary>The account was disabled (Set-Mailbox -AccountDisabled $true).</summary>
    AccountDisabled,

    /// <summary>The mailbox was removed (Remove-Mailbox).</summary>
    MailboxRemoved,

    /// <summary>A client access rule or a protocol switch (Set-CASMailbox) now denies the session.</summary>
    AccessDenied,
}

public static class ClientSessionEndReasons
{
    /// <summary>The text a protocol sends before closing (IMAP BYE, POP3 -ERR [SYS/PERM]).</summary>
    public static string Describe(ClientSessionEndReason reason) => reason switch
    {
        ClientSessionEndReason.AccountDisabled => "The account has been disabled",
        ClientSessionEndReason.MailboxRemoved => "The mailbox has been removed",
        ClientSessionEndReason.AccessDenied => "Access denied by policy",
        _ => "The session was ended by the server",
    };
}
