using Mailroom.Directory.Commands.ClientAccess;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Get-AutodiscoverEndpoint: the endpoint list a domain-joined client builds (exchange.md §4.4, §4.5, §4.8a).</summary>
public class AutodiscoverEndpointCommandTests
{
    /// <summary>The reference's worked example, row by row (exchange.md §4.8a).</summary>
    [Fact]
    public async Task TheLongviewExampleGivesTheReferenceTableInOrder()
    {
        await using var org = await LongviewAsync();
        var rows = (await org.RunAsync("Get-AutodiscoverEndpoint", new { EmailAddress = "user@contoso.com", Site = "Longview" })).Cast<AutodiscoverEndpoint>().ToList();
        Assert.Equal(
        [
            new(1, "https://longview.contoso.com/autodiscover/autodiscover.xml", "SCP lookup (same site)", "POST"),
            new(2, "https://email.contoso.com/autodiscover/autodiscover.xml", "SCP lookup (no site scope)", "POST"),
            new(3, "https://newark.contoso.com/autodiscover/autodiscover.xml", "SCP lookup (other site)", "POST"),
            new(4, "https://contoso.com/autodiscover/autodiscover.xml", "derived from the email address", "POST"),
            new(5, "https://autodiscover.contoso.com/autodiscover/autodiscover.xml", "derived from the email address", "POST"),
        ], rows.Take(5));

        // After the candidate pool, the two fallbacks (§4.5 phase 3).
        Assert.Equal(
        [
            new(6, "http://autodiscover.contoso.com/autodiscover/autodiscover.xml", AutodiscoverEndpointList.RedirectProbe, "GET"),
            new(7, "_autodiscover._tcp.contoso.com", AutodiscoverEndpointList.SrvRecord, "SRV"),
        ], rows.Skip(5));
    }

    [Fact]
    public async Task FromNewarkTheNewarkScpComesFirstAndLongviewLast()
    {
        await using var org = await LongviewAsync();
        var rows = (await org.RunAsync("Get-AutodiscoverEndpoint", new { EmailAddress = "user@contoso.com", Site = "Newark" })).Cast<AutodiscoverEndpoint>().ToList();
        Assert.Equal(["https://newark.contoso.com/autodiscover/autodiscover.xml", "https://email.contoso.com/autodiscover/autodiscover.xml", "https://longview.contoso.com/autodiscover/autodiscover.xml"],
            rows.Take(3).Select(r => r.Endpoint));
    }

    [Fact]
    public async Task WithinARankOlderScpsComeFirst()
    {
        var older = new Server { Name = "B", AutoDiscoverServiceInternalUri = "https://b/x", AutoDiscoverServiceCreated = new DateTime(2020, 1, 1) };
        var newer = new Server { Name = "A", AutoDiscoverServiceInternalUri = "https://a/x", AutoDiscoverServiceCreated = new DateTime(2021, 1, 1) };
        var rows = AutodiscoverEndpointList.Build("contoso.com", "Site", [newer, older], []);
        Assert.Equal(["https://b/x", "https://a/x"], rows.Take(2).Select(r => r.Endpoint));
    }

    [Fact]
    public async Task APointerForTheDomainReplacesThisDirectorysScps()
    {
        await using var org = await LongviewAsync();
        await org.RunAsync("New-ServiceConnectionPoint", new { Name = "Fabrikam", ServiceBindingInformation = "ldap://dc1.fabrikam.com", Domain = "fabrikam.com" });
        var rows = (await org.RunAsync("Get-AutodiscoverEndpoint", new { EmailAddress = "user@fabrikam.com", Site = "Longview" })).Cast<AutodiscoverEndpoint>().ToList();
        Assert.Equal("ldap://dc1.fabrikam.com/", rows[0].Endpoint);
        Assert.Equal("LDAP", rows[0].Method);
        Assert.Equal("https://fabrikam.com/autodiscover/autodiscover.xml", rows[1].Endpoint);
        Assert.Equal(5, rows.Count);

        // Other domains still get the URL SCPs.
        var contoso = (await org.RunAsync("Get-AutodiscoverEndpoint", new { EmailAddress = "user@contoso.com", Site = "Longview" })).Cast<AutodiscoverEndpoint>().ToList();
        Assert.Equal("https://longview.contoso.com/autodiscover/autodiscover.xml", contoso[0].Endpoint);
    }

    [Theory]
    [InlineData("not an address", "InvalidArgument")]
    public async Task ABadAddressIsRefused(string address, string category)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Get-AutodiscoverEndpoint", new { EmailAddress = address });
        Assert.Equal(category, error.Category);
    }

    [Fact]
    public async Task AnUnknownSiteIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Get-AutodiscoverEndpoint", new { EmailAddress = "user@contoso.com", Site = "Atlantis" });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
    }

    /// <summary>Servers Longview (site Longview, scoped to it), Email (no scope) and Newark (site Newark, scoped to it); EX1's own SCP removed.</summary>
    private static async Task<TestOrganization> LongviewAsync()
    {
        var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("Newark", "Newark");
        await org.AddNodeAsync("Email", "Default-First-Site-Name");
        await org.AddNodeAsync("Longview", "Longview");
        await org.RunAsync("Set-ClientAccessService", new { Identity = "EX1", AutoDiscoverServiceInternalUri = (string?)null });
        await org.RunAsync("Set-ClientAccessService", new { Identity = "Longview", AutoDiscoverServiceInternalUri = "https://longview.contoso.com/autodiscover/autodiscover.xml", AutoDiscoverSiteScope = new[] { "Longview" } });
        await org.RunAsync("Set-ClientAccessService", new { Identity = "Email", AutoDiscoverServiceInternalUri = "https://email.contoso.com/autodiscover/autodiscover.xml" });
        await org.RunAsync("Set-ClientAccessService", new { Identity = "Newark", AutoDiscoverServiceInternalUri = "https://newark.contoso.com/autodiscover/autodiscover.xml", AutoDiscoverSiteScope = new[] { "Newark" } });
        return org;
    }
}
