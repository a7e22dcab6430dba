using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Folder names between the store and the wire: the Inbox is <c>INBOX</c> (RFC 9051 §5.1, case-insensitive), and
/// levels are separated by <c>/</c> in both. Encoding (modified UTF-7 or UTF-8) is the writer's and reader's job.
/// </summary>
public static class ImapMailboxNames
{
    public const string Inbox = "INBOX";

    public const char Delimiter = MailFolder.Delimiter;

    /// <summary>The name a client sees: INBOX for the Inbox (and INBOX/… under it), else the store's name.</summary>
    public static string ToImap(string storeName) =>
        storeName.Equals(Inbox, StringComparison.OrdinalIgnoreCase) ? Inbox
        : storeName.StartsWith(Inbox + Delimiter, StringComparison.OrdinalIgnoreCase) ? Inbox + storeName[Inbox.Length..]
        : storeName;

    /// <summary>A client's name in store form: INBOX in any case is the Inbox (the store matches names case-insensitively).</summary>
    public static string FromImap(string name) => name.Equals(Inbox, StringComparison.OrdinalIgnoreCase) ? Inbox : name;
}
