using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using static Mailroom.IntegrationTests.Autodiscover.AutodiscoverClient;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>Autodiscover v2 (JSON), Thunderbird autoconfig, and internal/external answers from the virtual directory and protocol settings.</summary>
public sealed class ClientSetupTests(AutodiscoverFixture fixture) : IClassFixture<AutodiscoverFixture>
{
    private readonly TestNode node = fixture.Node;

    [Theory]
    [InlineData("/autodiscover/autodiscover.json?Email=alice@contoso.com&Protocol=AutodiscoverV1")]
    [InlineData("/autodiscover/autodiscover.json/v1.0/nobody@contoso.com?Protocol=AutodiscoverV1")]
    [InlineData("/Autodiscover/Autodiscover.json?Email=someone@elsewhere.example&Protocol=autodiscoverv1")]
    public async Task JsonV2GivesThePoxUrlWithoutSignInAndTheSameForEveryAddress(string path)
    {
        using var client = Create(node);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("AutodiscoverV1", json.RootElement.GetProperty("Protocol").GetString());
        Assert.Equal($"https://ex1.contoso.com:{node.HttpsUri.Port}/autodiscover/autodiscover.xml", json.RootElement.GetProperty("Url").GetString());
    }

    [Theory]
    [InlineData("Ews", "ProtocolNotSupported")]
    [InlineData("ActiveSync", "ProtocolNotSupported")]
    [InlineData("Bogus", "InvalidProtocol")]
    [InlineData("", "InvalidProtocol")]
    public async Task JsonV2AnswersOtherProtocolsWithAJsonError(string protocol, string code)
    {
        using var client = Create(node);
        using var response = await client.GetAsync($"/autodiscover/autodiscover.json?Email=alice@contoso.com&Protocol={protocol}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("ErrorCode").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("ErrorMessage").GetString()));
    }

    [Fact]
    public async Task JsonV2RefusesAnInvalidAddress()
    {
        using var client = Create(node);
        using var response = await client.GetAsync("/autodiscover/autodiscover.json?Email=not-an-address&Protocol=AutodiscoverV1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidUser", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/mail/config-v1.1.xml?emailaddress=alice%40fabrikam.com", "fabrikam.com")]
    [InlineData("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=nobody%40contoso.com", "contoso.com")]
    [InlineData("/.well-known/autoconfig/mail/config-v1.1.xml", "contoso.com")]
    public async Task AutoconfigListsEveryDomainAndEveryServerElementByElement(string path, string provider)
    {
        using var client = Create(node);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString());
        var config = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("clientConfig", config.Name.LocalName);
        Assert.Equal("1.1", config.Attribute("version")!.Value);
        var emailProvider = config.Element("emailProvider")!;
        Assert.Equal(provider, emailProvider.Attribute("id")!.Value);
        Assert.Equal(new[] { "contoso.com", "fabrikam.com" }.Order(), emailProvider.Elements("domain").Select(d => d.Value).Order());
        Assert.Equal("First Organization", emailProvider.Element("displayName")!.Value);

        string[] Server(XElement e) =>
        [
            e.Name.LocalName, e.Attribute("type")!.Value, e.Element("hostname")!.Value, e.Element("port")!.Value,
            e.Element("socketType")!.Value, e.Element("authentication")!.Value, e.Element("username")!.Value,
        ];
        var servers = emailProvider.Elements().Where(e => e.Name.LocalName is "incomingServer" or "outgoingServer").Select(Server).ToList();
        Assert.Equal(
        [
            ["incomingServer", "imap", "ex1.contoso.com", node.ImapsPort.ToString(), "SSL", "password-cleartext", "%EMAILADDRESS%"],
            ["incomingServer", "imap", "ex1.contoso.com", node.ImapPort.ToString(), "STARTTLS", "password-cleartext", "%EMAILADDRESS%"],
            ["incomingServer", "pop3", "ex1.contoso.com", node.Pop3sPort.ToString(), "SSL", "password-cleartext", "%EMAILADDRESS%"],
            ["incomingServer", "pop3", "ex1.contoso.com", node.Pop3Port.ToString(), "STARTTLS", "password-cleartext", "%EMAILADDRESS%"],
            ["outgoingServer", "smtp", "ex1.contoso.com", node.SubmissionTlsPort.ToString(), "SSL", "password-cleartext", "%EMAILADDRESS%"],
            ["outgoingServer", "smtp", "ex1.contoso.com", node.SubmissionPort.ToString(), "STARTTLS", "password-cleartext", "%EMAILADDRESS%"],
        ], servers);
        Assert.Equal("true", emailProvider.Elements("incomingServer").First(e => e.Attribute("type")!.Value == "pop3").Element("pop3")!.Element("leaveMessagesOnServer")!.Value);
    }

    [Fact]
    public async Task ExternalClientsGetExternalSettingsAndInternalClientsInternalOnes()
    {
        // Loopback isn't internal on this node, so the test client is "outside".
        await using var outside = await TestNode.StartAsync("EX9", extra: new Dictionary<string, string?> { ["Mailroom:Autodiscover:InternalNetworks:0"] = "10.0.0.0/8" });
        using (var shell = PowerShellSession.Connect(outside))
        {
            shell.Run("New-Mailbox -Name carol -Password (ConvertTo-SecureString 'Pa55word!cc' -AsPlainText -Force)").ThrowIfErrors();
            shell.Run("Set-ImapSettings -ExternalConnectionSettings 'mail.contoso.com:993:SSL','mail.contoso.com:143:TLS' -InternalConnectionSettings 'ex9.corp.contoso.com:993:SSL'").ThrowIfErrors();
            shell.Run("Set-PopSettings -Server EX9 -ExternalConnectionSettings 'pop.contoso.com:995:SSL'").ThrowIfErrors();
            shell.Run("Get-OwaVirtualDirectory -Server EX9 | Set-OwaVirtualDirectory -InternalUrl https://ex9.corp.contoso.com/owa -ExternalUrl https://mail.contoso.com/owa").ThrowIfErrors();
            var imap = shell.Run("Get-ImapSettings").ThrowIfErrors();
            Assert.Equal(new object[] { "mail.contoso.com:993:SSL", "mail.contoso.com:143:TLS" }, (object[])imap.Property(0, "ExternalConnectionSettings")!);
            Assert.Equal("SecureLogin", imap.Property(0, "LoginType"));
        }

        using var client = Create(outside, "carol@contoso.com", "Pa55word!cc");
        var document = await PostForXmlAsync(client, OutlookRequest("carol@contoso.com"));
        Assert.Equal(("mail.contoso.com", "993", "SSL"), Triple(Protocol(document, "IMAP")));
        Assert.Equal(("pop.contoso.com", "995", "SSL"), Triple(Protocol(document, "POP3")));
        Assert.Equal("mail.contoso.com", Protocol(document, "SMTP")["Server"]);
        var web = document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!.Elements(Outlook + "Protocol").Single(p => p.Element(Outlook + "Type")!.Value == "WEB");
        Assert.Null(web.Element(Outlook + "Internal"));
        Assert.Equal("https://mail.contoso.com/owa", web.Element(Outlook + "External")!.Element(Outlook + "OWAUrl")!.Value);

        // The same node counting loopback as internal again answers with the internal names.
        using (var shell = PowerShellSession.Connect(outside))
        {
            shell.Run("Set-ImapSettings -ExternalConnectionSettings $null").ThrowIfErrors();
        }

        document = await PostForXmlAsync(client, OutlookRequest("carol@contoso.com"));
        Assert.Equal(("ex9.corp.contoso.com", "993", "SSL"), Triple(Protocol(document, "IMAP")));
    }

    [Fact]
    public async Task InternalClientsGetTheInternalOwaUrl()
    {
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("Set-OwaVirtualDirectory 'EX1\\owa (Default Web Site)' -InternalUrl https://ex1.contoso.com/owa").ThrowIfErrors();
        }

        try
        {
            using var client = Create(node, "bob@contoso.com", AutodiscoverFixture.Password);
            var document = await PostForXmlAsync(client, OutlookRequest("bob@contoso.com"));
            var web = document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!.Elements(Outlook + "Protocol").Single(p => p.Element(Outlook + "Type")!.Value == "WEB");
            var owa = web.Element(Outlook + "Internal")!.Element(Outlook + "OWAUrl")!;
            Assert.Equal("https://ex1.contoso.com/owa", owa.Value);
            Assert.Equal("Basic, Fba", owa.Attribute("AuthenticationMethod")!.Value);
        }
        finally
        {
            using var shell = PowerShellSession.Connect(node);
            shell.Run("Set-OwaVirtualDirectory 'EX1\\owa (Default Web Site)' -InternalUrl $null").ThrowIfErrors();
        }
    }

    private static (string, string, string) Triple(Dictionary<string, string> protocol) => (protocol["Server"], protocol["Port"], protocol["Encryption"]);
}
