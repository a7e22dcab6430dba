namespace Mailroom.Protocols.Smtp;

/// <summary>The mail transaction in progress: the accepted MAIL and the accepted RCPTs, in order.</summary>
public sealed class SmtpEnvelope(SmtpMailFrom mailFrom)
{
    private readonly List<SmtpRcptTo> _recipients = [];

    public SmtpMailFrom MailFrom { get; } = mailFrom;

    public IReadOnlyList<SmtpRcptTo> Recipients => _recipients;

    internal void Add(SmtpRcptTo recipient) => _recipients.Add(recipient);
}
