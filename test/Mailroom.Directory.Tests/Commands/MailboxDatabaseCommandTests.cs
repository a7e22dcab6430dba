using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

public class MailboxDatabaseCommandTests
{
    [Fact]
    public async Task GetMailboxDatabaseServerListsThatServersDatabases()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        await org.RunAsync("New-MailboxDatabase", new { Name = "DB2", Server = "EX2" });

        var onEx1 = (await org.RunAsync("Get-MailboxDatabase", new { Server = "EX1" })).Cast<MailboxDatabase>().ToList();
        Assert.Equal((await org.RunAsync("Get-MailboxDatabase", new { Server = "ex1.contoso.com" })).Cast<MailboxDatabase>().Select(d => d.Guid), onEx1.Select(d => d.Guid));
        Assert.All(onEx1, d => Assert.Equal("EX1", d.Server));
        var onEx2 = Assert.IsType<MailboxDatabase>(Assert.Single(await org.RunAsync("Get-MailboxDatabase", new { Server = "EX2" })));
        Assert.Equal("DB2", onEx2.Name);
        Assert.Equal(2, (await org.RunAsync("Get-MailboxDatabase")).Count);
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-MailboxDatabase", new { Server = "EX9" })).ErrorId);
    }

    [Fact]
    public async Task IdentityAndServerTogetherAreRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        Assert.Equal("InvalidArgument", (await org.RefusedAsync("Get-MailboxDatabase", new { Identity = database.Name, Server = "EX1" })).Category);
    }

    [Fact]
    public async Task StatusFillsInMounted()
    {
        await using var org = await TestOrganization.CreateAsync();
        Assert.Null((await org.FirstDatabaseAsync()).Mounted);
        var withStatus = Assert.IsType<MailboxDatabase>(Assert.Single(await org.RunAsync("Get-MailboxDatabase", new { Status = true })));
        Assert.True(withStatus.Mounted);
    }

    [Theory]
    [InlineData("EX1", "ex1.contoso.com")]
    [InlineData("ex1.contoso.com", "ex1.contoso.com")]
    [InlineData("outlook.contoso.com", "outlook.contoso.com")]
    public async Task RpcClientAccessServerTakesAServerAnArrayOrAHostName(string value, string expected)
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        await org.RunAsync("Set-MailboxDatabase", new { Identity = database.Name, RpcClientAccessServer = value });
        Assert.Equal(expected, (await org.FirstDatabaseAsync()).RpcClientAccessServer);
    }

    [Fact]
    public async Task RpcClientAccessServerResolvesAnArrayByName()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessArray", new { Name = "Outlook", Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        var database = await org.FirstDatabaseAsync();
        await org.RunAsync("Set-MailboxDatabase", new { Identity = database.Name, RpcClientAccessServer = "Outlook" });
        Assert.Equal("outlook.contoso.com", (await org.FirstDatabaseAsync()).RpcClientAccessServer);
    }

    [Fact]
    public async Task AnInvalidRpcClientAccessServerIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-MailboxDatabase", new { Identity = database.Name, RpcClientAccessServer = "not a host!" });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task ADatabaseWithMailboxesCannotBeRemoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        var error = await org.RefusedWithoutChangeAsync("Remove-MailboxDatabase", new { Identity = database.Name });
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Contains("Get-Mailbox -Database", error.Message);
    }

    [Fact]
    public async Task AnEmptyDatabaseIsRemoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-MailboxDatabase", new { Name = "DB2", Server = "EX1" });
        await org.RunAsync("Remove-MailboxDatabase", new { Identity = "DB2" });
        Assert.Single(await org.RunAsync("Get-MailboxDatabase"));
    }

    [Fact]
    public async Task ANewDatabaseInASiteWithAnArrayGetsTheArrayFqdn()
    {
        await using var org = await TestOrganization.CreateAsync();
        var before = await org.OneAsync<MailboxDatabase>("New-MailboxDatabase", new { Name = "DB2", Server = "EX1" });
        Assert.Equal("ex1.contoso.com", before.RpcClientAccessServer);

        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        var after = await org.OneAsync<MailboxDatabase>("New-MailboxDatabase", new { Name = "DB3", Server = "EX1" });
        Assert.Equal("outlook.contoso.com", after.RpcClientAccessServer);

        // Existing databases keep theirs, as in Exchange.
        Assert.Equal("ex1.contoso.com", (await org.OneAsync<MailboxDatabase>("Get-MailboxDatabase", new { Identity = "DB2" })).RpcClientAccessServer);
    }

    [Fact]
    public async Task ADatabaseInAnotherSiteGetsItsOwnServer()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Longview");
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "outlook.contoso.com", Site = "Default-First-Site-Name" });
        var database = await org.OneAsync<MailboxDatabase>("New-MailboxDatabase", new { Name = "Longview DB", Server = "EX2" });
        Assert.Equal("ex2.contoso.com", database.RpcClientAccessServer);
    }

    [Fact]
    public async Task DatabaseQuotaOrderIsEnforced()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-MailboxDatabase", new { Identity = database.Name, ProhibitSendQuota = "5GB" });
        Assert.Equal("QuotaOrderViolation", error.ErrorId);

        await org.RunAsync("Set-MailboxDatabase", new { Identity = database.Name, IssueWarningQuota = "49GB", ProhibitSendQuota = "49.5GB", ProhibitSendReceiveQuota = "50GB" });
        Assert.Equal("49.5 GB (53,150,220,288 bytes)", (await org.FirstDatabaseAsync()).ProhibitSendQuota.ToString());
    }

    [Fact]
    public async Task RenamingADatabaseMovesItsMailboxes()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        await org.RunAsync("Set-MailboxDatabase", new { Identity = database.Name, Name = "Main" });
        Assert.Equal("Main", (await org.MailboxAsync("Administrator")).Database);
        Assert.Equal(database.Guid, (await org.OneAsync<MailboxDatabase>("Get-MailboxDatabase", new { Identity = "Main" })).Guid);
    }

    [Fact]
    public async Task ADuplicateDatabaseNameIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        var error = await org.RefusedWithoutChangeAsync("New-MailboxDatabase", new { database.Name, Server = "EX1" });
        Assert.Equal("ADObjectAlreadyExistsException", error.ErrorId);
    }
}
