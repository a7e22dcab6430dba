using System.Net;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Networking;
using Mailroom.Protocols.Imap.Parsing;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// One IMAP connection: what handlers read and change. The engine's machinery (command reading, the loop, change
/// hints) is split by concern into partial files.
/// </summary>
public sealed partial class ImapSession
{
    private readonly ImapSessionServices _services;
    private readonly CancellationTokenSource? _endRequested;
    private ImapExtensions _enabled;
    private string? _endReason;

    /// <param name="endRequested">Cancelled by <see cref="End"/>; <paramref name="timeouts"/>' token must be linked to it.</param>
    internal ImapSession(ImapSessionServices services, IConnectionTransport transport, ImapConnectionInfo connection, TimeoutControl timeouts,
        CancellationTokenSource? endRequested = null)
    {
        _services = services;
        _endRequested = endRequested;
        Transport = transport;
        Connection = connection;
        Timeouts = timeouts;
        Lines = new PipeLineReader(transport.Input);
        Writer = new ImapResponseWriter(transport);
    }

    /// <summary>The host's connection id.</summary>
    public string Id => Connection.ConnectionId;

    public ImapConnectionInfo Connection { get; }

    public IPEndPoint? RemoteEndPoint => Connection.RemoteEndPoint;

    public ImapState State { get; private set; } = ImapState.NotAuthenticated;

    /// <summary>Encrypted, by implicit TLS or STARTTLS.</summary>
    public bool IsTls => Transport.Tls is not null;

    /// <summary>The logged-in mailbox (the directory mailbox's Guid, the mailbox store's key); null before login.</summary>
    public Guid? MailboxId { get; private set; }

    /// <summary>The logged-in user's canonical name (for logs); null before login.</summary>
    public string? UserName { get; private set; }

    /// <summary>The logged-in mailbox; throws before login (handlers run after the state table checked it).</summary>
    public Guid Mailbox => MailboxId ?? throw new InvalidOperationException("Not authenticated.");

    public IMailboxStore Store => _services.Store;

    public IBlobStore Blobs => _services.Store.Blobs;

    public IImapBackend Backend => _services.Backend;

    public ImapServerOptions Options => _services.Options;

    public TimeProvider Time => _services.Time;

    public ILogger Logger => _services.Logger;

    /// <summary>Responses go here; the session writes the tagged completion itself.</summary>
    public ImapResponseWriter Writer { get; }

    /// <summary>The selected mailbox, or null outside the Selected state.</summary>
    public SelectedMailbox? Selected { get; private set; }

    /// <summary>Extensions turned on by ENABLE or by use.</summary>
    public ImapExtensions Enabled => _enabled;

    /// <summary>Cancelled when the connection closes or a timeout fires; pass it to every store call.</summary>
    public CancellationToken Aborted => Timeouts.Token;

    /// <summary>UTF-8 mailbox names and strings (IMAP4rev2 or UTF8=ACCEPT enabled).</summary>
    public bool Utf8 => (_enabled & (ImapExtensions.Utf8Accept | ImapExtensions.Imap4Rev2)) != 0;

    /// <summary>Per-session state of handlers' own (e.g. B's SEARCH context); keys are the handler's name.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Commands read so far.</summary>
    public int CommandCount { get; private set; }

    internal IConnectionTransport Transport { get; }

    internal PipeLineReader Lines { get; }

    internal TimeoutControl Timeouts { get; }

    internal ImapSessionServices Services => _services;

    internal MailboxSubscription? Subscription { get; private set; }

    /// <summary>Why <see cref="End"/> was called, or null.</summary>
    public string? EndReason => Volatile.Read(ref _endReason);

    /// <summary>
    /// Ends the session from outside (an administrator disabled the account, the mailbox was removed): whatever the
    /// session is doing, IDLE included, is cancelled, and it sends <c>* BYE</c> with <paramref name="reason"/> and closes
    /// (RFC 9051 §7.1.5). Thread-safe; later calls do nothing.
    /// </summary>
    public void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            try
            {
                _endRequested?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The session ended on its own meanwhile.
            }
        }
    }

    public bool IsEnabled(ImapExtensions extension) => (_enabled & extension) == extension;

    /// <summary>
    /// Turns extensions on (ENABLE, or RFC 7162 §3.1's implicit CONDSTORE enabling by SELECT (CONDSTORE), FETCH MODSEQ,
    /// STORE UNCHANGEDSINCE, SEARCH MODSEQ…). QRESYNC implies CONDSTORE. Returns the ones newly enabled.
    /// </summary>
    public ImapExtensions Enable(ImapExtensions extensions)
    {
        if ((extensions & ImapExtensions.QResync) != 0)
        {
            extensions |= ImapExtensions.CondStore;
        }

        var added = extensions & ~_enabled;
        _enabled |= extensions;
        Writer.Utf8 = Utf8;
        return added;
    }

    /// <summary>Logs in: the mailbox's change hints start flowing to this session at once.</summary>
    internal void SetAuthenticated(Guid mailboxId, string userName)
    {
        MailboxId = mailboxId;
        UserName = userName;
        Subscription = Store.Changes.Subscribe(mailboxId);
        State = ImapState.Authenticated;
    }

    /// <summary>Selects a mailbox view (SELECT/EXAMINE) or, with null, leaves the Selected state.</summary>
    public void SetSelected(SelectedMailbox? selected)
    {
        Selected = selected;
        if (State is ImapState.Authenticated or ImapState.Selected)
        {
            State = selected is null ? ImapState.Authenticated : ImapState.Selected;
        }
    }

    internal void SetState(ImapState state) => State = state;
}
