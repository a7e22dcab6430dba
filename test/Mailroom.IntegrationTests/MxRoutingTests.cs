using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Testing;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>Outbound delivery by MX: a loopback DNS server, preference order, and fallback past a dead exchanger.</summary>
public sealed class MxRoutingTests : IAsyncLifetime
{
    private const string Password = "Pa55word!x";
    private readonly LoopbackDnsServer dns = new();
    private TestNode contoso = null!;
    private TestNode fabrikam = null!;

    public async Task InitializeAsync()
    {
        fabrikam = await TestNode.StartAsync(serverName: "FAB1", domain: "fabrikam.test");
        dns.Mx["fabrikam.test"] = [(20, "mx2.fabrikam.test"), (10, "mx1.fabrikam.test")];
        dns.A["mx1.fabrikam.test"] = [IPAddress.Parse("127.0.0.2")]; // nothing listens there: the first attempt fails
        dns.A["mx2.fabrikam.test"] = [IPAddress.Loopback];
        contoso = await TestNode.StartAsync(extra: new Dictionary<string, string?> { ["Mailroom:Transport:DnsServers:0"] = dns.EndPoint.ToString() });
        using (var shell = PowerShellSession.Connect(contoso))
        {
            shell.Run($"New-Mailbox -Name alice -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
            shell.Run($"New-SendConnector -Name Internet -Usage Internet -AddressSpaces '*' -Port {fabrikam.SmtpPort}").ThrowIfErrors();
        }

        using (var shell = PowerShellSession.Connect(fabrikam))
        {
            shell.Run($"New-Mailbox -Name bob -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        }
    }

    public async Task DisposeAsync()
    {
        await contoso.DisposeAsync();
        await fabrikam.DisposeAsync();
        await dns.DisposeAsync();
    }

    [Fact]
    public async Task MailGoesToTheMxByPreferenceAndFallsBackToTheNextOne()
    {
        using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync("127.0.0.1", contoso.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
            await client.AuthenticateAsync("alice@contoso.com", Password);
            await client.SendAsync(new MimeMessage([MailboxAddress.Parse("alice@contoso.com")], [MailboxAddress.Parse("bob@fabrikam.test")], "Via MX", new TextPart("plain") { Text = "hi" }));
            await client.DisconnectAsync(true);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var shell = PowerShellSession.Connect(fabrikam);
        while (shell.Run("Get-MessageTrackingLog -Recipients bob@fabrikam.test -EventId DELIVER").ThrowIfErrors().Output.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the message never reached fabrikam");
            await Task.Delay(100);
        }

        Assert.True(dns.Queries >= 3, "expected the MX query and the A queries of both exchangers");
    }
}
