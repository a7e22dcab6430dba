namespace Mailroom.Protocols.Smtp;

/// <summary>The backend's answer to DATA or a first BDAT: a sink for the body, or a refusal.</summary>
public sealed class SmtpMessageStart
{
    private SmtpMessageStart(ISmtpMessageSink? sink, SmtpReply? refusal)
    {
        Sink = sink;
        Refusal = refusal;
    }

    public ISmtpMessageSink? Sink { get; }

    public SmtpReply? Refusal { get; }

    public static SmtpMessageStart Accept(ISmtpMessageSink sink) => new(sink ?? throw new ArgumentNullException(nameof(sink)), null);

    /// <summary>E.g. <c>452 4.3.1 Insufficient system resources</c> under back pressure (Exchange §8.4).</summary>
    public static SmtpMessageStart Refuse(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.IsPositive ? throw new ArgumentException("A refusal is a 4xx or 5xx reply.", nameof(reply)) : new(null, reply);
    }
}
