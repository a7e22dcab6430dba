using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Engine-wide limits and switches (per-connector rules come from <see cref="SmtpPolicy"/>). Bind from configuration
/// section <c>Mailroom:Smtp</c>; docs/smtp.md lists each with its default and source.
/// </summary>
public sealed class SmtpServerOptions
{
    /// <summary>Name used in replies sent before a policy exists (backend failure at connect). Default: host name.</summary>
    public string ServerName { get; set; } = Dns.GetHostName();

    /// <summary>Command line limit including CRLF; RFC 5321 §4.5.3.1.4 sets 512 as the minimum. MAIL, RCPT and AUTH
    /// get the extensions' allowances on top (<see cref="SmtpLimits"/>).</summary>
    public int MaxCommandLineLength { get; set; } = SmtpLimits.CommandLine;

    /// <summary>Message text line limit in DATA, including CRLF (RFC 5321 §4.5.3.1.6, RFC 5322 §2.1.1); 0: no limit.
    /// A longer line fails the message after its end with 554 5.6.0. BDAT content has no line limit.</summary>
    public int MaxMessageLineLength { get; set; } = SmtpLimits.TextLine;

    /// <summary>Commands per connection before <c>421 4.7.0</c>.</summary>
    public int MaxCommandsPerSession { get; set; } = 10_000;

    /// <summary>Protocol errors tolerated per connection; the next one gets <c>421 4.7.0</c> (Exchange MaxProtocolErrors: 5).</summary>
    public int MaxBadCommands { get; set; } = 5;

    /// <summary>Wait for a command or SASL response (RFC 5321 §4.5.3.2.7: at least 5 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait for the next bytes of DATA or BDAT content (RFC 5321 §4.5.3.2.5/6).</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fail messages whose DATA contains a bare LF (554 5.6.0), so no LF-only line ending reaches a
    /// downstream server that would read it as the end of data (SMTP smuggling).</summary>
    public bool RejectBareLineFeedInMessage { get; set; } = true;

    /// <summary>Advertise CHUNKING (RFC 3030).</summary>
    public bool AdvertiseChunking { get; set; } = true;

    /// <summary>Advertise BINARYMIME (RFC 3030 §3); off until the transport can relay binary content.</summary>
    public bool AdvertiseBinaryMime { get; set; }

    /// <summary>Log every command and reply at Information under category <c>Mailroom.Smtp.Transcript</c>, with AUTH
    /// payloads redacted and message content summarised.</summary>
    public bool EnableTranscript { get; set; }

    /// <summary>STARTTLS certificate for connectors without their own (<see cref="SmtpPolicy.Certificate"/>).</summary>
    /// <remarks>Setting it makes <see cref="Certificates"/> that one certificate.</remarks>
    public X509Certificate2? Certificate
    {
        get => (Certificates as FixedServerCertificate)?.Certificate;
        set => Certificates = value is null ? null : new FixedServerCertificate(value);
    }

    /// <summary>Where STARTTLS gets its certificate for each handshake (by SNI name, picking up newly enabled certificates); null: no TLS upgrade is offered.</summary>
    public IServerCertificateSource? Certificates { get; set; }

    /// <summary>TLS versions for STARTTLS; None lets the operating system choose.</summary>
    public SslProtocols EnabledSslProtocols { get; set; } = SslProtocols.None;

    internal void Validate()
    {
        if (MaxCommandLineLength < SmtpLimits.CommandLine)
        {
            throw new InvalidOperationException($"MaxCommandLineLength must be at least {SmtpLimits.CommandLine} (RFC 5321 §4.5.3.1.4).");
        }

        if (MaxMessageLineLength is < 0 or > 0 and < SmtpLimits.TextLine)
        {
            throw new InvalidOperationException($"MaxMessageLineLength must be 0 or at least {SmtpLimits.TextLine} (RFC 5321 §4.5.3.1.6).");
        }

        if (IdleTimeout <= TimeSpan.Zero || DataTimeout <= TimeSpan.Zero || MaxCommandsPerSession <= 0 || MaxBadCommands < 0)
        {
            throw new InvalidOperationException("SMTP timeouts and command limits must be positive.");
        }
    }
}
