using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>New/Get/Set/Remove-SendConnector: address spaces, DNS or smart host routing, source servers (exchange.md §8.2).</summary>
public class SendConnectorCommandTests
{
    [Fact]
    public async Task AnInternetConnectorRoutesByDnsFromTheLocalServer()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<SendConnector>("New-SendConnector", new { Name = "To Internet", Usage = "Internet", AddressSpaces = "*" });
        Assert.Equal(["SMTP:*;1"], created.AddressSpaces.Select(a => a.ToString()));
        Assert.True(created.DNSRoutingEnabled);
        Assert.Empty(created.SmartHosts);
        Assert.Equal(25, created.Port);
        Assert.False(created.RequireTLS);
        Assert.Null(created.Fqdn);
        Assert.Equal("35 MB (36,700,160 bytes)", created.MaxMessageSize.ToString());
        Assert.Equal(["EX1"], created.SourceTransportServers);
        Assert.True(created.Enabled);
        Assert.Equal(
            "CN=To Internet,CN=Connections,CN=Exchange Routing Group (DWBGZMFD01QNBJR),CN=Routing Groups,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com",
            created.DistinguishedName);
        Assert.Equal(created.Guid, (await org.OneAsync<SendConnector>("Get-SendConnector", new { Identity = "to internet" })).Guid);
    }

    [Fact]
    public async Task SmartHostsAloneTurnDnsRoutingOff()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        var created = await org.OneAsync<SendConnector>("New-SendConnector", new
        {
            Name = "Via relay",
            AddressSpaces = new[] { "SMTP:*.contoso.net;5", "fabrikam.com" },
            SmartHosts = new[] { "10.0.0.25", "Relay.Contoso.com" },
            Port = 587,
            RequireTLS = true,
            Fqdn = "mail.contoso.com",
            MaxMessageSize = "Unlimited",
            SourceTransportServers = new[] { "ex2.contoso.com", "EX1", "EX2" },
        });
        Assert.False(created.DNSRoutingEnabled);
        Assert.Equal(["[10.0.0.25]", "relay.contoso.com"], created.SmartHosts.Select(h => h.ToString()));
        Assert.Equal(["SMTP:*.contoso.net;5", "SMTP:fabrikam.com;1"], created.AddressSpaces.Select(a => a.ToString()));
        Assert.Equal(587, created.Port);
        Assert.True(created.RequireTLS);
        Assert.Equal("mail.contoso.com", created.Fqdn);
        Assert.True(created.MaxMessageSize.IsUnlimited);
        Assert.Equal(["EX2", "EX1"], created.SourceTransportServers); // by name, each once
    }

    [Fact]
    public async Task APartnerConnectorRequiresTls()
    {
        await using var org = await TestOrganization.CreateAsync();
        Assert.True((await org.OneAsync<SendConnector>("New-SendConnector", new { Name = "Partner", Partner = true, AddressSpaces = "fabrikam.com" })).RequireTLS);
    }

    public static TheoryData<object, string, string> Refusals => new()
    {
        { new { Name = "S" }, "ParameterArgumentValidationErrorNullNotAllowed", "AddressSpaces" },
        { new { Name = "S", AddressSpaces = Array.Empty<string>() }, "InvalidArgumentException", "AddressSpaces" },
        { new { Name = "S", AddressSpaces = "*contoso.com" }, "InvalidArgumentException", "*contoso.com" },
        { new { Name = "S", AddressSpaces = "X400:c=US;a=;p=Contoso" }, "InvalidArgumentException", "X400" },
        { new { Name = "S", AddressSpaces = "contoso.com;0" }, "InvalidArgumentException", "cost" },
        { new { Name = "S", AddressSpaces = "*", SmartHosts = "relay.contoso.com", DNSRoutingEnabled = true }, "InvalidArgumentException", "DNSRoutingEnabled is $false" },
        { new { Name = "S", AddressSpaces = "*", DNSRoutingEnabled = false }, "InvalidArgumentException", "smart host" },
        { new { Name = "S", AddressSpaces = "*", SmartHosts = "relay contoso" }, "InvalidArgumentException", "relay contoso" },
        { new { Name = "S", AddressSpaces = "*", Port = 0 }, "InvalidArgumentException", "Port" },
        { new { Name = "S", AddressSpaces = "*", MaxMessageSize = "3GB" }, "InvalidArgumentException", "MaxMessageSize" },
        { new { Name = "S", AddressSpaces = "*", SourceTransportServers = "EX9" }, "ManagementObjectNotFoundException", "EX9" },
        { new { Name = "S", AddressSpaces = "*", SourceTransportServers = Array.Empty<string>() }, "InvalidArgumentException", "SourceTransportServers" },
        { new { Name = "S", AddressSpaces = "*", Usage = "Outbound" }, "InvalidArgumentException", "Usage" },
        { new { Name = "S", AddressSpaces = "*", Usage = "Internet", Partner = true }, "InvalidArgumentException", "one usage" },
        { new { Name = "S", AddressSpaces = "*", Fqdn = "*.contoso.com" }, "InvalidArgumentException", "wildcard" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task InvalidConnectorsAreRefusedAndChangeNothing(object parameters, string errorId, string mentioned)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-SendConnector", parameters);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(mentioned, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(errorId == "ManagementObjectNotFoundException" ? "ObjectNotFound" : "InvalidArgument", error.Category);
    }

    [Fact]
    public async Task NamesAreUniqueInTheOrganization()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-SendConnector", new { Name = "Internet", AddressSpaces = "*" });
        var error = await org.RefusedWithoutChangeAsync("New-SendConnector", new { Name = "INTERNET", AddressSpaces = "contoso.com" });
        Assert.Equal("ADObjectAlreadyExistsException", error.ErrorId);
        Assert.Equal("ResourceExists", error.Category);
    }

    [Fact]
    public async Task SetEditsAddressSpacesByDomain()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-SendConnector", new { Name = "Out", AddressSpaces = new[] { "*", "contoso.net;5" } });
        await org.RunAsync("Set-SendConnector", new { Identity = "Out", AddressSpaces = new { Add = new[] { "fabrikam.com;3", "SMTP:*;9" }, Remove = "SMTP:contoso.net;5" } });
        var connector = await org.OneAsync<SendConnector>("Get-SendConnector", new { Identity = "Out" });
        Assert.Equal(["SMTP:*;1", "SMTP:fabrikam.com;3"], connector.AddressSpaces.Select(a => a.ToString())); // * is there once, with its cost

        var emptied = await org.RefusedWithoutChangeAsync("Set-SendConnector", new { Identity = "Out", AddressSpaces = new { Remove = new[] { "*", "fabrikam.com" } } });
        Assert.Contains("AddressSpaces", emptied.Message);
    }

    [Fact]
    public async Task SwitchingBetweenDnsAndSmartHosts()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-SendConnector", new { Name = "Out", AddressSpaces = "*" });

        await org.RunAsync("Set-SendConnector", new { Identity = "Out", SmartHosts = "[192.0.2.25]" });
        var viaRelay = await org.OneAsync<SendConnector>("Get-SendConnector", new { Identity = "Out" });
        Assert.False(viaRelay.DNSRoutingEnabled);
        Assert.Equal(["[192.0.2.25]"], viaRelay.SmartHosts.Select(h => h.ToString()));

        // Back to DNS only together with clearing the smart hosts, so none is silently kept or lost.
        var refused = await org.RefusedWithoutChangeAsync("Set-SendConnector", new { Identity = "Out", DNSRoutingEnabled = true });
        Assert.Contains("-SmartHosts $null", refused.Message);
        await org.RunAsync("Set-SendConnector", new { Identity = "Out", DNSRoutingEnabled = true, SmartHosts = (string[]?)null });
        var direct = await org.OneAsync<SendConnector>("Get-SendConnector", new { Identity = "Out" });
        Assert.True(direct.DNSRoutingEnabled);
        Assert.Empty(direct.SmartHosts);
    }

    [Fact]
    public async Task RenameAndRemove()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-SendConnector", new { Name = "Out", AddressSpaces = "*" });
        await org.RunAsync("Set-SendConnector", new { Identity = "Out", Name = "Internet", Enabled = false, MaxMessageSize = "20MB", SourceTransportServers = new { Add = "EX1" } });
        var renamed = await org.OneAsync<SendConnector>("Get-SendConnector", new { Identity = "Internet" });
        Assert.StartsWith("CN=Internet,CN=Connections,", renamed.DistinguishedName);
        Assert.False(renamed.Enabled);
        Assert.Equal("20 MB (20,971,520 bytes)", renamed.MaxMessageSize.ToString());
        Assert.Equal(["EX1"], renamed.SourceTransportServers);

        await org.RunAsync("Remove-SendConnector", new { Identity = "Internet" });
        Assert.Empty(await org.RunAsync("Get-SendConnector"));
    }
}
