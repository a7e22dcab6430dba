using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Engine-wide limits and switches of the IMAP server. Bind from configuration section <c>Mailroom:Imap</c>;
/// docs/imap.md lists each with its default and why.
/// </summary>
public sealed class ImapServerOptions
{
    /// <summary>Name in the greeting and BYE. Default: host name.</summary>
    public string ServerName { get; set; } = Dns.GetHostName();

    /// <summary>Longest command line (or line fragment between literals), CRLF included. Longer: <c>* BAD [TOOBIG]</c>
    /// and the connection closes. RFC 9051 §4 sets no limit; 64 KiB is Dovecot's and fits long UID sets.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Largest literal the reader takes into memory (LOGIN passwords, SEARCH strings, mailbox names).
    /// APPEND's message literal streams and is bounded by <see cref="AppendLimit"/> instead.</summary>
    public int MaxLiteralSize { get; set; } = 64 * 1024;

    /// <summary>Largest command in memory: all lines and tokenized literals of one command together.</summary>
    public int MaxCommandSize { get; set; } = 1024 * 1024;

    /// <summary>Largest message APPEND accepts (RFC 7889 APPENDLIMIT); larger gets <c>NO [TOOBIG]</c>. Exchange's
    /// default receive limit is 35 MB; the mailbox's own quota still applies.</summary>
    public long AppendLimit { get; set; } = 35L * 1024 * 1024;

    /// <summary>Commands in the NotAuthenticated state before the connection closes (stops protocol probing).</summary>
    public int MaxCommandsBeforeLogin { get; set; } = 50;

    /// <summary>BAD responses tolerated per connection; one more ends it with <c>* BYE</c>.</summary>
    public int MaxBadCommands { get; set; } = 20;

    /// <summary>
    /// Allow LOGIN and AUTHENTICATE without TLS. False (default): plain-text login is refused before STARTTLS on
    /// any connection except loopback (LOGINDISABLED is advertised, no AUTH=), like Exchange's ImapSettings
    /// LoginType SecureLogin. Loopback connections may always log in, so the quick start works with any client.
    /// </summary>
    public bool AllowPlainTextLogin { get; set; }

    /// <summary>Wait for a command when not idling (RFC 9051 §5.4: an autologout timer of at least 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Wait for a command before login (shorter: unauthenticated connections are cheap to open).</summary>
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an IDLE may last before the server ends it with BYE (RFC 2177: clients re-IDLE every 29 minutes).</summary>
    public TimeSpan IdleCommandTimeout { get; set; } = TimeSpan.FromMinutes(31);

    /// <summary>Wait for the next octets of a literal.</summary>
    public TimeSpan LiteralTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Log every command and response line at Information under <c>Mailroom.Imap.Transcript</c>, with
    /// credentials redacted and literals summarised.</summary>
    public bool EnableTranscript { get; set; }

    /// <summary>Certificate for STARTTLS (implicit TLS listeners get theirs from Kestrel).</summary>
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
        if (MaxLineLength < 1024 || MaxLiteralSize < 1024 || MaxCommandSize < MaxLineLength || AppendLimit <= 0)
        {
            throw new InvalidOperationException("IMAP limits: MaxLineLength and MaxLiteralSize at least 1024, MaxCommandSize at least MaxLineLength, AppendLimit positive.");
        }

        if (IdleTimeout <= TimeSpan.Zero || LoginTimeout <= TimeSpan.Zero || IdleCommandTimeout <= TimeSpan.Zero || LiteralTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("IMAP timeouts must be positive.");
        }
    }
}
