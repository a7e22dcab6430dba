using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.Sizes;

namespace Mailroom.IntegrationTests;

/// <summary>Receive and send connectors through the module, the API and a real node, as an administrator's pwsh session uses them.</summary>
public sealed class ConnectorShellTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public void ACustomReceiveConnectorIsCreatedWithExchangesTypesAndPipesBack()
    {
        using var shell = PowerShellSession.Connect(node);
        var created = shell.Run("New-ReceiveConnector -Name Relay -Usage Custom -Bindings 0.0.0.0:2626 -RemoteIPRanges 10.0.0.0/8").ThrowIfErrors();
        var connector = Assert.Single(created.Output);
        Assert.Equal("Mailroom.ReceiveConnector", connector.TypeNames[0]);
        var identity = Assert.IsType<ObjectIdentity>(connector.Properties["Identity"].Value);
        Assert.Equal("EX1\\Relay", identity.ToString());
        Assert.Equal(new object[] { "0.0.0.0:2626" }, (object[])connector.Properties["Bindings"].Value);
        Assert.Equal(new object[] { "10.0.0.0/8" }, (object[])connector.Properties["RemoteIPRanges"].Value);
        Assert.Equal("None", connector.Properties["PermissionGroups"].Value);
        Assert.Equal("Tls", connector.Properties["AuthMechanism"].Value);
        Assert.Equal(QuotaSize.FromBytes(37_748_736), connector.Properties["MaxMessageSize"].Value);
        Assert.Equal(TimeSpan.FromMinutes(10), connector.Properties["ConnectionTimeout"].Value);

        shell.Run("Get-ReceiveConnector EX1\\Relay | Set-ReceiveConnector -RemoteIPRanges @{Add='192.168.10.0/24'} -PermissionGroups ExchangeUsers -AuthMechanism Tls,BasicAuth,BasicAuthRequireTLS -Enabled $false").ThrowIfErrors();
        var changed = shell.Run("Get-ReceiveConnector Relay").ThrowIfErrors();
        Assert.Equal(new object[] { "10.0.0.0/8", "192.168.10.0/24" }, (object[])changed.Property(0, "RemoteIPRanges")!);
        Assert.Equal("ExchangeUsers", changed.Property(0, "PermissionGroups"));
        Assert.Equal("Tls, BasicAuth, BasicAuthRequireTLS", changed.Property(0, "AuthMechanism"));
        Assert.Equal(false, changed.Property(0, "Enabled"));

        shell.Run("Remove-ReceiveConnector EX1\\Relay -Confirm:$false").ThrowIfErrors();
        Assert.Equal(2, shell.Run("Get-ReceiveConnector").ThrowIfErrors().Output.Count);
    }

    [Fact]
    public void GetReceiveConnectorShowsTheDefaultPairAsExchangesTable()
    {
        using var shell = PowerShellSession.Connect(node);
        var table = shell.Text("Get-ReceiveConnector");
        Assert.Matches(@"Identity\s+Bindings\s+Enabled", table);
        Assert.Matches(@"EX1\\Client Frontend EX1\s+\{[^}]*:\d+[^}]*\}\s+True", table);
        Assert.Matches(@"EX1\\Default Frontend EX1\s+\{[^}]*:\d+[^}]*\}\s+True", table);

        var frontend = shell.Run("Get-ReceiveConnector 'Default Frontend EX1'").ThrowIfErrors();
        Assert.Equal("AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers", frontend.Property(0, "PermissionGroups"));
        Assert.Equal("Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer", frontend.Property(0, "AuthMechanism"));
        Assert.Equal("FrontendTransport", frontend.Property(0, "TransportRole"));
        var client = shell.Run("Get-ReceiveConnector 'EX1\\Client Frontend EX1'").ThrowIfErrors();
        Assert.Equal("ExchangeUsers", client.Property(0, "PermissionGroups"));
        Assert.Equal(true, client.Property(0, "RequireTLS"));
    }

    [Fact]
    public void RefusedConnectorsAreErrorRecordsWithExchangesCategories()
    {
        using var shell = PowerShellSession.Connect(node);
        var invalid = shell.Run("New-ReceiveConnector -Name Bad -Usage Custom -Bindings 0.0.0.0:2626 -RemoteIPRanges 10.0.0.0/33").SingleError();
        Assert.Equal("InvalidArgumentException,Mailroom.PowerShell.Cmdlets.ReceiveConnector.NewReceiveConnectorCommand", invalid.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, invalid.CategoryInfo.Category);
        Assert.Contains("10.0.0.0/33", invalid.Exception.Message);

        var bindings = (object[])shell.Run("(Get-ReceiveConnector 'EX1\\Default Frontend EX1').Bindings").Output.Select(o => o.BaseObject).ToArray();
        var clash = shell.Run("New-ReceiveConnector -Name Clash -Usage Custom -Bindings $args[0] -RemoteIPRanges 0.0.0.0/0", [bindings]).SingleError();
        Assert.StartsWith("ReceiveConnectorBindingConflict,", clash.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, clash.CategoryInfo.Category);
        Assert.Contains("EX1\\Default Frontend EX1", clash.Exception.Message);

        Assert.Equal(2, shell.Run("Get-ReceiveConnector").ThrowIfErrors().Output.Count);
    }

    [Fact]
    public void SetSendConnectorAddsAnAddressSpace()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("New-SendConnector -Name 'To Internet' -Internet -AddressSpaces '*'").ThrowIfErrors();
        shell.Run("Set-SendConnector 'To Internet' -AddressSpaces @{Add='fabrikam.com;5'}").ThrowIfErrors();
        var connector = shell.Run("Get-SendConnector 'To Internet'").ThrowIfErrors();
        Assert.Equal("Mailroom.SendConnector", connector.Output[0].TypeNames[0]);
        Assert.Equal(new object[] { "SMTP:*;1", "SMTP:fabrikam.com;5" }, (object[])connector.Property(0, "AddressSpaces")!);
        Assert.Equal(true, connector.Property(0, "DNSRoutingEnabled"));
        Assert.Equal(new object[] { "EX1" }, (object[])connector.Property(0, "SourceTransportServers")!);
        Assert.Matches(@"Identity\s+AddressSpaces\s+Enabled", shell.Text("Get-SendConnector"));

        var smartHost = shell.Run("Set-SendConnector 'To Internet' -SmartHosts relay.contoso.com -DNSRoutingEnabled $true").SingleError();
        Assert.StartsWith("InvalidArgumentException,", smartHost.FullyQualifiedErrorId);
        shell.Run("Set-SendConnector 'To Internet' -SmartHosts 192.0.2.25").ThrowIfErrors();
        var relayed = shell.Run("Get-SendConnector 'To Internet'").ThrowIfErrors();
        Assert.Equal(false, relayed.Property(0, "DNSRoutingEnabled"));
        Assert.Equal(new object[] { "[192.0.2.25]" }, (object[])relayed.Property(0, "SmartHosts")!);

        shell.Run("Get-SendConnector 'To Internet' | Remove-SendConnector -Confirm:$false").ThrowIfErrors();
        Assert.Empty(shell.Run("Get-SendConnector").ThrowIfErrors().Output);
    }
}
