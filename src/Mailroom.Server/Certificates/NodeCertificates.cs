using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Commands.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Naming;
using Mailroom.Directory.Storage;

namespace Mailroom.Server.Certificates;

/// <summary>
/// First start gives the server a self-signed certificate for its FQDN and <c>autodiscover.&lt;default domain&gt;</c>
/// (plus localhost and 127.0.0.1 for the quick start), enabled for IIS, IMAP, POP and SMTP, as Exchange setup makes
/// its default certificate (exchange.md §7.1). A node that still has the certificate file of earlier versions
/// (<c>certificates/&lt;fqdn&gt;.pfx</c>) imports that one instead, so clients that trusted it keep trusting it.
/// </summary>
public static class NodeCertificates
{
    public const AllowedServices DefaultServices = AllowedServices.IIS | AllowedServices.IMAP | AllowedServices.POP | AllowedServices.SMTP;

    /// <summary>
    /// The names the first-start certificate covers, recorded on the Server object so an array export can warn when no
    /// member's certificate covers the array name. A certificate enabled later isn't reflected here yet.
    /// </summary>
    public static IReadOnlyList<string> DefaultDomains(NodeIdentity node) =>
        [node.Fqdn.ToLowerInvariant(), "autodiscover." + node.Domain.ToLowerInvariant(), node.ServerName, "localhost"];

    public static async Task EnsureDefaultAsync(IDirectoryStore store, ICertificateKeyProtector protector, NodeIdentity node, string dataPath, TimeProvider time, CancellationToken cancellationToken)
    {
        var legacy = Path.Combine(dataPath, "certificates", node.Fqdn.ToLowerInvariant() + ".pfx");
        await CreateAsync(store, protector, node, legacy, time, cancellationToken);

        // Its key is in the store now, encrypted; the file held it in clear.
        File.Delete(legacy);
    }

    private static Task<int> CreateAsync(IDirectoryStore store, ICertificateKeyProtector protector, NodeIdentity node, string legacy, TimeProvider time, CancellationToken cancellationToken) =>
        store.WriteAsync(async tx =>
        {
            // A node whose data folder (and so its key) was replaced can't use the certificates it had: it makes a new
            // default, as first start would, rather than serve TLS with none.
            if ((await ExchangeCertificates.OfServerAsync(tx, node.ServerName, cancellationToken)).Any(c => CertificateSelector.CanUse(c, protector)))
            {
                return 0;
            }

            var organization = await tx.ListAsync<Organization>(cancellationToken).FirstAsync(cancellationToken);
            var context = new CommandContext(tx, new OrganizationNames(organization.Name, organization.RootDomain), time, node.Fqdn, "bootstrap");
            var defaultDomain = organization.RootDomain;
            await foreach (var domain in tx.ListAsync<AcceptedDomain>(cancellationToken))
            {
                defaultDomain = domain.Default ? domain.DomainName.TrimStart('*', '.') : defaultDomain;
            }

            using var certificate = File.Exists(legacy)
                ? X509CertificateLoader.LoadPkcs12FromFile(legacy, password: null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet)
                : SelfSignedCertificates.Create(
                    new X500DistinguishedName("CN=" + node.Fqdn),
                    [node.Fqdn.ToLowerInvariant(), "autodiscover." + defaultDomain, node.ServerName, "localhost", "127.0.0.1"],
                    2048,
                    time.GetUtcNow());
            var thumbprint = ExchangeCertificates.Thumbprint(certificate);
            await DirectoryWrites.AddAsync(context, new ExchangeCertificate
            {
                Name = thumbprint,
                Server = node.ServerName,
                Thumbprint = thumbprint,
                RawData = Convert.ToBase64String(certificate.RawData),
                ProtectedPrivateKey = CertificateMaterial.Protect(protector, CertificateMaterial.ExportPkcs8(certificate)!),
                Services = DefaultServices,
                EnabledAt = context.Now,
                DistinguishedName = context.Names.Certificate(node.ServerName, thumbprint),
            }, cancellationToken);
            return 1;
        }, cancellationToken);
}
