using Mailroom.Mailboxes.Changes;

namespace Mailroom.Protocols.Imap;

public sealed partial class ImapSession
{
    /// <summary>The mailbox was deleted (or its last hint said so): the session ends at the next chance.</summary>
    internal bool MailboxGone { get; private set; }

    /// <summary>
    /// Takes the change hints that arrived since the last call (other sessions' and transport's commits) and marks
    /// the selected view dirty when one is about its folder. Hints are only hints: the view re-reads the store.
    /// </summary>
    public void DrainChangeHints()
    {
        if (Subscription is not { } subscription)
        {
            return;
        }

        while (subscription.Changes.TryRead(out var change))
        {
            if (change.Kind == MailboxChangeKind.MailboxDeleted)
            {
                MailboxGone = true;
            }
            else if (Selected is { } selected && change.FolderId == selected.FolderId)
            {
                selected.MarkDirty();
            }
        }
    }

    /// <summary>Waits until a change hint arrives (IDLE); false when the subscription ended.</summary>
    internal async ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken) =>
        Subscription is { } subscription && await subscription.Changes.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
}
