using Mailroom.Mailboxes;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Pop3;

/// <summary>What every session of one engine shares.</summary>
internal sealed record Pop3SessionServices(
    IPop3Backend Backend,
    IMailboxStore Store,
    IPop3MaildropLocks Locks,
    Pop3ServerOptions Options,
    TimeProvider Time,
    ILogger Logger,
    ILogger TranscriptLogger,
    Pop3Telemetry Telemetry);
