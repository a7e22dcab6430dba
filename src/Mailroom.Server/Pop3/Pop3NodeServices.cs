using Mailroom.Directory.Bootstrap;
using Mailroom.Networking;
using Mailroom.Protocols.Pop3;

namespace Mailroom.Server.Pop3;

/// <summary>The node's POP3 service: the engine with options from <c>Mailroom:Pop3</c> and the directory-backed backend.</summary>
public static class Pop3NodeServices
{
    public static IServiceCollection AddMailroomPop3Node(this IServiceCollection services, IConfiguration configuration, NodeIdentity identity, IServerCertificateSource certificates)
    {
        services.AddSingleton<IPop3Backend, MailroomPop3Backend>();
        services.AddMailroomPop3(pop3 =>
        {
            configuration.GetSection("Mailroom:Pop3").Bind(pop3);
            pop3.ServerName = identity.Fqdn;
            pop3.Certificates = certificates;
            pop3.EnabledSslProtocols = Hosting.NodeListeners.TlsProtocols;
        });
        return services;
    }
}
