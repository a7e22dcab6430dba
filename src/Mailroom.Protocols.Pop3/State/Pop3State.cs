namespace Mailroom.Protocols.Pop3;

/// <summary>The session states of RFC 1939 §3, with AUTHORIZATION split at USER so PASS has a name to follow.</summary>
public enum Pop3State
{
    /// <summary>Before login (RFC 1939 §4).</summary>
    Authorization,

    /// <summary>USER was accepted; PASS (or QUIT) is expected next (RFC 1939 §7).</summary>
    UserGiven,

    /// <summary>Logged in with the maildrop open and locked (RFC 1939 §5).</summary>
    Transaction,

    /// <summary>QUIT from TRANSACTION is applying the deletions (RFC 1939 §6); the session ends after it.</summary>
    Update,
}
