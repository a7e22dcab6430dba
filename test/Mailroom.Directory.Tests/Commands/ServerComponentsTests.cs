using Mailroom.Directory.Commands.ComponentStates;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>How a component's state follows from its requesters' entries and ServerWideOffline (exchange.md §5.4).</summary>
public class ServerComponentsTests
{
    private static readonly DateTime T = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, ServiceState> Cases() => new()
    {
        { "", "ImapProxy", ServiceState.Active },
        { "ImapProxy:Maintenance:Draining", "ImapProxy", ServiceState.Draining },
        { "ImapProxy:Maintenance:Inactive ImapProxy:Functional:Draining", "ImapProxy", ServiceState.Inactive },
        { "ImapProxy:Maintenance:Active ImapProxy:Functional:Inactive", "ImapProxy", ServiceState.Inactive }, // one requester isn't enough to activate
        { "ImapProxy:Maintenance:Active", "ImapProxy", ServiceState.Active },
        { "ServerWideOffline:Maintenance:Inactive", "PopProxy", ServiceState.Inactive },
        { "ServerWideOffline:Maintenance:Draining", "HubTransport", ServiceState.Draining },
        { "ServerWideOffline:Maintenance:Draining PopProxy:Functional:Inactive", "PopProxy", ServiceState.Inactive },
        { "ServerWideOffline:Maintenance:Inactive", "Monitoring", ServiceState.Active },
        { "ServerWideOffline:Maintenance:Inactive", "RecoveryActionsEnabled", ServiceState.Active },
        { "PopProxy:Maintenance:Inactive", "ImapProxy", ServiceState.Active },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EffectiveState(string entries, string component, ServiceState expected)
    {
        var list = entries.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split(':'))
            .Select(p => new ComponentStateEntry(p[0], p[1], Enum.Parse<ServiceState>(p[2]), T))
            .ToList();
        Assert.Equal(expected, ServerComponents.Effective(list, component));
    }

    [Fact]
    public async Task SetThenGetThroughTheCommands()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Set-ServerComponentState", new { Identity = "EX1", Component = "hubtransport", State = "draining", Requester = "maintenance" });
        var hub = await org.OneAsync<ServerComponentStatus>("Get-ServerComponentState", new { Identity = "ex1.contoso.com", Component = "HubTransport" });
        Assert.Equal(("HubTransport", "Draining"), (hub.Component, hub.State));
        Assert.StartsWith("Maintenance: Draining since ", Assert.Single(hub.RemoteStates));
        Assert.Equal(ServerComponents.All.Count, (await org.RunAsync("Get-ServerComponentState", new { Identity = "EX1" })).Count);

        var error = await org.RefusedWithoutChangeAsync("Set-ServerComponentState", new { Identity = "EX1", Component = "HubTransport", State = "Sleeping", Requester = "Maintenance" });
        Assert.Equal("InvalidArgument", error.Category);
        error = await org.RefusedWithoutChangeAsync("Set-ServerComponentState", new { Identity = "EX1", Component = "HubTransport", State = "1", Requester = "Maintenance" });
        Assert.Equal("InvalidArgument", error.Category);
        error = await org.RefusedWithoutChangeAsync("Set-ServerComponentState", new { Identity = "EX1", Component = "HubTransport", Requester = "Maintenance" });
        Assert.Contains("State", error.Message);
    }
}
