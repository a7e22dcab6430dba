namespace Mailroom.Networking;

public enum SaslStatus
{
    /// <summary>The server sends <see cref="SaslStep.Challenge"/> (base64) and waits for a response.</summary>
    Challenge,

    /// <summary>The exchange produced credentials to verify.</summary>
    Completed,

    /// <summary>The client's response was not valid base64 (SMTP: 501 5.5.2, RFC 4954 §4).</summary>
    InvalidBase64,

    /// <summary>The decoded response breaks the mechanism's syntax (e.g. RFC 4616 message format).</summary>
    Malformed,

    /// <summary>The client sent "*" (RFC 4954 §4, RFC 9051 §6.2.2).</summary>
    Cancelled,
}

/// <summary>One step of a server-side SASL exchange.</summary>
public readonly record struct SaslStep(SaslStatus Status, string? Challenge = null, SaslCredentials? Credentials = null)
{
    public static SaslStep Challenging(string base64) => new(SaslStatus.Challenge, base64);

    public static SaslStep Done(SaslCredentials credentials) => new(SaslStatus.Completed, Credentials: credentials);

    public static SaslStep Fail(SaslStatus status) => new(status);
}
