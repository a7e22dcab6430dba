namespace Mailroom.Mailboxes.Model;

/// <summary>
/// The system flags a message keeps in the store (RFC 9051 §2.3.2). \Recent is not stored: RFC 9051 dropped it and
/// an IMAP4rev1 session derives it from the UIDNEXT it saw at SELECT. Stored as a bit mask so SQL can filter with
/// <c>flags &amp; n</c> and partial indexes can cover \Deleted and unseen messages.
/// </summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Seen = 1,
    Answered = 2,
    Flagged = 4,
    Deleted = 8,
    Draft = 16,
}
