using System.Net;
using System.Text;
using System.Xml.Linq;
using static Mailroom.IntegrationTests.Autodiscover.AutodiscoverClient;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>POX Autodiscover over HTTPS against a real node, with Outlook's exact request (exchange.md §4.1–4.3).</summary>
public sealed class PoxAutodiscoverTests(AutodiscoverFixture fixture) : IClassFixture<AutodiscoverFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task APrimaryAddressGetsImapPopAndSmtpSettingsWithExchangesElements()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var document = await PostForXmlAsync(client, OutlookRequest("alice@contoso.com"));

        Assert.Equal(Response + "Autodiscover", document.Root!.Name);
        var response = document.Root.Element(Outlook + "Response")!;
        var user = response.Element(Outlook + "User")!;
        Assert.Equal("alice Example", user.Element(Outlook + "DisplayName")!.Value);
        Assert.StartsWith("/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=", user.Element(Outlook + "LegacyDN")!.Value);
        Assert.Equal("alice@contoso.com", user.Element(Outlook + "AutoDiscoverSMTPAddress")!.Value);
        Assert.True(Guid.TryParse(user.Element(Outlook + "DeploymentId")!.Value, out _));
        var account = response.Element(Outlook + "Account")!;
        Assert.Equal("email", account.Element(Outlook + "AccountType")!.Value);
        Assert.Equal("settings", account.Element(Outlook + "Action")!.Value);
        Assert.Equal(["IMAP", "POP3", "SMTP"], account.Elements(Outlook + "Protocol").Select(p => p.Element(Outlook + "Type")!.Value));

        var imap = Protocol(document, "IMAP");
        Assert.Equal("ex1.contoso.com", imap["Server"]);
        Assert.Equal(node.ImapsPort.ToString(), imap["Port"]);
        Assert.Equal("alice@contoso.com", imap["LoginName"]);
        Assert.Equal("off", imap["DomainRequired"]);
        Assert.Equal("off", imap["SPA"]);
        Assert.Equal("on", imap["SSL"]);
        Assert.Equal("SSL", imap["Encryption"]);
        Assert.Equal("on", imap["AuthRequired"]);
        Assert.Equal("1", imap["TTL"]);
        Assert.Equal(["Type", "Server", "Port", "DomainRequired", "LoginName", "SPA", "SSL", "Encryption", "AuthRequired", "TTL"], ProtocolElementNames(document, "IMAP"));

        var pop = Protocol(document, "POP3");
        Assert.Equal(node.Pop3sPort.ToString(), pop["Port"]);
        Assert.Equal("SSL", pop["Encryption"]);

        var smtp = Protocol(document, "SMTP");
        Assert.Equal(node.SubmissionTlsPort.ToString(), smtp["Port"]);
        Assert.Equal("SSL", smtp["Encryption"]);
        Assert.Equal("on", smtp["UsePOPAuth"]);
        Assert.Equal("off", smtp["SMTPLast"]);
        Assert.DoesNotContain(account.Elements(Outlook + "Protocol"), p => p.Element(Outlook + "Type")!.Value == "WEB");
    }

    [Fact]
    public async Task TheLoginNameIsTheUpnEvenForAnotherAddressInTheSameDomain()
    {
        using var client = Create(node, "alice.smith@contoso.com", AutodiscoverFixture.Password);
        var document = await PostForXmlAsync(client, OutlookRequest("alice.smith@contoso.com"));
        Assert.Equal("alice@contoso.com", document.Root!.Element(Outlook + "Response")!.Element(Outlook + "User")!.Element(Outlook + "AutoDiscoverSMTPAddress")!.Value);
        Assert.Equal("alice@contoso.com", Protocol(document, "IMAP")["LoginName"]);
    }

    [Fact]
    public async Task AProxyAddressInAnotherDomainIsRedirectedToThePrimary()
    {
        using var client = Create(node, "alice@fabrikam.com", AutodiscoverFixture.Password);
        var document = await PostForXmlAsync(client, OutlookRequest("alice@fabrikam.com"));
        var account = document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        Assert.Equal("redirectAddr", account.Element(Outlook + "Action")!.Value);
        Assert.Equal("alice@contoso.com", account.Element(Outlook + "RedirectAddr")!.Value);
        Assert.Empty(account.Elements(Outlook + "Protocol"));
    }

    [Theory]
    [InlineData("nobody@contoso.com")]
    [InlineData("bob@contoso.com")]
    public async Task AnUnknownAddressAndSomeoneElsesGetTheSameAnswer(string address)
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var (code, message) = Error(await PostForXmlAsync(client, OutlookRequest(address)));
        Assert.Equal("500", code);
        Assert.Equal("The email address can't be found.", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not xml")]
    [InlineData("<Autodiscover xmlns=\"http://example.org/other\"><Request><EMailAddress>alice@contoso.com</EMailAddress></Request></Autodiscover>")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request></Request></Autodiscover>")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>alice@contoso.com</EMailAddress>")]
    public async Task AMalformedBodyIsError600(string body)
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var (code, message) = Error(await PostForXmlAsync(client, body));
        Assert.Equal("600", code);
        Assert.Equal("Invalid Request", message);
    }

    [Fact]
    public async Task EntityExpansionAndExternalEntitiesAreRefusedWithoutBeingExpanded()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" +
            "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>&lol3;</EMailAddress>" +
            "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>";
        Assert.Equal("600", Error(await PostForXmlAsync(client, lol)).Code);

        var secret = Path.Combine(node.DataPath, "secret.txt");
        await File.WriteAllTextAsync(secret, "alice@contoso.com");
        var xxe = $"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file://{secret}\">]>" +
            "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>&x;</EMailAddress>" +
            "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>";
        var answer = await PostForXmlAsync(client, xxe);
        Assert.Equal("600", Error(answer).Code);
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var padded = OutlookRequest("alice@contoso.com").Replace("<Request>", "<Request>" + new string(' ', 20_000));
        using var response = await PostAsync(client, padded);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnotherResponseSchemaIsError601()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var (code, message) = Error(await PostForXmlAsync(client, OutlookRequest("alice@contoso.com", "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2099z")));
        Assert.Equal("601", code);
        Assert.Equal("Provider is not available", message);
    }

    [Fact]
    public async Task TheMobileSyncSchemaIsToldActiveSyncIsNotOffered()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\">" +
            "<Request><EMailAddress>alice@contoso.com</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema></Request></Autodiscover>";
        var document = await PostForXmlAsync(client, body);
        XNamespace mobile = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
        var error = document.Root!.Element(mobile + "Response")!.Element(mobile + "Action")!.Element(mobile + "Error")!;
        Assert.Equal("2", error.Element(mobile + "Status")!.Value);
        Assert.Contains("not offered", error.Element(mobile + "Message")!.Value);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("alice@contoso.com", "wrong password")]
    [InlineData("nobody@contoso.com", "wrong password")]
    public async Task WithoutValidCredentialsEveryAddressGetsTheSame401(string? user, string? password)
    {
        using var client = Create(node, user, password);
        foreach (var address in new[] { "alice@contoso.com", "nobody@contoso.com" })
        {
            using var response = await PostAsync(client, OutlookRequest(address));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString());
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("/Autodiscover/Autodiscover.xml")]
    [InlineData("/AUTODISCOVER/AUTODISCOVER.XML")]
    public async Task ThePathIgnoresCase(string path)
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var document = await PostForXmlAsync(client, OutlookRequest("alice@contoso.com"), path);
        Assert.Equal("ex1.contoso.com", Protocol(document, "IMAP")["Server"]);
    }

    [Fact]
    public async Task TheHttpsNamespaceOfTheDocumentationIsAcceptedToo()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        var body = OutlookRequest("alice@contoso.com").Replace("http://schemas", "https://schemas");
        var document = await PostForXmlAsync(client, body);
        Assert.Equal("settings", document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!.Element(Outlook + "Action")!.Value);
    }

    [Fact]
    public async Task TheBodyIsUtf8AsDeclared()
    {
        using var client = Create(node, "alice@contoso.com", AutodiscoverFixture.Password);
        using var response = await PostAsync(client, OutlookRequest("alice@contoso.com"));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
    }
}
