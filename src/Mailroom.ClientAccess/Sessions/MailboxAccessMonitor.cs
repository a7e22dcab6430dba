using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.ClientAccess.Sessions;

/// <summary>
/// Ends the sessions of mailboxes that may no longer be used: it reads each mailbox with registered sessions from the
/// directory and ends its sessions when the account is disabled or the mailbox is gone. The directory is the shared
/// store of an array, so a re-check every few seconds (the host's timer) reaches changes made on any node; a node
/// that changed the directory itself calls <see cref="Wake"/> so its own sessions end at once.
/// </summary>
public sealed class MailboxAccessMonitor(ClientSessionRegistry registry, IDirectoryStore directory)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public ClientSessionRegistry Registry => registry;

    /// <summary>Asks for a check now (after a local directory write); cheap and safe to call often.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is already pending.
        }
    }

    /// <summary>Waits until <see cref="Wake"/> is called or <paramref name="interval"/> passes.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(interval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _wake.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed: time for the regular check.
        }
    }

    /// <summary>Checks every mailbox with sessions once; returns how many sessions were ended.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var mailboxes = registry.Mailboxes();
        if (mailboxes.Count == 0)
        {
            return 0;
        }

        var verdicts = await directory.ReadAsync(async reader =>
        {
            var found = new List<(Guid Id, ClientSessionEndReason? Reason)>(mailboxes.Count);
            foreach (var id in mailboxes)
            {
                found.Add((id, Verdict(await reader.GetAsync(id, cancellationToken).ConfigureAwait(false))));
            }

            return found;
        }, cancellationToken).ConfigureAwait(false);

        var ended = 0;
        foreach (var (id, reason) in verdicts)
        {
            if (reason is { } r)
            {
                ended += registry.EndSessions(id, r);
            }
        }

        return ended;
    }

    /// <summary>Why a mailbox may not have sessions, or null when it may.</summary>
    public static ClientSessionEndReason? Verdict(DirectoryObject? mailbox) => mailbox switch
    {
        Mailbox { AccountDisabled: true } => ClientSessionEndReason.AccountDisabled,
        Mailbox => null,
        _ => ClientSessionEndReason.MailboxRemoved,
    };
}
