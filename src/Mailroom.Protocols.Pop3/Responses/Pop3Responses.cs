namespace Mailroom.Protocols.Pop3;

/// <summary>The engine's fixed responses, in one place so docs/pop3.md and the tests can list them.</summary>
public static class Pop3Responses
{
    public static readonly Pop3Response UnknownCommand = Pop3Response.Err("Unknown command");
    public static readonly Pop3Response SyntaxError = Pop3Response.Err("Syntax error in arguments");
    public static readonly Pop3Response NoSuchMessage = Pop3Response.Err("No such message");
    public static readonly Pop3Response MessageDeleted = Pop3Response.Err("Message already deleted");
    public static readonly Pop3Response LineTooLong = Pop3Response.Err("Line too long");
    public static readonly Pop3Response NulCharacter = Pop3Response.Err("NUL octets are not allowed in commands");
    public static readonly Pop3Response NotInThisState = Pop3Response.Err("Command not valid in this state");
    public static readonly Pop3Response AlreadyAuthenticated = Pop3Response.Err("Already authenticated");
    public static readonly Pop3Response UserFirst = Pop3Response.Err("Send USER first");
    public static readonly Pop3Response TlsAlreadyActive = Pop3Response.Err("TLS is already active");
    public static readonly Pop3Response TlsUnavailable = Pop3Response.Err("STLS is not available");
    public static readonly Pop3Response BeginTls = Pop3Response.Ok("Begin TLS negotiation");
    public static readonly Pop3Response UserAccepted = Pop3Response.Ok("Send your password");
    public static readonly Pop3Response Noop = Pop3Response.Ok(string.Empty);
    public static readonly Pop3Response Deleted = Pop3Response.Ok("Message deleted");
    public static readonly Pop3Response Capabilities = Pop3Response.Ok("Capability list follows");

    /// <summary>RFC 3206 §4: the same answer for an unknown user and a wrong password.</summary>
    public static readonly Pop3Response AuthenticationFailed = Pop3Response.Err(Pop3ResponseCode.Auth, "Authentication failed");

    /// <summary>RFC 2595 §4: plaintext credentials before TLS are refused when the login type is SecureLogin.</summary>
    public static readonly Pop3Response TlsRequired = Pop3Response.Err(Pop3ResponseCode.Auth, "Plain-text login is disabled; use STLS or the implicit TLS port first");

    public static readonly Pop3Response UnsupportedMechanism = Pop3Response.Err("Unrecognized authentication mechanism");
    public static readonly Pop3Response AuthenticationCancelled = Pop3Response.Err("Authentication cancelled");
    public static readonly Pop3Response InvalidBase64 = Pop3Response.Err(Pop3ResponseCode.Auth, "Invalid base64 in the SASL response");
    public static readonly Pop3Response MaildropInUse = Pop3Response.Err(Pop3ResponseCode.InUse, "The maildrop is already in use by another session");
    public static readonly Pop3Response MaildropUnavailable = Pop3Response.Err(Pop3ResponseCode.SysTemp, "The maildrop cannot be opened now; try again later");
    public static readonly Pop3Response TemporaryFailure = Pop3Response.Err(Pop3ResponseCode.SysTemp, "Temporary server failure; try again later");
    public static readonly Pop3Response TooManyErrors = Pop3Response.Err("Too many errors; closing the connection");
    public static readonly Pop3Response TooManyCommands = Pop3Response.Err("Too many commands; closing the connection");
    public static readonly Pop3Response Timeout = Pop3Response.Err("Autologout; idle for too long");
    public static readonly Pop3Response Ended = Pop3Response.Err(Pop3ResponseCode.SysPerm, "The session was ended by the server");
    public static readonly Pop3Response UpdateFailed = Pop3Response.Err(Pop3ResponseCode.SysTemp, "Some deleted messages were not removed");
    public static readonly Pop3Response MessageVanished = Pop3Response.Err("Message was removed by another client");

    public static Pop3Response Goodbye(string serverName) => Pop3Response.Ok($"{serverName} POP3 server signing off");
}
