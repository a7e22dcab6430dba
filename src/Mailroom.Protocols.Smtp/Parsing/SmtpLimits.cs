namespace Mailroom.Protocols.Smtp;

/// <summary>Protocol length limits, in octets (RFC 5321 §4.5.3.1 and the extensions' additions).</summary>
public static class SmtpLimits
{
    /// <summary>Command line including CRLF (§4.5.3.1.4).</summary>
    public const int CommandLine = 512;

    /// <summary>Text line of message content including CRLF (§4.5.3.1.6).</summary>
    public const int TextLine = 1000;

    public const int LocalPart = 64;

    public const int Domain = 255;

    /// <summary>Reverse or forward path including the angle brackets (§4.5.3.1.3).</summary>
    public const int Path = 256;

    /// <summary>SASL response lines and AUTH command (RFC 4954 §4).</summary>
    public const int AuthLine = 12288;

    /// <summary>MAIL may grow by SIZE (26, RFC 1870 §3), BODY (16, RFC 6152), RET/ENVID (100, RFC 3461 §4),
    /// AUTH (500, RFC 4954 §5) and SMTPUTF8 (10, RFC 6531 §3.4).</summary>
    public const int MailExtensions = 26 + 16 + 100 + 500 + 10;

    /// <summary>RCPT may grow by NOTIFY and ORCPT (500, RFC 3461 §4).</summary>
    public const int RcptExtensions = 500;

    /// <summary>ENVID value (RFC 3461 §4.4).</summary>
    public const int EnvelopeId = 100;

    /// <summary>ORCPT value (RFC 3461 §4.2).</summary>
    public const int OriginalRecipient = 500;

    /// <summary>The longest line accepted for <paramref name="verb"/>, including CRLF.</summary>
    public static int LineLimit(SmtpVerb verb, int commandLine) => verb switch
    {
        SmtpVerb.Mail => commandLine + MailExtensions,
        SmtpVerb.Rcpt => commandLine + RcptExtensions,
        SmtpVerb.Auth => Math.Max(commandLine, AuthLine),
        _ => commandLine,
    };
}
