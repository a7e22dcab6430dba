using System.Collections.Concurrent;

namespace Mailroom.ClientAccess.Sessions;

/// <summary>
/// The logged-in IMAP and POP3 sessions of this node, by mailbox, so the server can end them when the mailbox's
/// account is disabled or removed. A protocol registers a session right after login with a callback that ends it,
/// and disposes the registration when the session ends:
/// <code>
/// var registration = registry.Register(new ClientSessionInfo(mailboxId, "POP3", remote, id, now), reason => session.End(reason));
/// ...
/// registration.Dispose();   // in the session's end hook
/// </code>
/// The registry is per node; <see cref="MailboxAccessMonitor"/> re-reads the registered mailboxes from the shared
/// directory, which is how a change made on another node of an array reaches sessions here.
/// </summary>
public sealed class ClientSessionRegistry
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Registration, byte>> _byMailbox = new();

    /// <summary>Registers a logged-in session. <paramref name="end"/> may be called from any thread, at most once.</summary>
    public IDisposable Register(ClientSessionInfo session, Action<ClientSessionEndReason> end)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(end);
        var registration = new Registration(this, session, end);
        _byMailbox.GetOrAdd(session.MailboxId, _ => new ConcurrentDictionary<Registration, byte>()).TryAdd(registration, 0);
        return registration;
    }

    /// <summary>Mailboxes with at least one registered session.</summary>
    public IReadOnlyList<Guid> Mailboxes() => _byMailbox.Where(m => !m.Value.IsEmpty).Select(m => m.Key).ToList();

    /// <summary>The sessions registered for <paramref name="mailboxId"/>, or for every mailbox.</summary>
    public IReadOnlyList<ClientSessionInfo> Sessions(Guid? mailboxId = null) =>
        (mailboxId is { } id ? (_byMailbox.TryGetValue(id, out var one) ? [one] : []) : _byMailbox.Values.ToArray())
            .SelectMany(s => s.Keys).Select(r => r.Session).ToList();

    /// <summary>Ends every session of the mailbox; returns how many were asked to end.</summary>
    public int EndSessions(Guid mailboxId, ClientSessionEndReason reason)
    {
        if (!_byMailbox.TryGetValue(mailboxId, out var sessions))
        {
            return 0;
        }

        var ended = 0;
        foreach (var registration in sessions.Keys)
        {
            if (registration.TryEnd(reason))
            {
                ended++;
            }
        }

        return ended;
    }

    private void Remove(Registration registration)
    {
        var mailboxId = registration.Session.MailboxId;
        if (_byMailbox.TryGetValue(mailboxId, out var sessions))
        {
            sessions.TryRemove(registration, out _);
            if (sessions.IsEmpty)
            {
                // Only drops the set if nobody added to it meanwhile.
                _byMailbox.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Registration, byte>>(mailboxId, sessions));
            }
        }
    }

    private sealed class Registration(ClientSessionRegistry owner, ClientSessionInfo session, Action<ClientSessionEndReason> end) : IDisposable
    {
        private int _ended;
        private int _disposed;

        public ClientSessionInfo Session { get; } = session;

        public bool TryEnd(ClientSessionEndReason reason)
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return false;
            }

            end(reason);
            return true;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
