using System.Globalization;
using System.Xml;
using Mailroom.Directory.Model;

namespace Mailroom.Web.Autodiscover;

/// <summary>The user a settings response is for (exchange.md §4.2 <c>User</c>).</summary>
public sealed record PoxUser(string DisplayName, string LegacyDN, string PrimarySmtpAddress, string LoginName);

/// <summary>Writes POX Autodiscover responses: settings, redirectAddr and errors (exchange.md §4.2, §4.3).</summary>
public static class PoxResponse
{
    public const string ResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

    /// <summary>Settings stay valid for an hour; Outlook asks again every hour anyway (exchange.md §4.5).</summary>
    private const string TtlHours = "1";

    public static string Settings(PoxUser user, ClientSettings settings) => Write(writer =>
    {
        writer.WriteStartElement("Response", PoxRequest.OutlookResponseSchema);
        writer.WriteStartElement("User");
        writer.WriteElementString("DisplayName", user.DisplayName);
        writer.WriteElementString("LegacyDN", user.LegacyDN);
        writer.WriteElementString("AutoDiscoverSMTPAddress", user.PrimarySmtpAddress);
        writer.WriteElementString("DeploymentId", settings.DeploymentId.ToString());
        writer.WriteEndElement();
        writer.WriteStartElement("Account");
        writer.WriteElementString("AccountType", "email");
        writer.WriteElementString("Action", "settings");
        writer.WriteElementString("MicrosoftOnline", "False");
        if (settings.Imap.FirstOrDefault() is { } imap)
        {
            MailProtocol(writer, "IMAP", imap, user.LoginName);
        }

        if (settings.Pop3.FirstOrDefault() is { } pop)
        {
            MailProtocol(writer, "POP3", pop, user.LoginName);
        }

        if (settings.Smtp.FirstOrDefault() is { } smtp)
        {
            MailProtocol(writer, "SMTP", smtp, user.LoginName);
        }

        if (settings.OwaInternalUrl is not null || settings.OwaExternalUrl is not null)
        {
            Web(writer, settings.OwaInternalUrl, settings.OwaExternalUrl);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    /// <summary>The address asked for is a secondary one: the client starts again with the primary (exchange.md §4.2).</summary>
    public static string RedirectAddr(string primary) => Write(writer =>
    {
        writer.WriteStartElement("Response", PoxRequest.OutlookResponseSchema);
        writer.WriteStartElement("Account");
        writer.WriteElementString("AccountType", "email");
        writer.WriteElementString("Action", "redirectAddr");
        writer.WriteElementString("RedirectAddr", primary);
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    /// <summary>Exchange's error shape (exchange.md §4.3): the error lives in the 2006 response namespace, HTTP status 200.</summary>
    public static string Error(int code, string message, DateTimeOffset now, string serverName) => Write(writer =>
    {
        writer.WriteStartElement("Response", ResponseSchema);
        writer.WriteStartElement("Error");
        writer.WriteAttributeString("Time", now.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("Id", ServerHash(serverName).ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("ErrorCode", code.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("Message", message);
        writer.WriteElementString("DebugData", string.Empty);
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    /// <summary>
    /// ActiveSync clients get the mobilesync error shape (MS-ASCMD Autodiscover): Mailroom offers no ActiveSync, so
    /// the answer says the protocol isn't available rather than pointing at a URL that doesn't exist.
    /// </summary>
    public static string MobileSyncNotOffered(string? email) => Write(writer =>
    {
        writer.WriteStartElement("Response", PoxRequest.MobileSyncResponseSchema);
        writer.WriteElementString("Culture", "en:us");
        writer.WriteStartElement("User");
        writer.WriteElementString("EMailAddress", email ?? string.Empty);
        writer.WriteEndElement();
        writer.WriteStartElement("Action");
        writer.WriteStartElement("Error");
        writer.WriteElementString("Status", "2");
        writer.WriteElementString("Message", "The ActiveSync (mobilesync) protocol is not offered by this server. Use IMAP and SMTP.");
        writer.WriteElementString("DebugData", "MobileSyncNotOffered");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }, outer: "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");

    private static void MailProtocol(XmlWriter writer, string type, ServiceEndpoint endpoint, string loginName)
    {
        writer.WriteStartElement("Protocol");
        writer.WriteElementString("Type", type);
        writer.WriteElementString("Server", endpoint.Host);
        writer.WriteElementString("Port", endpoint.Port.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("DomainRequired", "off");
        writer.WriteElementString("LoginName", loginName);
        writer.WriteElementString("SPA", "off");

        // Outlook 2007 and Thunderbird read SSL, Outlook 2010+ reads Encryption, which overrides it; SSL means implicit
        // TLS and TLS means STARTTLS (exchange.md §4.2; sending TLS for 993 makes Outlook try STARTTLS there and fail).
        writer.WriteElementString("SSL", endpoint.Encryption == ConnectionEncryption.None ? "off" : "on");
        writer.WriteElementString("Encryption", endpoint.Encryption switch
        {
            ConnectionEncryption.SSL => "SSL",
            ConnectionEncryption.TLS => "TLS",
            _ => "None",
        });
        writer.WriteElementString("AuthRequired", "on");
        if (type == "SMTP")
        {
            writer.WriteElementString("UsePOPAuth", "on");
            writer.WriteElementString("SMTPLast", "off");
        }

        writer.WriteElementString("TTL", TtlHours);
        writer.WriteEndElement();
    }

    /// <summary>The WEB block: Outlook on the web's URLs, internal and external (exchange.md §4.2).</summary>
    private static void Web(XmlWriter writer, string? internalUrl, string? externalUrl)
    {
        writer.WriteStartElement("Protocol");
        writer.WriteElementString("Type", "WEB");
        foreach (var (element, url) in new[] { ("Internal", internalUrl), ("External", externalUrl) })
        {
            if (url is null)
            {
                continue;
            }

            writer.WriteStartElement(element);
            writer.WriteStartElement("OWAUrl");
            writer.WriteAttributeString("AuthenticationMethod", "Basic, Fba");
            writer.WriteString(url);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string Write(Action<XmlWriter> body, string outer = ResponseSchema) => Utf8Xml.Write(writer =>
    {
        writer.WriteStartElement("Autodiscover", outer);
        body(writer);
        writer.WriteEndElement();
    });

    /// <summary>Exchange's <c>Id</c> is a hash of the CAS computer name; a stable FNV-1a of the server name serves.</summary>
    private static uint ServerHash(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
