using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;
using static Mailroom.Directory.Model.AuthMechanisms;
using static Mailroom.Directory.Model.PermissionGroups;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>New/Get/Set/Remove-ReceiveConnector: usages, identities and Exchange's uniqueness rule (exchange.md §8.1).</summary>
public class ReceiveConnectorCommandTests
{
    [Fact]
    public async Task ACustomConnectorStartsWithNoPermissionsAndTls()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<ReceiveConnector>("New-ReceiveConnector", new { Name = "Relay", Usage = "Custom", Bindings = new[] { "0.0.0.0:2626" }, RemoteIPRanges = new[] { "10.0.0.0/8" } });
        Assert.Equal("EX1\\Relay", created.Identity);
        Assert.Equal("EX1", created.Server); // the server the command runs on
        Assert.Equal(PermissionGroups.None, created.PermissionGroups);
        Assert.Equal(Tls, created.AuthMechanism);
        Assert.Equal(["0.0.0.0:2626"], created.Bindings.Select(b => b.ToString()));
        Assert.Equal(["10.0.0.0/8"], created.RemoteIPRanges.Select(r => r.ToString()));
        Assert.Equal("ex1.contoso.com", created.Fqdn);
        Assert.Equal("36 MB (37,748,736 bytes)", created.MaxMessageSize.ToString());
        Assert.Equal(TransportRole.FrontendTransport, created.TransportRole);

        var read = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX1\\Relay" });
        Assert.Equal(created.Guid, read.Guid);
        Assert.Equal(created.RemoteIPRanges, read.RemoteIPRanges);
    }

    public static TheoryData<object, PermissionGroups, AuthMechanisms, string, string, string> Usages => new()
    {
        { new { Name = "Internet", Usage = "Internet", Bindings = "0.0.0.0:2626" }, AnonymousUsers, Tls, "0.0.0.0:2626", "0.0.0.0-255.255.255.255", "36 MB" },
        { new { Name = "Internet", Internet = true, Bindings = "0.0.0.0:2626" }, AnonymousUsers, Tls, "0.0.0.0:2626", "0.0.0.0-255.255.255.255", "36 MB" },
        { new { Name = "Internal", Usage = "Internal", RemoteIPRanges = "10.0.0.0/8" }, ExchangeServers | ExchangeLegacyServers, Tls | ExchangeServer, "0.0.0.0:25", "10.0.0.0/8", "36 MB" },
        { new { Name = "Client", Usage = "client" }, ExchangeUsers, Tls | Integrated | BasicAuth | BasicAuthRequireTLS, "0.0.0.0:587", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,0.0.0.0-255.255.255.255", "35 MB" },
        { new { Name = "Partner", Partner = true, Bindings = "0.0.0.0:2626", RemoteIPRanges = "203.0.113.0/24" }, Partners, Tls, "0.0.0.0:2626", "203.0.113.0/24", "36 MB" },
        { new { Name = "Mixed", Usage = "Internet", Bindings = "0.0.0.0:2626", PermissionGroups = new[] { "AnonymousUsers", "ExchangeUsers" }, AuthMechanism = "Tls, BasicAuth" }, AnonymousUsers | ExchangeUsers, Tls | BasicAuth, "0.0.0.0:2626", "0.0.0.0-255.255.255.255", "36 MB" },
    };

    [Theory]
    [MemberData(nameof(Usages))]
    public async Task UsagesPresetWhatExchangeDocuments(object parameters, PermissionGroups groups, AuthMechanisms auth, string bindings, string ranges, string size)
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<ReceiveConnector>("New-ReceiveConnector", parameters);
        Assert.Equal(groups, created.PermissionGroups);
        Assert.Equal(auth, created.AuthMechanism);
        Assert.Equal(bindings, string.Join(",", created.Bindings));
        Assert.Equal(ranges, string.Join(",", created.RemoteIPRanges));
        Assert.StartsWith(size + " (", created.MaxMessageSize.ToString());
    }

    public static TheoryData<object, string, string> Refusals => new()
    {
        { new { Name = "R", Usage = "Custom", RemoteIPRanges = "10.0.0.0/8" }, "ParameterArgumentValidationErrorNullNotAllowed", "Bindings" },
        { new { Name = "R", Usage = "Partner", Bindings = "0.0.0.0:2626" }, "ParameterArgumentValidationErrorNullNotAllowed", "RemoteIPRanges" },
        { new { Name = "R", Usage = "Internet", Client = true }, "InvalidArgumentException", "one usage" },
        { new { Name = "R", Usage = "Everything", Bindings = "0.0.0.0:2626", RemoteIPRanges = "10.0.0.0/8" }, "InvalidArgumentException", "Usage" },
        { Custom(new { RemoteIPRanges = "10.0.0.0/33" }), "InvalidArgumentException", "10.0.0.0/33" },
        { Custom(new { RemoteIPRanges = "10.0.0.9-10.0.0.1" }), "InvalidArgumentException", "10.0.0.9-10.0.0.1" },
        { Custom(new { RemoteIPRanges = "10.0.0.300" }), "InvalidArgumentException", "10.0.0.300" },
        { Custom(new { RemoteIPRanges = "10.0.0.1-2001:db8::1" }), "InvalidArgumentException", "both ends" },
        { Custom(new { Bindings = "0.0.0.0" }), "InvalidArgumentException", "port" },
        { Custom(new { Bindings = "2001:db8::1:25" }), "InvalidArgumentException", "brackets" },
        { Custom(new { RemoteIPRanges = Array.Empty<string>() }), "InvalidArgumentException", "RemoteIPRanges" },
        { Custom(new { PermissionGroups = "Everyone" }), "InvalidArgumentException", "Everyone" },
        { Custom(new { PermissionGroups = "1" }), "InvalidArgumentException", "\"1\"" },
        { Custom(new { PermissionGroups = "None, AnonymousUsers" }), "InvalidArgumentException", "None" },
        { Custom(new { AuthMechanism = "Tls, BasicAuthRequireTLS" }), "InvalidArgumentException", "BasicAuthRequireTLS" },
        { Custom(new { AuthMechanism = "BasicAuth", RequireTLS = true }), "InvalidArgumentException", "RequireTLS" },
        { Custom(new { AuthMechanism = "Tls, BasicAuth, ExternalAuthoritative", PermissionGroups = "ExchangeServers" }), "InvalidArgumentException", "only be combined with Tls" },
        { Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "Partners" }), "InvalidArgumentException", "ExchangeServers" },
        { Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "ExchangeServers, AnonymousUsers" }), "InvalidArgumentException", "AnonymousUsers" },
        { Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "ExchangeServers", RemoteIPRanges = "0.0.0.0-255.255.255.255" }), "InvalidArgumentException", "too wide" },
        { Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "ExchangeServers", RemoteIPRanges = "198.51.0.0/16" }), "InvalidArgumentException", "198.51.0.0/16" },
        { Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "ExchangeServers", RemoteIPRanges = "2001:db8::/48" }), "InvalidArgumentException", "too wide" },
        { Custom(new { MaxMessageSize = "1KB" }), "InvalidArgumentException", "MaxMessageSize" },
        { Custom(new { MaxMessageSize = "3GB" }), "InvalidArgumentException", "MaxMessageSize" },
        { Custom(new { MaxRecipientsPerMessage = 0 }), "InvalidArgumentException", "MaxRecipientsPerMessage" },
        { Custom(new { MaxRecipientsPerMessage = 512001 }), "InvalidArgumentException", "MaxRecipientsPerMessage" },
        { Custom(new { ConnectionTimeout = "2.00:00:00" }), "InvalidArgumentException", "ConnectionTimeout" },
        { Custom(new { ConnectionTimeout = "soon" }), "InvalidArgumentException", "ConnectionTimeout" },
        { Custom(new { MaxInboundConnectionPerSource = "0" }), "InvalidArgumentException", "MaxInboundConnectionPerSource" },
        { Custom(new { TransportRole = "Edge" }), "InvalidArgumentException", "TransportRole" },
        { Custom(new { Banner = "Welcome" }), "InvalidArgumentException", "220" },
        { Custom(new { Banner = "220 hi\r\n250 injected" }), "InvalidArgumentException", "one line" },
        { Custom(new { Fqdn = "not a host" }), "InvalidArgumentException", "not a host" },
        { Custom(new { Server = "EX9" }), "ManagementObjectNotFoundException", "EX9" },
        { Custom(new { Bindings = "127.0.0.1:2525", RemoteIPRanges = "0.0.0.0-255.255.255.255" }), "ReceiveConnectorBindingConflict", "EX1\\Default Frontend EX1" },
        { Custom(new { Bindings = "127.0.0.1:2525", RemoteIPRanges = "0.0.0.0/0" }), "ReceiveConnectorBindingConflict", "EX1\\Default Frontend EX1" }, // the same addresses, written otherwise
        { Custom(new { Name = "Default Frontend EX1", Bindings = "127.0.0.1:2626" }), "ADObjectAlreadyExistsException", "default frontend ex1" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task InvalidConnectorsAreRefusedAndChangeNothing(object parameters, string errorId, string mentioned)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-ReceiveConnector", parameters);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(mentioned, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            errorId switch
            {
                "ReceiveConnectorBindingConflict" or "ADObjectAlreadyExistsException" => "ResourceExists",
                "ManagementObjectNotFoundException" => "ObjectNotFound",
                _ => "InvalidArgument",
            },
            error.Category);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("203.0.113.0/24")]
    [InlineData("2001:db8::/64")]
    [InlineData("fd00::/8")]
    public async Task AnExternallySecuredConnectorMayTrustANarrowOrPrivateRange(string range)
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<ReceiveConnector>("New-ReceiveConnector", Custom(new { AuthMechanism = "Tls, ExternalAuthoritative", PermissionGroups = "ExchangeServers", RemoteIPRanges = range }));
        Assert.Equal(Tls | ExternalAuthoritative, created.AuthMechanism);
    }

    [Fact]
    public async Task ConnectorsMayShareABindingWhenTheirRangesDiffer()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Scanner", Bindings = "127.0.0.1:2525", RemoteIPRanges = "10.1.1.50" }));
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Lab", Bindings = new[] { "127.0.0.1:2525", "[::]:2525" }, RemoteIPRanges = "10.1.1.0/24" }));
        Assert.Equal(4, (await org.RunAsync("Get-ReceiveConnector")).Count);
    }

    [Fact]
    public async Task SetEditsListsAndKeepsTheRules()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Relay", Bindings = "0.0.0.0:2626", RemoteIPRanges = new[] { "10.0.0.0/8", "192.168.1.10" } }));
        await org.RunAsync("Set-ReceiveConnector", new
        {
            Identity = "Relay",
            RemoteIPRanges = new { Add = new[] { "172.16.0.0/12", "10.0.0.0/8" }, Remove = "192.168.1.10/32" },
            Bindings = new { Add = "[::]:2626" },
            PermissionGroups = "ExchangeUsers",
            AuthMechanism = new[] { "Tls", "BasicAuth", "BasicAuthRequireTLS" },
            MaxMessageSize = "50MB",
            MaxInboundConnectionPerSource = "Unlimited",
            ConnectionTimeout = "00:05:00",
            Banner = "220 relay.contoso.com ready",
            Enabled = false,
        });
        var relay = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX1\\Relay" });
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12"], relay.RemoteIPRanges.Select(r => r.ToString()));
        Assert.Equal(["0.0.0.0:2626", "[::]:2626"], relay.Bindings.Select(b => b.ToString()));
        Assert.Equal(ExchangeUsers, relay.PermissionGroups);
        Assert.Equal(Tls | BasicAuth | BasicAuthRequireTLS, relay.AuthMechanism);
        Assert.Equal("50 MB (52,428,800 bytes)", relay.MaxMessageSize.ToString());
        Assert.Null(relay.MaxInboundConnectionPerSource);
        Assert.Equal(TimeSpan.FromMinutes(5), relay.ConnectionTimeout);
        Assert.Equal("220 relay.contoso.com ready", relay.Banner);
        Assert.False(relay.Enabled);

        // Making it collide with Default Frontend, or relaying anonymously, is refused and changes nothing.
        var conflict = await org.RefusedWithoutChangeAsync("Set-ReceiveConnector", new { Identity = "Relay", Bindings = "127.0.0.1:2525", RemoteIPRanges = "0.0.0.0-255.255.255.255" });
        Assert.Equal("ReceiveConnectorBindingConflict", conflict.ErrorId);
        var relayOpen = await org.RefusedWithoutChangeAsync("Set-ReceiveConnector", new { Identity = "EX1\\Default Frontend EX1", AuthMechanism = "Tls, ExternalAuthoritative" });
        Assert.Equal("InvalidArgument", relayOpen.Category);
    }

    [Fact]
    public async Task RenamingMovesTheIdentityAndTheDistinguishedName()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Set-ReceiveConnector", new { Identity = "Client Frontend EX1", Name = "Submission EX1" });
        var renamed = await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "EX1\\Submission EX1" });
        Assert.StartsWith("CN=Submission EX1,CN=SMTP Receive Connectors,", renamed.DistinguishedName);
        Assert.Equal(renamed.Guid, (await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = renamed.DistinguishedName })).Guid);
        Assert.Equal(renamed.Guid, (await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = renamed.Guid.ToString() })).Guid);
        var missing = await org.RefusedAsync("Get-ReceiveConnector", new { Identity = "Client Frontend EX1" });
        Assert.Equal("ManagementObjectNotFoundException", missing.ErrorId);
    }

    [Fact]
    public async Task NamesAreUniquePerServerSoABareNameCanBeAmbiguous()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Relay" }));
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Relay", Server = "EX2" }));

        var ambiguous = await org.RefusedAsync("Get-ReceiveConnector", new { Identity = "Relay" });
        Assert.Equal("ManagementObjectAmbiguousException", ambiguous.ErrorId);
        Assert.Equal("EX2", (await org.OneAsync<ReceiveConnector>("Get-ReceiveConnector", new { Identity = "ex2\\relay" })).Server);
        Assert.Equal(["EX2\\Client Frontend EX2", "EX2\\Default Frontend EX2", "EX2\\Relay"], (await org.RunAsync("Get-ReceiveConnector", new { Server = "EX2" })).Cast<ReceiveConnector>().Select(c => c.Identity));

        var twice = await org.RefusedWithoutChangeAsync("New-ReceiveConnector", Custom(new { Name = "RELAY", Bindings = "0.0.0.0:2727" }));
        Assert.Equal("ResourceExists", twice.Category);
    }

    [Fact]
    public async Task RemovedConnectorsAreGone()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ReceiveConnector", Custom(new { Name = "Relay" }));
        await org.RunAsync("Remove-ReceiveConnector", new { Identity = "EX1\\Relay" });
        Assert.Equal(2, (await org.RunAsync("Get-ReceiveConnector")).Count);
        Assert.Equal("ObjectNotFound", (await org.RefusedAsync("Remove-ReceiveConnector", new { Identity = "EX1\\Relay" })).Category);
    }

    [Fact]
    public async Task OnlyOrganizationManagementChangesConnectors()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-ReceiveConnector", Custom(new { Name = "Relay" }), TestOrganization.ViewOnly);
        Assert.Equal("AccessDenied", error.ErrorId);
        Assert.Equal(2, (await org.RunAsync("Get-ReceiveConnector", caller: TestOrganization.ViewOnly)).Count);
    }

    /// <summary>A valid custom connector's parameters with <paramref name="overrides"/> on top.</summary>
    private static Dictionary<string, object?> Custom(object overrides)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["Name"] = "Relay",
            ["Usage"] = "Custom",
            ["Bindings"] = new[] { "0.0.0.0:2626" },
            ["RemoteIPRanges"] = new[] { "10.0.0.0/8" },
        };
        foreach (var property in overrides.GetType().GetProperties())
        {
            parameters[property.Name] = property.GetValue(overrides);
        }

        return parameters;
    }
}
