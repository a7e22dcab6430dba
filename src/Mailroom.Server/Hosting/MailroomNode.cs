using System.Net;
using System.Reflection;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Commands.Certificates;
using Mailroom.Directory.Model;
using Mailroom.Server.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Security;
using Mailroom.Protocols.Imap;
using Mailroom.Protocols.Smtp;
using Mailroom.Networking.Proxy;
using Mailroom.Server.Array;
using Mailroom.Server.Imap;
using Mailroom.Server.ClientAccess;
using Mailroom.Server.Pop3;
using Mailroom.Server.Smtp;
using Mailroom.Server.Web;
using Mailroom.Web.Autodiscover;
using Mailroom.Web.Health;
using Mailroom.Web.Management;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Mailroom.Server.Hosting;

/// <summary>
/// One running node: configuration, the store (migrated), first-start bootstrap, the node certificate and the
/// Kestrel listeners. <c>Program</c> runs one; integration tests start several in one process.
/// </summary>
public sealed class MailroomNode : IAsyncDisposable
{
    private MailroomNode(WebApplication app, MailroomOptions options, NodeIdentity identity, string dataPath, string? passwordFile)
    {
        App = app;
        Options = options;
        Identity = identity;
        DataPath = dataPath;
        AdminPasswordFile = passwordFile;
    }

    public WebApplication App { get; }

    public MailroomOptions Options { get; }

    public NodeIdentity Identity { get; }

    public string DataPath { get; }

    /// <summary>Where first start wrote the generated administrator password, if it generated one.</summary>
    public string? AdminPasswordFile { get; }

    /// <summary>The HTTPS base address actually bound (a configured port 0 becomes the chosen port).</summary>
    public Uri HttpsUri => BoundUri("Https");

    public static async Task<MailroomNode> StartAsync(string[] args, IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = builder.Configuration.GetSection("Mailroom").Get<MailroomOptions>() ?? new MailroomOptions();
        var production = builder.Environment.IsProduction();
        NodeListeners.ApplyDefaults(options.Listeners, production);
        var dataPath = Path.GetFullPath(options.DataPath ?? (production ? "/var/lib/mailroom" : "data"));
        System.IO.Directory.CreateDirectory(dataPath);
        var identity = IdentityOf(options);
        identity = identity with { CertificateDomains = NodeCertificates.DefaultDomains(identity) };
        var stores = NodeStores.Create(options.Store, dataPath, identity.ServerName);
        string? passwordFile;
        try
        {
            await stores.InitializeAsync(cancellationToken);
            await OrganizationMembership.EnsureAsync(stores.Directory, builder.Configuration, cancellationToken);
            if (stores.Link is { } link)
            {
                await link.StartAsync(cancellationToken); // refuses a second live node with this name before anything is written
            }

            var result = await new OrganizationBootstrapper(stores.Directory, TimeProvider.System)
                .EnsureAsync(identity, options.Bootstrap.AdminPassword, cancellationToken);
            passwordFile = result.GeneratedAdminPassword is { } generated ? WriteAdminPassword(dataPath, generated) : null;
            await InitialServerState.ApplyAsync(stores.Directory, options.Server.InitialState, identity.ServerName, identity.Fqdn, TimeProvider.System, cancellationToken);
        }
        catch
        {
            if (stores.Link is { } started)
            {
                await started.DisposeAsync();
            }

            throw;
        }

        var keys = NodeKeyProtector.LoadOrCreate(dataPath);
        await NodeCertificates.EnsureDefaultAsync(stores.Directory, keys, identity, dataPath, TimeProvider.System, cancellationToken);
        var certificates = new CertificateSelector(stores.Directory, keys, identity.ServerName, TimeProvider.System);
        builder.Services.AddSingleton(certificates);
        var loadBalancers = LoadBalancerAddresses.Parse(options.LoadBalancers);
        NodeListeners.Configure(
            builder, options.Listeners, certificates,
            first: (listen, _) =>
            {
                if (loadBalancers is not null)
                {
                    listen.UseProxyProtocol(loadBalancers, TimeSpan.FromSeconds(5), listen.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mailroom.Array.ProxyProtocol"));
                }
            },
            beforeProtocol: (listen, name) => listen.UseComponentGate(
                name, listen.ApplicationServices.GetRequiredService<ComponentStateMonitor>(), listen.ApplicationServices.GetRequiredService<ComponentConnections>(), identity.Fqdn));
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(stores.Directory);
        builder.Services.AddSingleton(stores.Mailboxes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMailroomArray(options, stores, identity);
        builder.Services.AddMailroomTransport(builder.Configuration, stores, identity);
        builder.Services.AddSingleton(sp => new CommandCatalog(ClientAccessServices.Commands(sp, CommandCatalog.DefaultCommands()).Concat(TransportServices.Commands(sp, stores, identity.ServerName)).Concat(ExchangeCertificates.All(keys))));
        builder.Services.AddSingleton(sp => new ManagementService(stores.Directory, sp.GetRequiredService<CommandCatalog>(), TimeProvider.System, identity.Fqdn));
        builder.Services.AddSingleton<DirectoryAuthenticator>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<BasicAuthentication>();
        builder.Services.AddSingleton(new ReceiveConnectorCache(stores.Directory, identity.ServerName, TimeProvider.System));
        builder.Services.AddSingleton<ISmtpBackend, MailroomSmtpBackend>();
        builder.Services.AddMailroomSmtp(smtp =>
        {
            builder.Configuration.GetSection("Mailroom:Smtp").Bind(smtp);
            smtp.ServerName = identity.Fqdn;
            smtp.Certificates = certificates.For(AllowedServices.SMTP);
            smtp.EnabledSslProtocols = NodeListeners.TlsProtocols;
        });
        builder.Services.AddSingleton<IImapBackend, MailroomImapBackend>();
        builder.Services.AddMailroomImap(imap =>
        {
            builder.Configuration.GetSection("Mailroom:Imap").Bind(imap);
            imap.ServerName = identity.Fqdn;
            imap.Certificates = certificates.For(AllowedServices.IMAP);
            imap.EnabledSslProtocols = NodeListeners.TlsProtocols;
        });
        builder.Services.AddMailroomClientAccess(builder.Configuration);
        builder.Services.AddMailroomPop3Node(builder.Configuration, identity, certificates.For(AllowedServices.POP));
        builder.Services.AddSingleton(new ServerName(identity.ServerName));
        builder.Services.AddHostedService<LoginTypeSync>();
        builder.Services.AddMailroomAutodiscoverNode(builder.Configuration, identity, options.Listeners);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapManagementApi();
        app.MapAutodiscover();
        app.MapHealthEndpoints();
        if (stores.Link is { } nodeLink)
        {
            nodeLink.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mailroom.Array");
        }

        await app.Services.GetRequiredService<ComponentStateMonitor>().RefreshAsync(cancellationToken); // gates know the states before listeners open
        await app.StartAsync(cancellationToken);
        return new MailroomNode(app, options, identity, dataPath, passwordFile);
    }

    public void PrintEndpoints(TextWriter output)
    {
        output.WriteLine($"Mailroom node {Identity.ServerName} ({Identity.Fqdn}) of organization \"{Identity.OrganizationName}\" ({Identity.Domain})");
        output.WriteLine($"  Store            {Options.Store.Provider}{(Options.Store.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? " in " + DataPath : string.Empty)}");
        output.WriteLine($"  Management API   {new Uri(HttpsUri, ManagementApi.Prefix.TrimStart('/'))}");
        foreach (var name in new[] { "Smtp", "Submission", "SubmissionTls", "Imap", "Imaps" })
        {
            output.WriteLine($"  {name,-16} {Options.Listeners[name]}{name switch
            {
                "SubmissionTls" or "Imaps" => " (implicit TLS)",
                "Submission" => " (STARTTLS, authentication required)",
                "Imap" => " (STARTTLS; plain-text login only from loopback)",
                _ => string.Empty,
            }}");
        }
        output.WriteLine($"  Administrator    administrator@{Identity.Domain}");
        if (AdminPasswordFile is not null)
        {
            output.WriteLine($"  Its password was generated and written once to {AdminPasswordFile} (readable only by this user).");
        }

        output.WriteLine($"  Connect          Import-Module ./src/Mailroom.PowerShell/bin/Debug/net10.0/Mailroom.psd1; Connect-Mailroom -Uri {HttpsUri} -Credential (Get-Credential) -SkipCertificateCheck");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        var link = App.Services.GetRequiredService<NodeStores>().Link;
        await App.DisposeAsync();
        if (link is not null)
        {
            await link.DisposeAsync(); // frees the node's lock: other members take over its queue work at once
        }
    }

    private Uri BoundUri(string listener)
    {
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var configured = ListenerAddress.Parse(listener, Options.Listeners.GetValueOrDefault(listener) ?? "127.0.0.1:0");
        var bound = addresses.Select(a => new Uri(a)).FirstOrDefault(u => u.Port == configured.Port || configured.Port == 0)
            ?? throw new InvalidOperationException($"The {listener} listener isn't bound.");
        var host = IPAddress.TryParse(bound.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? "localhost" : bound.Host;
        return new UriBuilder("https", host, bound.Port).Uri;
    }

    private static NodeIdentity IdentityOf(MailroomOptions options)
    {
        var domain = options.Organization.Domain.Trim().ToLowerInvariant();
        var name = options.Server.Name is { Length: > 0 } n ? n : Environment.MachineName.Split('.')[0].ToUpperInvariant();
        var fqdn = options.Server.Fqdn is { Length: > 0 } f ? f : $"{name.ToLowerInvariant()}.{domain}";
        var version = typeof(MailroomNode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";
        return new NodeIdentity(options.Organization.Name, domain, name, fqdn, options.Server.Site, $"Mailroom {version}") { Listeners = options.Listeners };
    }

    private static string WriteAdminPassword(string dataPath, string password)
    {
        var path = Path.Combine(dataPath, "admin-password.txt");
        PrivateFile.Write(path, System.Text.Encoding.UTF8.GetBytes(password + Environment.NewLine));
        return path;
    }
}
