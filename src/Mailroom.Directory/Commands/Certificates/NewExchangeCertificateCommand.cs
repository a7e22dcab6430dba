using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>
/// New-ExchangeCertificate (exchange.md §7.2): a self-signed certificate, enabled for <c>-Services</c> (default
/// IMAP, POP, SMTP), or with <c>-GenerateRequest</c> a PKCS #10 request for a CA, kept as a pending request until
/// Import-ExchangeCertificate brings the CA's answer. Without names: <c>CN=&lt;server&gt;</c> for the server name and FQDN.
/// </summary>
public sealed class NewExchangeCertificateCommand(ICertificateKeyProtector protector) : ManagementCommand
{
    private static readonly AllowedServices DefaultServices = AllowedServices.IMAP | AllowedServices.POP | AllowedServices.SMTP;

    public override string Name => "New-ExchangeCertificate";

    protected override IEnumerable<string> Parameters =>
    [
        "SubjectName", "DomainName", "FriendlyName", "KeySize", "PrivateKeyExportable", "Services", "GenerateRequest", "BinaryEncoded",
        "IncludeAcceptedDomains", "IncludeAutoDiscover", "IncludeServerFQDN", "IncludeServerNetBIOSName", "Server", "Force", "SubjectKeyIdentifier",
    ];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await ExchangeCertificates.ServerAsync(context, parameters, cancellationToken);
        var keySize = parameters.Int("KeySize") ?? 2048;
        if (keySize is not (1024 or 2048 or 4096))
        {
            throw ManagementErrors.InvalidArgument($"Cannot validate argument on parameter 'KeySize'. The argument \"{keySize}\" does not belong to the set \"1024,2048,4096\".", keySize.ToString());
        }

        var friendlyName = parameters.String("FriendlyName") ?? "Microsoft Exchange";
        if (friendlyName.Length is 0 or >= 64)
        {
            throw ManagementErrors.InvalidArgument("The FriendlyName must have 1 to 63 characters.", friendlyName);
        }

        var names = await NamesAsync(context, parameters, server, cancellationToken);
        var subject = Subject(parameters, names, server);
        var cn = subject.Name.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))?[3..];
        if (cn is not null && !names.Contains(cn, StringComparer.OrdinalIgnoreCase))
        {
            names.Insert(0, cn); // Exchange adds the CN to the SAN list
        }

        var exportable = parameters.Bool("PrivateKeyExportable") ?? false;
        var all = await ExchangeCertificates.OfServerAsync(context.Reader, server.Name, cancellationToken);
        var stored = new ExchangeCertificate { Server = server.Name, FriendlyName = friendlyName, PrivateKeyExportable = exportable };
        if (parameters.Switch("GenerateRequest"))
        {
            using var key = RSA.Create(keySize);
            var der = SelfSignedCertificates.Request(subject, names, key).CreateSigningRequest();
            stored.CertificateRequest = Convert.ToBase64String(der);
            stored.Thumbprint = Convert.ToHexString(SHA1.HashData(der));
            stored.ProtectedPrivateKey = CertificateMaterial.Protect(protector, key.ExportPkcs8PrivateKey());
            await AddAsync(context, stored, cancellationToken);
            return Output(new ExchangeCertificateRequest(stored.Thumbprint, parameters.Switch("BinaryEncoded") ? stored.CertificateRequest : ExchangeCertificates.RequestText(stored.CertificateRequest)));
        }

        var services = parameters.Has("Services") ? ExchangeCertificates.ParseServices(parameters) : DefaultServices;
        using var certificate = SelfSignedCertificates.Create(subject, names, keySize, context.Time.GetUtcNow());
        stored.Thumbprint = ExchangeCertificates.Thumbprint(certificate);
        stored.RawData = Convert.ToBase64String(certificate.RawData);
        stored.ProtectedPrivateKey = CertificateMaterial.Protect(protector, CertificateMaterial.ExportPkcs8(certificate)!);
        ExchangeCertificates.ConfirmSmtpOverwrite(stored, services, all, parameters.Switch("Force"));
        stored.Services = services;
        stored.EnabledAt = services == AllowedServices.None ? null : context.Now;
        await AddAsync(context, stored, cancellationToken);
        return Output(ExchangeCertificateView.Of(stored, server.Fqdn, context.Now));
    }

    private static async Task AddAsync(CommandContext context, ExchangeCertificate stored, CancellationToken cancellationToken)
    {
        stored.Name = stored.Thumbprint;
        stored.DistinguishedName = context.Names.Certificate(stored.Server, stored.Thumbprint);
        await DirectoryWrites.AddAsync(context, stored, cancellationToken);
    }

    private static async Task<List<string>> NamesAsync(CommandContext context, CommandParameters parameters, Server server, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var domain in parameters.Multi("DomainName")?.Replacement ?? [])
        {
            var trimmed = domain.Trim().ToLowerInvariant();
            names.Add(trimmed.Length <= 255 && ProtocolConnectionSettings.IsHostName(trimmed.StartsWith("*.", StringComparison.Ordinal) ? trimmed[2..] : trimmed)
                ? trimmed
                : throw ManagementErrors.InvalidArgument($"The domain name \"{domain}\" isn't valid: use letters a-z, digits 0-9 and hyphens, at most 255 characters.", domain));
        }

        if (parameters.Switch("IncludeServerFQDN"))
        {
            names.Add(server.Fqdn.ToLowerInvariant());
        }

        if (parameters.Switch("IncludeServerNetBIOSName"))
        {
            names.Add(server.Name);
        }

        var accepted = new List<string>();
        await foreach (var domain in context.Reader.ListAsync<AcceptedDomain>(cancellationToken))
        {
            accepted.Add(domain.DomainName.TrimStart('*', '.'));
        }

        if (parameters.Switch("IncludeAcceptedDomains"))
        {
            names.AddRange(accepted);
        }

        if (parameters.Switch("IncludeAutoDiscover"))
        {
            names.AddRange(accepted.Select(d => "autodiscover." + d));
        }

        if (names.Count == 0 && !parameters.Has("SubjectName"))
        {
            names.AddRange([server.Name, server.Fqdn.ToLowerInvariant()]);
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static X500DistinguishedName Subject(CommandParameters parameters, List<string> names, Server server)
    {
        if (parameters.String("SubjectName") is not { } text)
        {
            return new X500DistinguishedName("CN=" + (parameters.Has("DomainName") && names.Count > 0 ? names[0] : server.Name));
        }

        try
        {
            var subject = new X500DistinguishedName(text);
            return subject.Name.Contains("CN=", StringComparison.OrdinalIgnoreCase) ? subject
                : throw ManagementErrors.InvalidArgument($"The SubjectName \"{text}\" needs a CN= part, such as CN=mail.contoso.com.", text);
        }
        catch (CryptographicException)
        {
            throw ManagementErrors.InvalidArgument($"The SubjectName \"{text}\" isn't an X.500 name such as C=US,O=Contoso,CN=mail.contoso.com.", text);
        }
    }
}

/// <summary>What New-ExchangeCertificate -GenerateRequest returns: the PKCS #10 request, PEM text (or base64 DER when binary).</summary>
public sealed record ExchangeCertificateRequest(string Thumbprint, string Request);

/// <summary>What Export-ExchangeCertificate (and a binary request) returns: <c>FileData</c>, base64 on the wire, bytes in PowerShell when binary.</summary>
public sealed record ExportedCertificate(string FileData, bool BinaryEncoded);
