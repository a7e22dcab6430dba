using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Exchange 2010's client access arrays: one per site, members are the site's servers (exchange.md §5.1).</summary>
public class ClientAccessArrayCommandTests
{
    [Fact]
    public async Task MembersAreTheServersOfTheSite()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        await org.AddNodeAsync("EX3", "Longview");

        var created = await org.OneAsync<ClientAccessArray>("New-ClientAccessArray", new { Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        Assert.Equal("outlook", created.Name); // named after the host part when no name is given
        Assert.Equal(["ex1.contoso.com", "ex2.contoso.com"], created.Members.Order());

        var listed = Assert.IsType<ClientAccessArray>(Assert.Single(await org.RunAsync("Get-ClientAccessArray")));
        Assert.Equal(["ex1.contoso.com", "ex2.contoso.com"], listed.Members.Order());
        Assert.Equal(created.Guid, (await org.OneAsync<ClientAccessArray>("Get-ClientAccessArray", new { Identity = "outlook.contoso.com" })).Guid);
    }

    [Fact]
    public async Task AServerJoiningTheSiteBecomesAMember()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessArray", new { Name = "Array", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        Assert.Equal(["ex1.contoso.com", "ex2.contoso.com"], (await org.OneAsync<ClientAccessArray>("Get-ClientAccessArray", new { Identity = "Array" })).Members.Order());
    }

    [Fact]
    public async Task ASiteHasOnlyOneArray()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        var error = await org.RefusedWithoutChangeAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "default-first-site-name" });
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Contains("outlook", error.Message);
    }

    [Fact]
    public async Task AnArrayCannotMoveIntoASiteThatHasOne()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Longview");
        await org.RunAsync("New-ClientAccessArray", new { Name = "Main", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        await org.RunAsync("New-ClientAccessArray", new { Name = "Longview", Fqdn = "outlook.longview.contoso.com", Site = "Longview" });
        await org.RefusedWithoutChangeAsync("Set-ClientAccessArray", new { Identity = "Longview", Site = "Default-First-Site-Name" });

        var longview = await org.OneAsync<ClientAccessArray>("Get-ClientAccessArray", new { Identity = "Longview" });
        Assert.Equal(["ex2.contoso.com"], longview.Members);
        Assert.Equal(["Main"], (await org.RunAsync("Get-ClientAccessArray", new { Site = "Default-First-Site-Name" })).Cast<ClientAccessArray>().Select(a => a.Name));
    }

    [Theory]
    [InlineData("outlook..contoso.com")]
    [InlineData("*.contoso.com")]
    [InlineData("out look.contoso.com")]
    public async Task AnInvalidFqdnIsRefused(string fqdn)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-ClientAccessArray", new { Name = "Bad", Fqdn = fqdn, Site = "Default-First-Site-Name" });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task AnUnknownSiteIsNotFound()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-ClientAccessArray", new { Fqdn = "outlook.contoso.com", Site = "Atlantis" });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
    }

    [Fact]
    public async Task SetChangesTheFqdnAndMembersAreNotStored()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessArray", new { Name = "Array", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        await org.RunAsync("Set-ClientAccessArray", new { Identity = "Array", Fqdn = "mail.contoso.com" });
        var array = await org.OneAsync<ClientAccessArray>("Get-ClientAccessArray", new { Identity = "mail.contoso.com" });
        Assert.Equal("Array", array.Name);
        Assert.Equal(["ex1.contoso.com"], array.Members);
    }

    [Fact]
    public async Task RemovedArraysAreGone()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessArray", new { Name = "Array", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        await org.RunAsync("Remove-ClientAccessArray", new { Identity = "Array" });
        Assert.Empty(await org.RunAsync("Get-ClientAccessArray"));

        // The site is free for a new one.
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "Default-First-Site-Name" });
        Assert.Single(await org.RunAsync("Get-ClientAccessArray"));
    }
}
