using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>The EHLO keywords advertised to a session (RFC 5321 §4.1.1.1), in Exchange's order.</summary>
internal static class EhloExtensions
{
    public static IEnumerable<string> For(SmtpSession session)
    {
        var options = session.Options;
        var policy = session.Policy;
        yield return "SIZE " + policy.MaxMessageSize.ToString(System.Globalization.CultureInfo.InvariantCulture); // RFC 1870
        yield return "PIPELINING"; // RFC 2920
        yield return "DSN"; // RFC 3461
        yield return "ENHANCEDSTATUSCODES"; // RFC 2034
        if (CanStartTls(session))
        {
            yield return "STARTTLS"; // RFC 3207
        }

        if (CanAuthenticate(session))
        {
            yield return "AUTH " + string.Join(' ', SaslMechanisms.All); // RFC 4954
        }

        yield return "8BITMIME"; // RFC 6152
        if (options.AdvertiseBinaryMime && options.AdvertiseChunking)
        {
            yield return "BINARYMIME"; // RFC 3030 §3
        }

        if (options.AdvertiseChunking)
        {
            yield return "CHUNKING"; // RFC 3030 §2
        }

        yield return "SMTPUTF8"; // RFC 6531
    }

    /// <summary>STARTTLS only before TLS, when the connector allows it and a certificate exists.</summary>
    public static bool CanStartTls(SmtpSession session) =>
        !session.IsTls && session.Policy.OfferStartTls && (session.Policy.Certificate is not null || session.Options.Certificates is not null);

    /// <summary>AUTH only over TLS unless the connector allows plaintext passwords (BasicAuth without RequireTLS).</summary>
    public static bool CanAuthenticate(SmtpSession session) =>
        session.Policy.OfferAuthentication && (session.IsTls || session.Policy.AllowPlaintextAuthentication);
}
