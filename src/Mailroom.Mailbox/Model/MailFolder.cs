namespace Mailroom.Mailboxes.Model;

/// <summary>
/// A folder as the store last committed it. <see cref="Id"/> never changes (not on rename either) and is never reused,
/// so sessions may keep it. <see cref="Name"/> is the full path with '/' between levels.
/// </summary>
public sealed record MailFolder(
    long Id,
    Guid MailboxId,
    string Name,
    DefaultFolder Role,
    uint UidValidity,
    uint UidNext,
    ulong HighestModSeq,
    long MessageCount,
    long Size)
{
    public const char Delimiter = '/';

    /// <summary>The RFC 6154 SPECIAL-USE attribute, or null.</summary>
    public string? SpecialUse => DefaultFolders.SpecialUseOf(Role);
}

/// <summary>What STATUS and SELECT report beyond the folder's counters; unseen is counted from a partial index.</summary>
public sealed record FolderStatus(MailFolder Folder, long UnseenCount, uint? FirstUnseenUid);

/// <summary>The quota usage of a whole mailbox: every folder counts, Deleted Items included, as in Exchange.</summary>
public sealed record MailboxUsage(Guid MailboxId, long Size, long MessageCount);
