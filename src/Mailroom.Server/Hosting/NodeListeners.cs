using System.Net.Security;
using System.Security.Authentication;
using Mailroom.Directory.Model;
using Mailroom.Server.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Mailroom.Protocols.Imap;
using Mailroom.Protocols.Pop3;
using Mailroom.Protocols.Smtp;

namespace Mailroom.Server.Hosting;

/// <summary>
/// The node's listeners: HTTPS for the management API, and SMTP on the Smtp (port 25), Submission (587, STARTTLS)
/// and SubmissionTls (465, implicit TLS, RFC 8314) endpoints that Exchange's default receive connectors bind.
/// IMAP is served on Imap (143, STARTTLS) and Imaps (993, implicit TLS).
/// The quick-start defaults bind loopback on unprivileged ports; Production binds the standard ports everywhere.
/// </summary>
public static class NodeListeners
{
    private static readonly (string Name, string QuickStart, string Production)[] Defaults =
    [
        ("Https", "127.0.0.1:2443", "*:443"),
        ("Smtp", "127.0.0.1:2525", "*:25"),
        ("Submission", "127.0.0.1:2587", "*:587"),
        ("SubmissionTls", "127.0.0.1:2465", "*:465"),
        ("Imap", "127.0.0.1:2143", "*:143"),
        ("Imaps", "127.0.0.1:2993", "*:993"),
        ("Pop3", "127.0.0.1:2110", "*:110"),
        ("Pop3s", "127.0.0.1:2995", "*:995"),
    ];

    public static void ApplyDefaults(Dictionary<string, string> listeners, bool production)
    {
        foreach (var (name, quickStart, standard) in Defaults)
        {
            if (!listeners.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
            {
                listeners[name] = production ? standard : quickStart;
            }
        }
    }

    /// <summary>TLS 1.2 and 1.3 only, on every listener and every STARTTLS (RFC 8996 retired 1.0 and 1.1).</summary>
    public const SslProtocols TlsProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    public static void Configure(WebApplicationBuilder builder, IReadOnlyDictionary<string, string> listeners, CertificateSelector certificates) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(ListenerAddress.Parse("Https", listeners["Https"]), listen => listen.UseHttps(Tls(certificates, AllowedServices.IIS)));
            kestrel.Listen(ListenerAddress.Parse("Smtp", listeners["Smtp"]), listen => listen.UseSmtp("Smtp"));
            kestrel.Listen(ListenerAddress.Parse("Submission", listeners["Submission"]), listen => listen.UseSmtp("Submission"));
            kestrel.Listen(ListenerAddress.Parse("SubmissionTls", listeners["SubmissionTls"]), listen =>
            {
                listen.UseHttps(Tls(certificates, AllowedServices.SMTP));
                listen.UseSmtp("SubmissionTls");
            });
            kestrel.Listen(ListenerAddress.Parse("Imap", listeners["Imap"]), listen => listen.UseImap("Imap"));
            kestrel.Listen(ListenerAddress.Parse("Imaps", listeners["Imaps"]), listen =>
            {
                listen.UseHttps(Tls(certificates, AllowedServices.IMAP));
                listen.UseImap("Imaps");
            });
            kestrel.Listen(ListenerAddress.Parse("Pop3", listeners["Pop3"]), listen => listen.UsePop3("Pop3"));
            kestrel.Listen(ListenerAddress.Parse("Pop3s", listeners["Pop3s"]), listen =>
            {
                listen.UseHttps(Tls(certificates, AllowedServices.POP));
                listen.UsePop3("Pop3s");
            });
        });

    /// <summary>
    /// Implicit TLS whose certificate is chosen per handshake from the client's SNI name, so a certificate enabled with
    /// Enable-ExchangeCertificate serves the next connection without a restart.
    /// </summary>
    private static TlsHandshakeCallbackOptions Tls(CertificateSelector certificates, AllowedServices service) => new()
    {
        OnConnection = async context => new SslServerAuthenticationOptions
        {
            ServerCertificateContext = await certificates.SelectAsync(service, context.ClientHelloInfo.ServerName is { Length: > 0 } name ? name : null, context.CancellationToken)
                ?? throw new AuthenticationException($"No certificate is enabled for {service}."),
            EnabledSslProtocols = TlsProtocols,
            ClientCertificateRequired = false,
        },
    };
}
