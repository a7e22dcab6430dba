namespace Mailroom.Protocols.Smtp;

/// <summary>MAIL BODY= (RFC 6152 8BITMIME, RFC 3030 BINARYMIME).</summary>
public enum SmtpBodyType
{
    /// <summary>No BODY parameter: 7-bit text per RFC 5321, though many clients send 8-bit anyway.</summary>
    Unspecified,
    SevenBit,
    EightBitMime,
    BinaryMime,
}

/// <summary>MAIL RET= (RFC 3461 §4.3): how much of the message a failure DSN returns.</summary>
public enum DsnReturn
{
    Unspecified,
    Full,
    Headers,
}

/// <summary>RCPT NOTIFY= (RFC 3461 §4.1).</summary>
[Flags]
public enum DsnNotify
{
    /// <summary>No NOTIFY parameter: the server's default (failure and delay).</summary>
    Unspecified = 0,
    Never = 1,
    Success = 2,
    Failure = 4,
    Delay = 8,
}
