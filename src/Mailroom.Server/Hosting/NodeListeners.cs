using System.Security.Cryptography.X509Certificates;
using Mailroom.Protocols.Imap;
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

    public static void Configure(WebApplicationBuilder builder, IReadOnlyDictionary<string, string> listeners, X509Certificate2 certificate) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(ListenerAddress.Parse("Https", listeners["Https"]), listen => listen.UseHttps(certificate));
            kestrel.Listen(ListenerAddress.Parse("Smtp", listeners["Smtp"]), listen => listen.UseSmtp("Smtp"));
            kestrel.Listen(ListenerAddress.Parse("Submission", listeners["Submission"]), listen => listen.UseSmtp("Submission"));
            kestrel.Listen(ListenerAddress.Parse("SubmissionTls", listeners["SubmissionTls"]), listen =>
            {
                listen.UseHttps(certificate);
                listen.UseSmtp("SubmissionTls");
            });
            kestrel.Listen(ListenerAddress.Parse("Imap", listeners["Imap"]), listen => listen.UseImap("Imap"));
            kestrel.Listen(ListenerAddress.Parse("Imaps", listeners["Imaps"]), listen =>
            {
                listen.UseHttps(certificate);
                listen.UseImap("Imaps");
            });
        });
}
