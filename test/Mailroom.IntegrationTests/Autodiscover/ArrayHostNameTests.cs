using System.Net;
using System.Xml.Linq;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>A server in a site with a client access array sends clients to the array's name, not its own.</summary>
public sealed class ArrayHostNameTests
{
    [Fact]
    public async Task AutoconfigAndAutodiscoverNameTheArrayOnceTheSiteHasOne()
    {
        await using var node = await TestNode.StartAsync();
        Assert.Equal(["ex1.contoso.com"], await AutoconfigHostsAsync(node));

        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("New-ClientAccessArray -Name casarray -Fqdn casarray.contoso.com -Site Default-First-Site-Name").ThrowIfErrors();
            shell.Run($"New-Mailbox -Name carol -Password (ConvertTo-SecureString '{AutodiscoverFixture.Password}' -AsPlainText -Force)").ThrowIfErrors();
        }

        Assert.Equal(["casarray.contoso.com"], await AutoconfigHostsAsync(node));
        using var client = AutodiscoverClient.Create(node, "carol@contoso.com", AutodiscoverFixture.Password);
        var answer = await AutodiscoverClient.PostForXmlAsync(client, AutodiscoverClient.OutlookRequest("carol@contoso.com"));
        Assert.Equal("casarray.contoso.com", AutodiscoverClient.Protocol(answer, "IMAP")["Server"]);
    }

    private static async Task<string[]> AutoconfigHostsAsync(TestNode node)
    {
        using var client = AutodiscoverClient.Create(node);
        using var response = await client.GetAsync("/mail/config-v1.1.xml?emailaddress=x%40contoso.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        return [.. config.Descendants("hostname").Select(h => h.Value).Distinct()];
    }
}
