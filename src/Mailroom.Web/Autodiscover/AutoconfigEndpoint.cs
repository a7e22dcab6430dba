using System.Globalization;
using System.Xml;
using Mailroom.Addressing;
using Mailroom.Directory.Model;
using Microsoft.AspNetCore.Http;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// Thunderbird's autoconfig (exchange.md §4.9): <c>/mail/config-v1.1.xml?emailaddress=…</c> (the autoconfig.&lt;domain&gt;
/// host) and <c>/.well-known/autoconfig/mail/config-v1.1.xml</c>. One provider for every accepted domain, IMAP
/// (implicit TLS first, then STARTTLS), POP3 and SMTP submission with the whole address as the user name.
/// Unauthenticated, and the same for every address of a domain, so it reveals nothing about mailboxes.
/// </summary>
internal static class AutoconfigEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext http, ClientSettingsReader settingsReader)
    {
        var settings = await settingsReader.ForClientAsync(http.Connection.RemoteIpAddress, http.RequestAborted);
        var asked = SmtpAddress.TryParse(http.Request.Query["emailaddress"].ToString(), out var address) ? address!.Domain : null;
        var id = asked is not null && settings.Domains.Contains(asked, StringComparer.OrdinalIgnoreCase) ? asked.ToLowerInvariant() : settings.DefaultDomain;
        return Results.Content(Write(settings, id), "text/xml; charset=utf-8");
    }

    internal static string Write(ClientSettings settings, string providerId)
    {
        return Utf8Xml.Write(writer =>
        {
            writer.WriteStartElement("clientConfig");
            writer.WriteAttributeString("version", "1.1");
            writer.WriteStartElement("emailProvider");
            writer.WriteAttributeString("id", providerId);
            foreach (var domain in settings.Domains.Prepend(providerId).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                writer.WriteElementString("domain", domain);
            }

            writer.WriteElementString("displayName", settings.OrganizationName);
            writer.WriteElementString("displayShortName", settings.OrganizationName);
            foreach (var endpoint in settings.Imap)
            {
                Server(writer, "incomingServer", "imap", endpoint);
            }

            foreach (var endpoint in settings.Pop3)
            {
                Server(writer, "incomingServer", "pop3", endpoint);
            }

            foreach (var endpoint in settings.Smtp)
            {
                Server(writer, "outgoingServer", "smtp", endpoint);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    private static void Server(XmlWriter writer, string element, string type, ServiceEndpoint endpoint)
    {
        writer.WriteStartElement(element);
        writer.WriteAttributeString("type", type);
        writer.WriteElementString("hostname", endpoint.Host);
        writer.WriteElementString("port", endpoint.Port.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("socketType", endpoint.Encryption switch
        {
            ConnectionEncryption.SSL => "SSL",
            ConnectionEncryption.TLS => "STARTTLS",
            _ => "plain",
        });
        writer.WriteElementString("authentication", "password-cleartext");
        writer.WriteElementString("username", "%EMAILADDRESS%");
        if (type == "pop3")
        {
            // Keep a copy on the server, as the mailbox is shared with IMAP and Outlook clients.
            writer.WriteStartElement("pop3");
            writer.WriteElementString("leaveMessagesOnServer", "true");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
