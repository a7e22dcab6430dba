using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mailroom.Protocols.Pop3;

/// <summary>The POP3 engine's meter (<c>Mailroom.Pop3</c>) and activity source.</summary>
public sealed class Pop3Telemetry : IDisposable
{
    public const string Name = "Mailroom.Pop3";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public Pop3Telemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Connections = _meter.CreateCounter<long>("mailroom.pop3.connections", description: "POP3 connections accepted");
        ActiveSessions = _meter.CreateUpDownCounter<long>("mailroom.pop3.sessions.active", description: "POP3 sessions open now");
        Commands = _meter.CreateCounter<long>("mailroom.pop3.commands", description: "POP3 commands received");
        LoginFailures = _meter.CreateCounter<long>("mailroom.pop3.login.failures", description: "failed POP3 logins");
        OctetsRetrieved = _meter.CreateCounter<long>("mailroom.pop3.retrieved", unit: "By", description: "message octets sent by RETR and TOP");
        MessagesDeleted = _meter.CreateCounter<long>("mailroom.pop3.deleted", description: "messages removed at QUIT");
    }

    public Counter<long> Connections { get; }

    public UpDownCounter<long> ActiveSessions { get; }

    public Counter<long> Commands { get; }

    public Counter<long> LoginFailures { get; }

    public Counter<long> OctetsRetrieved { get; }

    public Counter<long> MessagesDeleted { get; }

    public void Dispose() => _meter.Dispose();
}
