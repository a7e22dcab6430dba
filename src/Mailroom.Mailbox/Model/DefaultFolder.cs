namespace Mailroom.Mailboxes.Model;

/// <summary>Exchange's default folders (its DefaultFolderType), which every mailbox has and users cannot rename or delete.</summary>
public enum DefaultFolder
{
    None = 0,
    Inbox = 1,
    SentItems = 2,
    Drafts = 3,
    DeletedItems = 4,
    JunkEmail = 5,
    Archive = 6,
}
