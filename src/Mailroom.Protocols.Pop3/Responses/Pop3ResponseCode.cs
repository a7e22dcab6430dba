namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Extended response codes in brackets after <c>-ERR</c> (RFC 2449 §8), advertised by CAPA's RESP-CODES and
/// AUTH-RESP-CODE. They tell a client whether to ask the user for a new password or simply to try again later.
/// </summary>
public static class Pop3ResponseCode
{
    /// <summary>RFC 2449 §8.1.1: the maildrop is locked by another session (or the server could not get a lock).</summary>
    public const string InUse = "IN-USE";

    /// <summary>RFC 2449 §8.1.2: the user logged in too recently and must wait.</summary>
    public const string LoginDelay = "LOGIN-DELAY";

    /// <summary>RFC 3206 §4: a problem with the credentials; asking the user again may help.</summary>
    public const string Auth = "AUTH";

    /// <summary>RFC 3206 §5: a temporary problem on the server side; try again later without asking the user.</summary>
    public const string SysTemp = "SYS/TEMP";

    /// <summary>RFC 3206 §5: a permanent problem on the server side (an account that is disabled, say); don't retry.</summary>
    public const string SysPerm = "SYS/PERM";
}
