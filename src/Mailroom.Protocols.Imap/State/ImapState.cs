namespace Mailroom.Protocols.Imap;

/// <summary>The connection states of RFC 9051 §3.</summary>
public enum ImapState
{
    /// <summary>Greeted; the client must authenticate (§3.1).</summary>
    NotAuthenticated,

    /// <summary>Logged in, no mailbox selected (§3.2).</summary>
    Authenticated,

    /// <summary>A mailbox is selected (§3.3).</summary>
    Selected,

    /// <summary>LOGOUT ran or the server is closing (§3.4): nothing more is read.</summary>
    Logout,
}
