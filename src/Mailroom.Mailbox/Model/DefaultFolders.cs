namespace Mailroom.Mailboxes.Model;

/// <summary>Names and SPECIAL-USE attributes (RFC 6154 §2) of Exchange's default folders, as Exchange names them in English.</summary>
public static class DefaultFolders
{
    /// <summary>The folders created with every mailbox, in the order LIST shows them.</summary>
    public static IReadOnlyList<DefaultFolder> All { get; } =
    [
        DefaultFolder.Inbox, DefaultFolder.SentItems, DefaultFolder.Drafts,
        DefaultFolder.DeletedItems, DefaultFolder.JunkEmail, DefaultFolder.Archive,
    ];

    public static string NameOf(DefaultFolder folder) => folder switch
    {
        DefaultFolder.Inbox => "Inbox",
        DefaultFolder.SentItems => "Sent Items",
        DefaultFolder.Drafts => "Drafts",
        DefaultFolder.DeletedItems => "Deleted Items",
        DefaultFolder.JunkEmail => "Junk Email",
        DefaultFolder.Archive => "Archive",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "Not a default folder."),
    };

    /// <summary>The RFC 6154 attribute; Inbox has none because IMAP names it INBOX instead.</summary>
    public static string? SpecialUseOf(DefaultFolder folder) => folder switch
    {
        DefaultFolder.SentItems => @"\Sent",
        DefaultFolder.Drafts => @"\Drafts",
        DefaultFolder.DeletedItems => @"\Trash",
        DefaultFolder.JunkEmail => @"\Junk",
        DefaultFolder.Archive => @"\Archive",
        _ => null,
    };
}
