namespace Mailroom.Protocols.Smtp;

/// <summary>The commands the engine knows (RFC 5321 §4.1.1, RFC 3207, RFC 4954, RFC 3030).</summary>
public enum SmtpVerb
{
    Unknown,
    Ehlo,
    Helo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
    Auth,
}
