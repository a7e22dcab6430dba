using System.Text.Json;
using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Get/Set-ClientAccessService and the older name Get-ClientAccessServer (exchange.md §4.6).</summary>
public class ClientAccessServiceCommandTests
{
    [Fact]
    public async Task ShowsTheAutodiscoverServiceConnectionPointSetupPublished()
    {
        await using var org = await TestOrganization.CreateAsync();
        var service = await org.OneAsync<ClientAccessService>("Get-ClientAccessService", new { Identity = "EX1" });
        Assert.Equal("EX1", service.Name);
        Assert.Equal("ex1.contoso.com", service.Fqdn);
        Assert.Null(service.ClientAccessArray);
        Assert.Equal("https://ex1.contoso.com/Autodiscover/Autodiscover.xml", service.AutoDiscoverServiceInternalUri);
        Assert.Empty(service.AutoDiscoverSiteScope);
        Assert.Equal(new Guid("77378F46-2C66-4aa9-A6A6-3E7A48B19596"), service.AutoDiscoverServiceGuid);
        Assert.Equal("ms-Exchange-AutoDiscover-Service", service.AutoDiscoverServiceClassName);
        Assert.False(service.IsOutOfService);
    }

    [Fact]
    public async Task GetClientAccessServerIsTheSameCommand()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Set-ClientAccessService", new { Identity = "EX1", AutoDiscoverServiceInternalUri = "https://mail.contoso.com/Autodiscover/Autodiscover.xml" });
        var modern = await org.OneAsync<ClientAccessService>("Get-ClientAccessService", new { Identity = "EX1" });
        var legacy = await org.OneAsync<ClientAccessService>("Get-ClientAccessServer", new { Identity = "ex1.contoso.com" });
        Assert.Equal(JsonSerializer.Serialize(modern), JsonSerializer.Serialize(legacy));
        Assert.Equal("https://mail.contoso.com/Autodiscover/Autodiscover.xml", legacy.AutoDiscoverServiceInternalUri);
        Assert.IsType<ClientAccessService>(Assert.Single(await org.RunAsync("get-clientaccessserver")));
    }

    [Fact]
    public async Task SetChangesTheScpSettings()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Longview");
        await org.RunAsync("Set-ClientAccessService", new
        {
            Identity = "EX1", AutoDiscoverServiceInternalUri = "https://mail.contoso.com/Autodiscover/Autodiscover.xml",
            AutoDiscoverSiteScope = new[] { "Default-First-Site-Name", "Longview" }, IsOutOfService = true,
        });
        var service = await org.OneAsync<ClientAccessService>("Get-ClientAccessService", new { Identity = "EX1" });
        Assert.Equal(["Default-First-Site-Name", "Longview"], service.AutoDiscoverSiteScope);
        Assert.True(service.IsOutOfService);

        await org.RunAsync("Set-ClientAccessService", new { Identity = "EX1", AutoDiscoverSiteScope = new { Remove = new[] { "Longview" } }, AutoDiscoverServiceInternalUri = (string?)null });
        service = await org.OneAsync<ClientAccessService>("Get-ClientAccessService", new { Identity = "EX1" });
        Assert.Equal(["Default-First-Site-Name"], service.AutoDiscoverSiteScope);
        Assert.Null(service.AutoDiscoverServiceInternalUri);
    }

    [Theory]
    [InlineData("mail.contoso.com/Autodiscover/Autodiscover.xml")]
    [InlineData("ftp://mail.contoso.com/Autodiscover/Autodiscover.xml")]
    public async Task TheScpUrlMustBeAnAbsoluteHttpUrl(string url)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-ClientAccessService", new { Identity = "EX1", AutoDiscoverServiceInternalUri = url });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task AnUnknownSiteInTheScopeIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-ClientAccessService", new { Identity = "EX1", AutoDiscoverSiteScope = new[] { "Atlantis" } });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
    }

    [Fact]
    public async Task TheSitesArrayIsShown()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Longview");
        await org.RunAsync("New-ClientAccessArray", new { Name = "Outlook", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        var services = (await org.RunAsync("Get-ClientAccessService")).Cast<ClientAccessService>().ToDictionary(s => s.Name);
        Assert.Equal("Outlook", services["EX1"].ClientAccessArray);
        Assert.Null(services["EX2"].ClientAccessArray);
    }
}
