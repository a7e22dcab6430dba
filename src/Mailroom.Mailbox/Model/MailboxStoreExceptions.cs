namespace Mailroom.Mailboxes.Model;

/// <summary>The mailbox has no store yet (never created) or was deleted.</summary>
public sealed class MailboxNotFoundException(Guid mailboxId)
    : Exception($"The mailbox {mailboxId} does not exist in the mailbox store.")
{
    public Guid MailboxId { get; } = mailboxId;
}

/// <summary>The folder was deleted (perhaps by another session) or never existed.</summary>
public sealed class FolderNotFoundException(string folder)
    : Exception($"The folder '{folder}' does not exist.")
{
    public string Folder { get; } = folder;
}

public enum FolderError
{
    /// <summary>IMAP [ALREADYEXISTS] (RFC 5530).</summary>
    AlreadyExists,

    /// <summary>IMAP [CANNOT]: Exchange's default folders cannot be renamed or deleted.</summary>
    DefaultFolder,

    /// <summary>IMAP [INUSE]-like refusal: delete the children first (as Dovecot and Exchange do).</summary>
    HasChildren,

    /// <summary>IMAP [CANNOT]: empty level, wildcard, control character, too long, or a folder moved under itself.</summary>
    InvalidName,

    /// <summary>Both folders of a copy or move must belong to the same mailbox.</summary>
    OtherMailbox,
}

/// <summary>A folder operation that the rules refuse; <see cref="Reason"/> maps to an IMAP response code.</summary>
public sealed class FolderOperationException(FolderError reason, string message) : Exception(message)
{
    public FolderError Reason { get; } = reason;
}
