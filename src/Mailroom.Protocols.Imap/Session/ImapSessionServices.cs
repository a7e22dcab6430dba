using Mailroom.Mailboxes;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Imap;

/// <summary>What every session of one engine shares.</summary>
internal sealed record ImapSessionServices(
    IImapBackend Backend,
    IMailboxStore Store,
    ImapServerOptions Options,
    TimeProvider Time,
    ILogger Logger,
    ILogger TranscriptLogger)
{
    /// <summary>UIDs of recently selected folders (SELECT of an unchanged folder reads none).</summary>
    public UidSnapshotCache UidSnapshots { get; } = new();
}
