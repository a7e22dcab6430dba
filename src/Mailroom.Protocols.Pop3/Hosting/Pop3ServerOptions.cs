using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>How USER/PASS and AUTH are allowed before TLS; the names are Exchange's <c>Set-PopSettings -LoginType</c> values.</summary>
public enum Pop3LoginType
{
    /// <summary>Exchange's default: credentials only after STLS or on the implicit TLS port (RFC 2595 §4). USER and
    /// SASL are not advertised in CAPA before TLS.</summary>
    SecureLogin,

    /// <summary>Credentials are accepted in plain text too (for trusted networks and old clients).</summary>
    PlainTextLogin,
}

/// <summary>Engine-wide limits and switches, bound from <c>Mailroom:Pop3</c>; docs/pop3.md lists each with its default.</summary>
public sealed class Pop3ServerOptions
{
    public const int MinimumCommandLine = 255;

    /// <summary>Name in the greeting and the QUIT response. Default: host name.</summary>
    public string ServerName { get; set; } = Dns.GetHostName();

    public Pop3LoginType LoginType { get; set; } = Pop3LoginType.SecureLogin;

    /// <summary>Command line limit including CRLF; RFC 2449 §4 raised POP3's to 255, the minimum here.</summary>
    public int MaxCommandLineLength { get; set; } = 1024;

    /// <summary>A SASL response line after a "+ " continuation (RFC 5034 §4 leaves it unbounded).</summary>
    public int MaxSaslLineLength { get; set; } = 12_288;

    /// <summary>RFC 1939 §3: an inactivity autologout timer of at least 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Commands per connection before the server closes it.</summary>
    public int MaxCommandsPerSession { get; set; } = 100_000;

    /// <summary>Protocol errors (unknown commands, bad syntax, wrong state) tolerated per connection.</summary>
    public int MaxBadCommands { get; set; } = 20;

    /// <summary>Failed logins per connection before it is closed (the per-account and per-IP throttle is the backend's).</summary>
    public int MaxLoginFailures { get; set; } = 3;

    /// <summary>Open connections per remote address (0: no limit, as Exchange's MaxConnectionFromSingleIP default).</summary>
    public int MaxConnectionsPerAddress { get; set; }

    /// <summary>Messages retrieved with RETR get \Seen when the session ends with QUIT, so IMAP shows them read.</summary>
    public bool MarkRetrievedAsSeen { get; set; } = true;

    /// <summary>Log every command and response status under <c>Mailroom.Pop3.Transcript</c>, credentials redacted.</summary>
    public bool EnableTranscript { get; set; }

    /// <summary>STLS certificate (the node certificate); without one STLS isn't offered.</summary>
    /// <remarks>Setting it makes <see cref="Certificates"/> that one certificate.</remarks>
    public X509Certificate2? Certificate
    {
        get => (Certificates as FixedServerCertificate)?.Certificate;
        set => Certificates = value is null ? null : new FixedServerCertificate(value);
    }

    /// <summary>Where STLS gets its certificate for each handshake (by SNI name, picking up newly enabled certificates); null: no TLS upgrade is offered.</summary>
    public IServerCertificateSource? Certificates { get; set; }

    public SslProtocols EnabledSslProtocols { get; set; } = SslProtocols.None;

    internal void Validate()
    {
        if (MaxCommandLineLength < MinimumCommandLine || MaxSaslLineLength < MinimumCommandLine)
        {
            throw new InvalidOperationException($"POP3 line limits must be at least {MinimumCommandLine} (RFC 2449 §4).");
        }

        if (IdleTimeout <= TimeSpan.Zero || MaxCommandsPerSession <= 0 || MaxBadCommands < 0 || MaxLoginFailures <= 0 || MaxConnectionsPerAddress < 0)
        {
            throw new InvalidOperationException("POP3 timeouts and limits must be positive.");
        }
    }
}
