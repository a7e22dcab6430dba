using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ComponentStates;

/// <summary>
/// The server components Mailroom honours and how their state is worked out (exchange.md §5.4): a component is
/// Active only when no requester set it otherwise; Inactive from any requester wins over Draining. ServerWideOffline
/// is the master switch: when it isn't Active, every component except the monitoring ones takes its state.
/// </summary>
public static class ServerComponents
{
    public const string ServerWideOffline = "ServerWideOffline";
    public const string HubTransport = "HubTransport";
    public const string FrontendTransport = "FrontendTransport";
    public const string ImapProxy = "ImapProxy";
    public const string PopProxy = "PopProxy";
    public const string OwaProxy = "OwaProxy";
    public const string EcpProxy = "EcpProxy";
    public const string RpsProxy = "RpsProxy";
    public const string AutoDiscoverProxy = "AutoDiscoverProxy";
    public const string Monitoring = "Monitoring";
    public const string RecoveryActionsEnabled = "RecoveryActionsEnabled";

    /// <summary>In the order Get-ServerComponentState lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ServerWideOffline, HubTransport, FrontendTransport, ImapProxy, PopProxy, OwaProxy, EcpProxy, RpsProxy, AutoDiscoverProxy,
        Monitoring, RecoveryActionsEnabled,
    ];

    public static readonly IReadOnlyList<string> Requesters = ["HealthAPI", "Maintenance", "Sidelined", "Functional", "Deployment"];

    /// <summary>Components ServerWideOffline doesn't switch off, as in Exchange (they watch the server in maintenance).</summary>
    private static readonly HashSet<string> AlwaysOn = new(StringComparer.OrdinalIgnoreCase) { Monitoring, RecoveryActionsEnabled };

    public static string? Canonical(string component) => All.FirstOrDefault(c => c.Equals(component, StringComparison.OrdinalIgnoreCase));

    public static string? CanonicalRequester(string requester) => Requesters.FirstOrDefault(r => r.Equals(requester, StringComparison.OrdinalIgnoreCase));

    /// <summary>The component's own state from its entries alone.</summary>
    public static ServiceState OwnState(IEnumerable<ComponentStateEntry> entries, string component)
    {
        var mine = entries.Where(e => e.Component.Equals(component, StringComparison.OrdinalIgnoreCase)).ToList();
        return mine.Any(e => e.State == ServiceState.Inactive) ? ServiceState.Inactive
            : mine.Any(e => e.State == ServiceState.Draining) ? ServiceState.Draining
            : ServiceState.Active;
    }

    /// <summary>The state that applies: the component's own, made no better than ServerWideOffline's.</summary>
    public static ServiceState Effective(IEnumerable<ComponentStateEntry> entries, string component)
    {
        var list = entries as IReadOnlyCollection<ComponentStateEntry> ?? entries.ToList();
        var own = OwnState(list, component);
        if (AlwaysOn.Contains(component) || component.Equals(ServerWideOffline, StringComparison.OrdinalIgnoreCase))
        {
            return own;
        }

        var master = OwnState(list, ServerWideOffline);
        return Worse(own, master);
    }

    /// <summary>When the component's current non-active state began (the latest such entry), for drain timeouts.</summary>
    public static DateTime? Since(IEnumerable<ComponentStateEntry> entries, string component) =>
        entries.Where(e => e.State != ServiceState.Active
                && (e.Component.Equals(component, StringComparison.OrdinalIgnoreCase) || (!AlwaysOn.Contains(component) && e.Component == ServerWideOffline)))
            .Select(e => (DateTime?)e.Timestamp).Max();

    private static ServiceState Worse(ServiceState a, ServiceState b) =>
        a == ServiceState.Inactive || b == ServiceState.Inactive ? ServiceState.Inactive
        : a == ServiceState.Draining || b == ServiceState.Draining ? ServiceState.Draining
        : ServiceState.Active;
}
