using System.Net;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// One POP3 connection. The public members are what the backend may read (and <see cref="End"/>, which it may call
/// from any thread); the engine's machinery is internal and split by concern into partial files.
/// </summary>
public sealed partial class Pop3Session
{
    private readonly Pop3SessionServices _services;
    private readonly CancellationTokenSource _endRequested;
    private IAsyncDisposable? _maildropLock;
    private string? _endReason;

    internal Pop3Session(Pop3SessionServices services, IConnectionTransport transport, Pop3ConnectionInfo connection,
        TimeoutControl timeouts, CancellationTokenSource endRequested)
    {
        _services = services;
        _endRequested = endRequested;
        Transport = transport;
        Connection = connection;
        Timeouts = timeouts;
        Lines = new PipeLineReader(transport.Input);
        ConnectedAt = services.Time.GetUtcNow();
        Transcript = new Pop3Transcript(services.TranscriptLogger, services.Options.EnableTranscript, connection.ConnectionId);
    }

    /// <summary>The host's connection id.</summary>
    public string Id => Connection.ConnectionId;

    public Pop3ConnectionInfo Connection { get; }

    public IPEndPoint? RemoteEndPoint => Connection.RemoteEndPoint;

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Encrypted, by implicit TLS or STLS.</summary>
    public bool IsTls => Transport.Tls is not null;

    public TlsInfo? Tls => Transport.Tls;

    public Pop3State State { get; internal set; }

    /// <summary>The mailbox whose Inbox is the maildrop, once logged in.</summary>
    public Guid? MailboxId { get; private set; }

    /// <summary>The name the backend returned at login (e.g. the UPN).</summary>
    public string? UserName { get; private set; }

    /// <summary>The open maildrop in TRANSACTION state.</summary>
    public Pop3Maildrop? Maildrop { get; private set; }

    /// <summary>Per-session state of the backend's own (its session registration, say).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Why <see cref="End"/> was called, or null.</summary>
    public string? EndReason => Volatile.Read(ref _endReason);

    internal IConnectionTransport Transport { get; }

    internal PipeLineReader Lines { get; }

    internal TimeoutControl Timeouts { get; }

    internal Pop3Transcript Transcript { get; }

    internal Pop3ServerOptions Options => _services.Options;

    internal Pop3SessionServices Services => _services;

    internal int CommandCount { get; private set; }

    internal int BadCommandCount { get; private set; }

    internal int LoginFailures { get; set; }

    /// <summary>The name given by USER, waiting for PASS.</summary>
    internal string? PendingUser { get; set; }

    /// <summary>Messages sent whole by RETR (indexes), for \Seen at QUIT.</summary>
    internal HashSet<int> Retrieved { get; } = [];

    /// <summary>
    /// Ends the session from outside (an administrator disabled the account, the mailbox was removed): the session
    /// sends <c>-ERR [SYS/PERM]</c> with <paramref name="reason"/> and closes, without applying deletions, as a dropped
    /// connection would (RFC 1939 §6). Thread-safe; later calls do nothing.
    /// </summary>
    public void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            try
            {
                _endRequested.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The session ended on its own meanwhile.
            }
        }
    }

    internal void CountCommand() => CommandCount++;

    internal int CountBadCommand() => ++BadCommandCount;

    internal void SetLoggedIn(Guid mailboxId, string userName, IAsyncDisposable maildropLock, Pop3Maildrop maildrop)
    {
        MailboxId = mailboxId;
        UserName = userName;
        _maildropLock = maildropLock;
        Maildrop = maildrop;
    }

    internal async ValueTask ReleaseMaildropAsync()
    {
        if (Interlocked.Exchange(ref _maildropLock, null) is { } held)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}
