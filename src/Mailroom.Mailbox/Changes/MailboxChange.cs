namespace Mailroom.Mailboxes.Changes;

public enum MailboxChangeKind
{
    MessagesAdded,
    FlagsChanged,
    MessagesExpunged,
    FolderCreated,
    FolderRenamed,
    FolderDeleted,
    MailboxDeleted,
}

/// <summary>
/// A hint that a folder changed, published after the change committed. It carries only counters: an IDLE session
/// asks the store for what changed (UIDs ≥ its UIDNEXT, CHANGEDSINCE its MODSEQ, vanished since its MODSEQ), so hints
/// may be coalesced or dropped without a session missing anything, as long as the latest one arrives.
/// </summary>
public sealed record MailboxChange(Guid MailboxId, long FolderId, MailboxChangeKind Kind, uint UidNext, ulong HighestModSeq);
