namespace Mailroom.Protocols.Smtp;

/// <summary>The backend's answer to a new connection: a policy to run the session with, or a refusal.</summary>
public sealed class SmtpConnectResult
{
    private SmtpConnectResult(SmtpPolicy? policy, SmtpReply? refusal)
    {
        Policy = policy;
        Refusal = refusal;
    }

    public SmtpPolicy? Policy { get; }

    public SmtpReply? Refusal { get; }

    public static SmtpConnectResult Accept(SmtpPolicy policy) => new(policy ?? throw new ArgumentNullException(nameof(policy)), null);

    /// <summary>
    /// Refuses the connection with <paramref name="greeting"/> instead of 220. A 554 keeps the connection open and
    /// answers every command but QUIT with 503 (RFC 5321 §3.1); any other code closes it after the reply.
    /// </summary>
    public static SmtpConnectResult Refuse(SmtpReply greeting)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        if (greeting.Code is not (421 or 554))
        {
            throw new ArgumentException("A refusing greeting is 421 or 554 (RFC 5321 §3.1, §4.2.2).", nameof(greeting));
        }

        return new SmtpConnectResult(null, greeting);
    }
}
