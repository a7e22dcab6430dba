using System.Net;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// One SMTP connection. The public members are what the backend may read; the engine's machinery is internal and
/// split by concern into partial files (I/O, command loop, transaction).
/// </summary>
public sealed partial class SmtpSession
{
    private readonly SmtpSessionServices _services;

    /// <summary>Signalled when the server stops, so the session closes with 421 rather than silently.</summary>
    internal CancellationToken ShuttingDown { get; init; }

    internal SmtpSession(SmtpSessionServices services, IConnectionTransport transport, SmtpConnectionInfo connection,
        SmtpPolicy policy, TimeoutControl timeouts)
    {
        _services = services;
        Transport = transport;
        Connection = connection;
        Policy = policy;
        Timeouts = timeouts;
        Lines = new PipeLineReader(transport.Input);
        ConnectedAt = services.Time.GetUtcNow();
        Transcript = new SmtpTranscript(services.TranscriptLogger, services.Options.EnableTranscript, connection.ConnectionId);
    }

    /// <summary>The host's connection id.</summary>
    public string Id => Connection.ConnectionId;

    public SmtpConnectionInfo Connection { get; }

    /// <summary>The receive connector's rules chosen by <see cref="ISmtpBackend.ConnectAsync"/>.</summary>
    public SmtpPolicy Policy { get; }

    public IPEndPoint? RemoteEndPoint => Connection.RemoteEndPoint;

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Encrypted, by implicit TLS or STARTTLS.</summary>
    public bool IsTls => Transport.Tls is not null;

    public TlsInfo? Tls => Transport.Tls;

    /// <summary>The EHLO/HELO argument; null before it and again after STARTTLS (RFC 3207 §4.2).</summary>
    public string? HeloName { get; private set; }

    /// <summary>The client said EHLO rather than HELO.</summary>
    public bool IsExtended { get; private set; }

    /// <summary>The backend's object for the authenticated user (<see cref="SmtpAuthResult.User"/>).</summary>
    public object? AuthenticatedUser { get; private set; }

    public string? AuthenticatedUserName { get; private set; }

    public bool IsAuthenticated => AuthenticatedUser is not null;

    /// <summary>The mail transaction in progress, or null.</summary>
    public SmtpEnvelope? Transaction { get; private set; }

    /// <summary>Where the session is in the command sequence.</summary>
    public SmtpState State { get; internal set; }

    /// <summary>Messages accepted on this connection so far.</summary>
    public int MessagesAccepted { get; internal set; }

    /// <summary>The "with" keyword of a Received header for this session: SMTP, ESMTP[S][A] (RFC 3848) or
    /// UTF8SMTP[S][A] for an SMTPUTF8 transaction (RFC 6531 §3.7.3).</summary>
    public string ReceivedProtocol => !IsExtended ? "SMTP"
        : (Utf8Transaction ? "UTF8SMTP" : "ESMTP") + (IsTls ? "S" : string.Empty) + (IsAuthenticated ? "A" : string.Empty);

    /// <summary>Per-session state of the backend's own (throttling budgets, the resolved connector object).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    internal IConnectionTransport Transport { get; }

    internal PipeLineReader Lines { get; }

    internal TimeoutControl Timeouts { get; }

    internal SmtpTranscript Transcript { get; }

    internal SmtpServerOptions Options => _services.Options;

    internal ISmtpBackend Backend => _services.Backend;

    internal SmtpSessionServices Services => _services;

    internal int CommandCount { get; private set; }

    internal int BadCommandCount { get; private set; }

    internal bool Utf8Transaction => Transaction?.MailFrom.SmtpUtf8 == true;

    internal void SetHello(string name, bool extended)
    {
        HeloName = name;
        IsExtended = extended;
    }

    internal void SetAuthenticated(object user, string userName)
    {
        AuthenticatedUser = user;
        AuthenticatedUserName = userName;
    }
}
