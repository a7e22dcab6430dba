using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Virtual directories and POP/IMAP settings every server gets, and their Set- rules (exchange.md §9).</summary>
public class ClientAccessSettingsCommandTests
{
    [Theory]
    [InlineData("Get-OwaVirtualDirectory", "owa (Default Web Site)")]
    [InlineData("Get-EcpVirtualDirectory", "ecp (Default Web Site)")]
    [InlineData("Get-AutodiscoverVirtualDirectory", "Autodiscover (Default Web Site)")]
    public async Task EveryServerHasItsVirtualDirectories(string command, string name)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddNodeAsync("EX2", "Default-First-Site-Name");
        var all = (await org.RunAsync(command)).Cast<VirtualDirectory>().ToList();
        Assert.Equal(["EX1\\" + name, "EX2\\" + name], all.Select(v => v.Identity).Order());
        var one = Assert.IsType<VirtualDirectory>(Assert.Single(await org.RunAsync(command, new { Server = "EX2" })));
        Assert.Null(one.InternalUrl);
        Assert.Null(one.ExternalUrl);
    }

    [Fact]
    public async Task SetChangesOnlyThatDirectoryAndClearsWithNull()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Set-OwaVirtualDirectory", new { Identity = "EX1\\owa (Default Web Site)", InternalUrl = "https://ex1.contoso.com/owa", ExternalUrl = "https://mail.contoso.com/owa" });
        var owa = await org.OneAsync<VirtualDirectory>("Get-OwaVirtualDirectory", new { Identity = "owa (Default Web Site)" });
        Assert.Equal("https://ex1.contoso.com/owa", owa.InternalUrl);
        Assert.Equal("https://mail.contoso.com/owa", owa.ExternalUrl);
        Assert.Null((await org.OneAsync<VirtualDirectory>("Get-EcpVirtualDirectory", new { Identity = "EX1\\ecp (Default Web Site)" })).InternalUrl);

        await org.RunAsync("Set-OwaVirtualDirectory", new { Identity = "EX1\\owa (Default Web Site)", ExternalUrl = (string?)null });
        Assert.Null((await org.OneAsync<VirtualDirectory>("Get-OwaVirtualDirectory", new { Identity = "EX1\\owa (Default Web Site)" })).ExternalUrl);
    }

    [Theory]
    [InlineData("Set-OwaVirtualDirectory", "EX1\\owa (Default Web Site)", "InternalUrl", "mail.contoso.com/owa")]
    [InlineData("Set-OwaVirtualDirectory", "EX1\\owa (Default Web Site)", "ExternalUrl", "ftp://mail.contoso.com/owa")]
    [InlineData("Set-OwaVirtualDirectory", "EX1\\ecp (Default Web Site)", "InternalUrl", "https://ex1.contoso.com/ecp")]
    [InlineData("Set-EcpVirtualDirectory", "EX1\\Nope", "InternalUrl", "https://ex1.contoso.com/ecp")]
    public async Task BadInputChangesNothing(string command, string identity, string parameter, string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        var parameters = new Dictionary<string, object?> { ["Identity"] = identity, [parameter] = value };
        await org.RefusedWithoutChangeAsync(command, parameters);
    }

    [Fact]
    public async Task ImapSettingsTakeExchangesConnectionSettingsAndLoginType()
    {
        await using var org = await TestOrganization.CreateAsync();
        var settings = await org.OneAsync<ImapSettings>("Get-ImapSettings", new { });
        Assert.Equal("EX1", settings.Server);
        Assert.Equal(LoginOptions.SecureLogin, settings.LoginType);
        Assert.Empty(settings.ExternalConnectionSettings);

        await org.RunAsync("Set-ImapSettings", new { ExternalConnectionSettings = new[] { "Mail.Contoso.com:993:ssl", "mail.contoso.com:143:TLS" }, LoginType = "PlainTextLogin", X509CertificateName = "mail.contoso.com" });
        settings = await org.OneAsync<ImapSettings>("Get-ImapSettings", new { Server = "EX1" });
        Assert.Equal(["mail.contoso.com:993:SSL", "mail.contoso.com:143:TLS"], settings.ExternalConnectionSettings.Select(s => s.ToString()));
        Assert.Equal(LoginOptions.PlainTextLogin, settings.LoginType);
        Assert.Equal("mail.contoso.com", settings.X509CertificateName);

        await org.RunAsync("Set-ImapSettings", new { ExternalConnectionSettings = new { Remove = new[] { "mail.contoso.com:143:TLS" } } });
        Assert.Equal(["mail.contoso.com:993:SSL"], (await org.OneAsync<ImapSettings>("Get-ImapSettings", new { })).ExternalConnectionSettings.Select(s => s.ToString()));
        Assert.Equal(LoginOptions.SecureLogin, (await org.OneAsync<PopSettings>("Get-PopSettings", new { })).LoginType);
    }

    [Theory]
    [InlineData("ExternalConnectionSettings", "mail.contoso.com")]
    [InlineData("ExternalConnectionSettings", "mail.contoso.com:99999:SSL")]
    [InlineData("ExternalConnectionSettings", "mail.contoso.com:993:STARTTLS")]
    [InlineData("InternalConnectionSettings", "bad host:993:SSL")]
    [InlineData("LoginType", "Whatever")]
    [InlineData("X509CertificateName", "not a host")]
    [InlineData("Server", "EX404")]
    public async Task BadPopSettingsChangeNothing(string parameter, string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RefusedWithoutChangeAsync("Set-PopSettings", new Dictionary<string, object?> { [parameter] = value });
    }
}
