using System.Net.Security;
using System.Security.Authentication;
using Mailroom.Directory.Model;
using Mailroom.Server.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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

    /// <summary>
    /// Binds every listener. <paramref name="first"/> runs before anything else on each listener (the PROXY protocol
    /// reader), <paramref name="beforeProtocol"/> right before the protocol handler, after TLS (the component gate).
    /// </summary>
    public static void Configure(
        WebApplicationBuilder builder, IReadOnlyDictionary<string, string> listeners, CertificateSelector certificates,
        Action<ListenOptions, string>? first = null, Action<ListenOptions, string>? beforeProtocol = null) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Listen(string name, AllowedServices? implicitTls, Action<ListenOptions> protocol) =>
                kestrel.Listen(ListenerAddress.Parse(name, listeners[name]), listen =>
                {
                    first?.Invoke(listen, name);
                    if (implicitTls is { } service)
                    {
                        listen.UseHttps(Tls(certificates, service));
                    }

                    beforeProtocol?.Invoke(listen, name);
                    protocol(listen);
                });

            Listen("Https", AllowedServices.IIS, _ => { });
            Listen("Smtp", null, listen => listen.UseSmtp("Smtp"));
            Listen("Submission", null, listen => listen.UseSmtp("Submission"));
            Listen("SubmissionTls", AllowedServices.SMTP, listen => listen.UseSmtp("SubmissionTls"));
            Listen("Imap", null, listen => listen.UseImap("Imap"));
            Listen("Imaps", AllowedServices.IMAP, listen => listen.UseImap("Imaps"));
            Listen("Pop3", null, listen => listen.UsePop3("Pop3"));
            Listen("Pop3s", AllowedServices.POP, listen => listen.UsePop3("Pop3s"));
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
