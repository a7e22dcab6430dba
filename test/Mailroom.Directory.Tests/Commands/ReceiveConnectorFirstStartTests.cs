using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;
using static Mailroom.Directory.Model.AuthMechanisms;
using static Mailroom.Directory.Model.PermissionGroups;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Exchange setup's receive connector pair, created for every server (exchange.md §8.1).</summary>
public class ReceiveConnectorFirstStartTests
{
    private static readonly string[] Everything = ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"];

    [Fact]
    public async Task TheServerGetsDefaultFrontendOnTheSmtpListener()
    {
        await using var org = await TestOrganization.CreateAsync();
        var frontend = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX1\\Default Frontend EX1" });
        Assert.Equal("Default Frontend EX1", frontend.Name);
        Assert.Equal("EX1\\Default Frontend EX1", frontend.Identity);
        Assert.Equal("EX1", frontend.Server);
        Assert.Equal(TransportRole.FrontendTransport, frontend.TransportRole);
        Assert.Equal(["127.0.0.1:2525"], frontend.Bindings.Select(b => b.ToString()));
        Assert.Equal(Everything, frontend.RemoteIPRanges.Select(r => r.ToString()));
        Assert.Equal(AnonymousUsers | ExchangeUsers | ExchangeServers | ExchangeLegacyServers, frontend.PermissionGroups);
        Assert.Equal(Tls | Integrated | BasicAuth | BasicAuthRequireTLS | ExchangeServer, frontend.AuthMechanism);
        Assert.False(frontend.RequireTLS);
        Assert.Equal("ex1.contoso.com", frontend.Fqdn);
        Assert.Null(frontend.Banner);
        Assert.Equal("36 MB (37,748,736 bytes)", frontend.MaxMessageSize.ToString());
        Assert.Equal(200, frontend.MaxRecipientsPerMessage);
        Assert.Equal(TimeSpan.FromMinutes(10), frontend.ConnectionTimeout);
        Assert.Equal(20, frontend.MaxInboundConnectionPerSource);
        Assert.Equal(5000, frontend.MaxInboundConnection);
        Assert.True(frontend.Enabled);
        Assert.Equal(
            "CN=Default Frontend EX1,CN=SMTP Receive Connectors,CN=Protocols,CN=EX1,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com",
            frontend.DistinguishedName);
    }

    [Fact]
    public async Task TheServerGetsClientFrontendOnTheSubmissionListeners()
    {
        await using var org = await TestOrganization.CreateAsync();
        var client = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "Client Frontend EX1" });
        Assert.Equal(["127.0.0.1:2587", "127.0.0.1:2465"], client.Bindings.Select(b => b.ToString()));
        Assert.Equal(Everything, client.RemoteIPRanges.Select(r => r.ToString()));
        Assert.Equal(ExchangeUsers, client.PermissionGroups);
        Assert.Equal(Tls | BasicAuth | BasicAuthRequireTLS, client.AuthMechanism);
        Assert.True(client.RequireTLS);
        Assert.Equal(TransportRole.FrontendTransport, client.TransportRole);
        Assert.Equal("35 MB (36,700,160 bytes)", client.MaxMessageSize.ToString());
        Assert.Equal(200, client.MaxRecipientsPerMessage);
    }

    [Fact]
    public async Task StartingAgainCreatesNoMoreConnectors()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX1", "Default-First-Site-Name");
        Assert.Equal(["EX1\\Client Frontend EX1", "EX1\\Default Frontend EX1"], await IdentitiesAsync(org));
    }

    [Fact]
    public async Task EveryServerRegisteredLaterGetsItsOwnPair()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");

        // The same listener endpoints on two servers don't clash: bindings are unique per server.
        Assert.Equal(
            ["EX1\\Client Frontend EX1", "EX1\\Default Frontend EX1", "EX2\\Client Frontend EX2", "EX2\\Default Frontend EX2"],
            await IdentitiesAsync(org));
        Assert.Equal(["EX2\\Client Frontend EX2", "EX2\\Default Frontend EX2"], await IdentitiesAsync(org, "ex2.contoso.com"));
        Assert.Equal("ex2.contoso.com", (await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "Default Frontend EX2" })).Fqdn);
    }

    [Fact]
    public async Task TheConfiguredListenersBecomeTheBindings()
    {
        await using var org = await TestOrganization.CreateAsync();
        await StartAsync(org, "EX3", new Dictionary<string, string> { ["Smtp"] = "*:25", ["Submission"] = "[2001:db8::5]:587", ["SubmissionTls"] = "[::]:465" });

        var frontend = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX3\\Default Frontend EX3" });
        Assert.Equal(["[::]:25", "0.0.0.0:25"], frontend.Bindings.Select(b => b.ToString())); // both wildcards, as Exchange binds
        var client = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX3\\Client Frontend EX3" });
        Assert.Equal(["[2001:db8::5]:587", "[::]:465", "0.0.0.0:465"], client.Bindings.Select(b => b.ToString()));
    }

    [Fact]
    public async Task AListenerLeftOutKeepsItsQuickStartValue()
    {
        await using var org = await TestOrganization.CreateAsync();
        await StartAsync(org, "EX3", new Dictionary<string, string> { ["Smtp"] = "10.0.0.3:25" });
        var client = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX3\\Client Frontend EX3" });
        Assert.Equal(["127.0.0.1:2587", "127.0.0.1:2465"], client.Bindings.Select(b => b.ToString()));
    }

    [Theory]
    [InlineData("127.0.0.1:0")] // an ephemeral port isn't known before the socket is bound
    [InlineData("mail.contoso.com:25")]
    [InlineData("127.0.0.1")]
    public async Task AListenerThatCantBeABindingStopsTheStartAndChangesNothing(string smtp)
    {
        await using var org = await TestOrganization.CreateAsync();
        var before = await org.SnapshotAsync();
        await Assert.ThrowsAsync<FormatException>(() => StartAsync(org, "EX3", new Dictionary<string, string> { ["Smtp"] = smtp }));
        Assert.Equal(before, await org.SnapshotAsync());
    }

    [Fact]
    public async Task AServerWithConnectorsKeepsTheAdministratorsChoices()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Remove-ReceiveConnector", new { Identity = "EX1\\Client Frontend EX1" });
        await org.RunAsync("Set-ReceiveConnector", new { Identity = "EX1\\Default Frontend EX1", Enabled = false });
        await org.AddNodeAsync("EX1", "Default-First-Site-Name");
        var only = Assert.IsType<ReceiveConnector>(Assert.Single(await org.RunAsync("Get-ReceiveConnector")));
        Assert.False(only.Enabled);
    }

    [Fact]
    public async Task AServerLeftWithNoConnectorGetsThePairAgain()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Remove-ReceiveConnector", new { Identity = "EX1\\Client Frontend EX1" });
        await org.RunAsync("Remove-ReceiveConnector", new { Identity = "EX1\\Default Frontend EX1" });
        await org.AddNodeAsync("EX1", "Default-First-Site-Name");
        Assert.Equal(2, (await org.RunAsync("Get-ReceiveConnector")).Count);
    }

    private static Task StartAsync(TestOrganization org, string server, Dictionary<string, string> listeners) =>
        new OrganizationBootstrapper(org.Store, TimeProvider.System).EnsureAsync(
            new NodeIdentity("First Organization", "contoso.com", server, server.ToLowerInvariant() + ".contoso.com", "Default-First-Site-Name", "test")
            {
                Listeners = listeners,
            },
            adminPassword: null);

    private static async Task<List<string>> IdentitiesAsync(TestOrganization org, string? server = null) =>
        (await org.RunAsync("Get-ReceiveConnector", server is null ? null : new { Server = server })).Cast<ReceiveConnector>().Select(c => c.Identity).ToList();
}
