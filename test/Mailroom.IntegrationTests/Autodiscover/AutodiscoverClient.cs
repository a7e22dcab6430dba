using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>An HTTP client that talks to a node's Autodiscover as Outlook does: POST of the request XML with Basic.</summary>
internal static class AutodiscoverClient
{
    public static readonly XNamespace Response = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    public static readonly XNamespace Outlook = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    /// <summary>The request body Outlook sends, byte for byte (exchange.md §4.1).</summary>
    public static string OutlookRequest(string email, string schema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a") =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\r\n" +
        "  <Request>\r\n" +
        $"    <EMailAddress>{email}</EMailAddress>\r\n" +
        $"    <AcceptableResponseSchema>{schema}</AcceptableResponseSchema>\r\n" +
        "  </Request>\r\n" +
        "</Autodiscover>\r\n";

    public static HttpClient Create(TestNode node, string? user = null, string? password = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = node.HttpsUri };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string path = "/autodiscover/autodiscover.xml") =>
        await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "text/xml"));

    public static async Task<XDocument> PostForXmlAsync(HttpClient client, string body, string path = "/autodiscover/autodiscover.xml")
    {
        using var response = await PostAsync(client, body, path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The POX error's code and message (exchange.md §4.3).</summary>
    public static (string Code, string Message) Error(XDocument document)
    {
        var error = document.Root!.Element(Response + "Response")!.Element(Response + "Error")!;
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{7}$", error.Attribute("Time")!.Value);
        Assert.Matches(@"^\d+$", error.Attribute("Id")!.Value);
        return (error.Element(Response + "ErrorCode")!.Value, error.Element(Response + "Message")!.Value);
    }

    /// <summary>The Protocol block of a type, as element name to value.</summary>
    public static Dictionary<string, string> Protocol(XDocument document, string type)
    {
        var account = document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        var block = account.Elements(Outlook + "Protocol").Single(p => p.Element(Outlook + "Type")!.Value == type);
        return block.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
    }

    public static List<string> ProtocolElementNames(XDocument document, string type)
    {
        var account = document.Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        return account.Elements(Outlook + "Protocol").Single(p => p.Element(Outlook + "Type")!.Value == type).Elements().Select(e => e.Name.LocalName).ToList();
    }
}
