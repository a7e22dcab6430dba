using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// Binds every listener. <paramref name="first"/> runs before anything else on each listener (the PROXY protocol
    /// reader), <paramref name="beforeProtocol"/> right before the protocol handler, after TLS (the component gate).
    /// </summary>
    public static void Configure(
        WebApplicationBuilder builder, IReadOnlyDictionary<string, string> listeners, X509Certificate2 certificate,
        Action<ListenOptions, string>? first = null, Action<ListenOptions, string>? beforeProtocol = null) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Listen(string name, bool implicitTls, Action<ListenOptions> protocol) =>
                kestrel.Listen(ListenerAddress.Parse(name, listeners[name]), listen =>
                {
                    first?.Invoke(listen, name);
                    if (implicitTls)
                    {
                        listen.UseHttps(certificate);
                    }

                    beforeProtocol?.Invoke(listen, name);
                    protocol(listen);
                });

            Listen("Https", true, _ => { });
            Listen("Smtp", false, listen => listen.UseSmtp("Smtp"));
            Listen("Submission", false, listen => listen.UseSmtp("Submission"));
            Listen("SubmissionTls", true, listen => listen.UseSmtp("SubmissionTls"));
            Listen("Imap", false, listen => listen.UseImap("Imap"));
            Listen("Imaps", true, listen => listen.UseImap("Imaps"));
            Listen("Pop3", false, listen => listen.UsePop3("Pop3"));
            Listen("Pop3s", true, listen => listen.UsePop3("Pop3s"));
        });
}
