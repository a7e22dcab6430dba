namespace Mailroom.Protocols.Smtp;

/// <summary>A parsed <c>RCPT TO:</c> command.</summary>
public sealed record SmtpRcptTo(SmtpPath ForwardPath)
{
    /// <summary>NOTIFY= (RFC 3461 §4.1).</summary>
    public DsnNotify Notify { get; init; }

    /// <summary>The address type of ORCPT= (RFC 3461 §4.2), e.g. <c>rfc822</c> or <c>utf-8</c>.</summary>
    public string? OriginalRecipientType { get; init; }

    /// <summary>The address of ORCPT=, decoded from xtext.</summary>
    public string? OriginalRecipient { get; init; }
}
