using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mailroom.Protocols.Smtp;

/// <summary>The SMTP engine's one <see cref="Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>, both
/// named <see cref="Name"/>.</summary>
public sealed class SmtpTelemetry : IDisposable
{
    public const string Name = "Mailroom.Smtp";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public SmtpTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Connections = _meter.CreateCounter<long>("mailroom.smtp.connections", "{connection}", "Connections accepted by the SMTP engine");
        ActiveSessions = _meter.CreateUpDownCounter<long>("mailroom.smtp.sessions.active", "{session}", "SMTP sessions in progress");
        Commands = _meter.CreateCounter<long>("mailroom.smtp.commands", "{command}", "Command lines received");
        ProtocolErrors = _meter.CreateCounter<long>("mailroom.smtp.protocol_errors", "{error}", "Commands rejected as malformed or out of sequence");
        Messages = _meter.CreateCounter<long>("mailroom.smtp.messages", "{message}", "Message bodies received, by outcome");
        MessageSize = _meter.CreateHistogram<long>("mailroom.smtp.message.size", "By", "Size of message bodies received");
        AuthenticationFailures = _meter.CreateCounter<long>("mailroom.smtp.auth.failures", "{failure}", "Failed AUTH attempts");
    }

    public Counter<long> Connections { get; }

    public UpDownCounter<long> ActiveSessions { get; }

    public Counter<long> Commands { get; }

    public Counter<long> ProtocolErrors { get; }

    public Counter<long> Messages { get; }

    public Histogram<long> MessageSize { get; }

    public Counter<long> AuthenticationFailures { get; }

    public void Dispose() => _meter.Dispose();
}
