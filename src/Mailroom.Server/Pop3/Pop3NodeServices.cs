using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Bootstrap;
using Mailroom.Protocols.Pop3;

namespace Mailroom.Server.Pop3;

/// <summary>The node's POP3 service: the engine with options from <c>Mailroom:Pop3</c> and the directory-backed backend.</summary>
public static class Pop3NodeServices
{
    public static IServiceCollection AddMailroomPop3Node(this IServiceCollection services, IConfiguration configuration, NodeIdentity identity, X509Certificate2 certificate)
    {
        services.AddSingleton<IPop3Backend, MailroomPop3Backend>();
        services.AddMailroomPop3(pop3 =>
        {
            configuration.GetSection("Mailroom:Pop3").Bind(pop3);
            pop3.ServerName = identity.Fqdn;
            pop3.Certificate = certificate;
        });
        return services;
    }
}
