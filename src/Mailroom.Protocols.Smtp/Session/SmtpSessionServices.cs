using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Smtp;

/// <summary>What every session of one engine shares.</summary>
internal sealed record SmtpSessionServices(
    ISmtpBackend Backend,
    SmtpServerOptions Options,
    TimeProvider Time,
    ILogger Logger,
    ILogger TranscriptLogger,
    SmtpTelemetry Telemetry);
