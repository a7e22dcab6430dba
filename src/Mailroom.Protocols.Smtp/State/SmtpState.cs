namespace Mailroom.Protocols.Smtp;

/// <summary>Where a session is in RFC 5321's command sequence (§4.1.4, §3.3; RFC 3030 for chunking).</summary>
public enum SmtpState
{
    /// <summary>Greeted with 554: only QUIT is accepted (RFC 5321 §3.1).</summary>
    Refused,

    /// <summary>Greeted with 220 (or just after STARTTLS): waiting for EHLO/HELO.</summary>
    Connected,

    /// <summary>After EHLO/HELO, no mail transaction.</summary>
    Ready,

    /// <summary>MAIL accepted, no recipient yet.</summary>
    MailGiven,

    /// <summary>At least one RCPT accepted.</summary>
    RcptGiven,

    /// <summary>BDAT chunks received, LAST not yet.</summary>
    Chunking,
}
