using System.Net;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>Client access rules govern Autodiscover like every other protocol: a refused user gets a bare 403.</summary>
public sealed class AutodiscoverRuleTests
{
    [Fact]
    public async Task AUsernameRuleForAutodiscoverRefusesOnlyThatUser()
    {
        await using var node = await TestNode.StartAsync();
        using (var shell = PowerShellSession.Connect(node))
        {
            foreach (var name in new[] { "carol", "dave" })
            {
                shell.Run($"New-Mailbox -Name {name} -Password (ConvertTo-SecureString '{AutodiscoverFixture.Password}' -AsPlainText -Force)").ThrowIfErrors();
            }

            shell.Run(@"New-ClientAccessRule -Name 'No Autodiscover for Carol' -Action DenyAccess -AnyOfProtocols Autodiscover -UsernameMatchesAnyOfPatterns '*\carol'").ThrowIfErrors();
        }

        Assert.Equal(HttpStatusCode.Forbidden, await PoxStatusAsync(node, "carol"));
        Assert.Equal(HttpStatusCode.OK, await PoxStatusAsync(node, "dave"));
    }

    private static async Task<HttpStatusCode> PoxStatusAsync(TestNode node, string user)
    {
        using var client = AutodiscoverClient.Create(node, $"{user}@contoso.com", AutodiscoverFixture.Password);
        using var response = await AutodiscoverClient.PostAsync(client, AutodiscoverClient.OutlookRequest($"{user}@contoso.com"));
        return response.StatusCode;
    }
}
