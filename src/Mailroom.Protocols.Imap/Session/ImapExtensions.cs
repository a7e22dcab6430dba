namespace Mailroom.Protocols.Imap;

/// <summary>
/// Extensions a session has turned on, with ENABLE (RFC 5161) or by using them (RFC 7162 §3.1: a CONDSTORE-enabling
/// command such as SELECT (CONDSTORE) or FETCH … MODSEQ). They change what the server sends.
/// </summary>
[Flags]
public enum ImapExtensions
{
    None = 0,

    /// <summary>RFC 7162 CONDSTORE: untagged FETCH carries MODSEQ; SELECT reports HIGHESTMODSEQ.</summary>
    CondStore = 1,

    /// <summary>RFC 7162 QRESYNC (implies CONDSTORE): VANISHED instead of EXPUNGE; UID in every untagged FETCH.</summary>
    QResync = 2,

    /// <summary>RFC 6855 UTF8=ACCEPT: UTF-8 in quoted strings and mailbox names.</summary>
    Utf8Accept = 4,

    /// <summary>RFC 9051 IMAP4rev2 (implies UTF-8 names, no \Recent, ESEARCH-style SEARCH results, LIST-STATUS, …).</summary>
    Imap4Rev2 = 8,
}
