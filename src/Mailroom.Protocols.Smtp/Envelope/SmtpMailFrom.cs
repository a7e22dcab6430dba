namespace Mailroom.Protocols.Smtp;

/// <summary>A parsed <c>MAIL FROM:</c> command.</summary>
public sealed record SmtpMailFrom(SmtpPath ReversePath)
{
    /// <summary>SIZE= (RFC 1870), the client's estimate; enforced against the limit, never trusted.</summary>
    public long? Size { get; init; }

    public SmtpBodyType Body { get; init; }

    /// <summary>SMTPUTF8 (RFC 6531 §3.4): addresses and headers of this transaction may be UTF-8.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>RET= (RFC 3461 §4.3).</summary>
    public DsnReturn Return { get; init; }

    /// <summary>ENVID= decoded from xtext (RFC 3461 §4.4).</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>
    /// AUTH= decoded from xtext (RFC 4954 §5): the submitter claimed by a trusted relay; empty for <c>AUTH=&lt;&gt;</c>.
    /// Not verified by the engine: treat as <c>&lt;&gt;</c> unless the session is trusted.
    /// </summary>
    public string? Auth { get; init; }
}
