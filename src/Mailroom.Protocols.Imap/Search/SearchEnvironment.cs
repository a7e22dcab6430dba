using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// What the evaluator needs from the session and the mailbox besides the message itself: the values "*" stands for,
/// \Recent, the saved result (RFC 5182) and how to read a message's text.
/// </summary>
public sealed class SearchEnvironment
{
    /// <summary>The zone whose calendar day BEFORE/ON/SINCE compare INTERNALDATE in (the server's, as other servers do).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>The highest sequence number in the session's view ("*" in a message set).</summary>
    public uint LargestSequence { get; init; }

    /// <summary>The highest UID in the mailbox ("*" in a UID set).</summary>
    public uint LargestUid { get; init; }

    /// <summary>\Recent by UID (IMAP4rev1 sessions derive it from the UIDNEXT seen at SELECT).</summary>
    public Func<uint, bool> IsRecent { get; init; } = static _ => false;

    /// <summary>Membership of the saved search result ($), by UID.</summary>
    public Func<uint, bool> InSavedResult { get; init; } = static _ => false;

    /// <summary>Reads a message's text; required when the criteria need it.</summary>
    public Func<MessageRecord, bool, CancellationToken, Task<MessageText>>? LoadText { get; init; }
}
