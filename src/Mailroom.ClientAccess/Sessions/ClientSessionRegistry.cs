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
    // Registering and unregistering happen once per login; one lock keeps "last session gone" and "new session
    // added" from racing. Ending callbacks run outside it.
    private readonly Dictionary<Guid, HashSet<Registration>> _byMailbox = [];
    private readonly Lock _gate = new();

    /// <summary>Registers a logged-in session. <paramref name="end"/> may be called from any thread, at most once.</summary>
    public IDisposable Register(ClientSessionInfo session, Action<ClientSessionEndReason> end)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(end);
        var registration = new Registration(this, session, end);
        lock (_gate)
        {
            if (!_byMailbox.TryGetValue(session.MailboxId, out var sessions))
            {
                _byMailbox[session.MailboxId] = sessions = [];
            }

            sessions.Add(registration);
        }

        return registration;
    }

    /// <summary>Mailboxes with at least one registered session.</summary>
    public IReadOnlyList<Guid> Mailboxes()
    {
        lock (_gate)
        {
            return [.. _byMailbox.Keys];
        }
    }

    /// <summary>The sessions registered for <paramref name="mailboxId"/>, or for every mailbox.</summary>
    public IReadOnlyList<ClientSessionInfo> Sessions(Guid? mailboxId = null)
    {
        lock (_gate)
        {
            return mailboxId is { } id
                ? _byMailbox.TryGetValue(id, out var one) ? [.. one.Select(r => r.Session)] : []
                : [.. _byMailbox.Values.SelectMany(s => s).Select(r => r.Session)];
        }
    }

    /// <summary>Ends every session of the mailbox; returns how many were asked to end (each is asked once).</summary>
    public int EndSessions(Guid mailboxId, ClientSessionEndReason reason)
    {
        Registration[] sessions;
        lock (_gate)
        {
            sessions = _byMailbox.TryGetValue(mailboxId, out var set) ? [.. set] : [];
        }

        return sessions.Count(r => r.TryEnd(reason));
    }

    /// <summary>Ends the given sessions (as returned by <see cref="Sessions"/>); returns how many were asked to end.</summary>
    public int EndSessions(IEnumerable<ClientSessionInfo> sessions, ClientSessionEndReason reason)
    {
        var wanted = sessions.ToHashSet(ReferenceEqualityComparer.Instance);
        Registration[] matches;
        lock (_gate)
        {
            matches = [.. _byMailbox.Values.SelectMany(s => s).Where(r => wanted.Contains(r.Session))];
        }

        return matches.Count(r => r.TryEnd(reason));
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            var mailboxId = registration.Session.MailboxId;
            if (_byMailbox.TryGetValue(mailboxId, out var sessions) && sessions.Remove(registration) && sessions.Count == 0)
            {
                _byMailbox.Remove(mailboxId);
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
