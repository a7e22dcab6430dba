using System.Collections.Concurrent;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Exclusive access to a maildrop for one TRANSACTION state (RFC 1939 §8: the server should lock the maildrop so two
/// sessions cannot delete from under each other). The default is <see cref="InProcessMaildropLocks"/>; an array of
/// nodes needs a lock they share (see docs/pop3.md).
/// </summary>
public interface IPop3MaildropLocks
{
    /// <summary>A held lock to dispose when the session ends, or null when another session holds it.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(Guid mailboxId, CancellationToken cancellationToken);
}

/// <summary>Maildrop locks for one node: a set of mailbox ids held by open POP3 sessions of this process.</summary>
public sealed class InProcessMaildropLocks : IPop3MaildropLocks
{
    private readonly ConcurrentDictionary<Guid, Holder> _held = new();

    /// <summary>Whether a session of this process holds the maildrop (for tests and diagnostics).</summary>
    public bool IsHeld(Guid mailboxId) => _held.ContainsKey(mailboxId);

    public ValueTask<IAsyncDisposable?> TryAcquireAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var holder = new Holder(this, mailboxId);
        return ValueTask.FromResult<IAsyncDisposable?>(_held.TryAdd(mailboxId, holder) ? holder : null);
    }

    private sealed class Holder(InProcessMaildropLocks owner, Guid mailboxId) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._held.TryRemove(new KeyValuePair<Guid, Holder>(mailboxId, this));
            }

            return ValueTask.CompletedTask;
        }
    }
}
