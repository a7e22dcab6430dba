using System.Diagnostics.Metrics;

namespace Mailroom.ClientAccess.Rules;

/// <summary>The client access meter: every denial is counted with its rule (or reason), protocol and phase.</summary>
public sealed class ClientAccessTelemetry : IDisposable
{
    public const string MeterName = "Mailroom.ClientAccess";

    private readonly Meter meter;

    public ClientAccessTelemetry(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Denied = meter.CreateCounter<long>("mailroom.client_access.denied", "{connection}", "Connections and logins refused by client access rules, protocol switches or fail-closed checks");
    }

    public Counter<long> Denied { get; }

    public void RecordDenied(ClientAccessDecision decision, string protocol, string phase) =>
        Denied.Add(1, new KeyValuePair<string, object?>("rule", decision.RuleName ?? decision.Reason ?? "none"),
            new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("phase", phase));

    public void Dispose() => meter.Dispose();
}
