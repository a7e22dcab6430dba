using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>
/// Import-ExchangeCertificate <c>-FileData &lt;bytes&gt; [-Password]</c> or <c>-Instance &lt;PEM&gt;</c> (exchange.md §7.2):
/// a PKCS #12 file with its password, or PEM (certificate, chain, and the private key or the answer to a pending
/// request of this server). The certificate comes in enabled for nothing; Enable-ExchangeCertificate assigns it.
/// A wrong password, a certificate without a private key or a duplicate is refused and nothing is stored.
/// </summary>
public sealed class ImportExchangeCertificateCommand(ICertificateKeyProtector protector) : ManagementCommand
{
    public override string Name => "Import-ExchangeCertificate";

    protected override IEnumerable<string> Parameters => ["FileData", "FileName", "Instance", "Password", "PrivateKeyExportable", "FriendlyName", "Server"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await ExchangeCertificates.ServerAsync(context, parameters, cancellationToken);
        var data = Data(parameters);
        var (leaf, chain) = Read(data, parameters.String("Password"));
        using var _ = leaf;
        var all = await ExchangeCertificates.OfServerAsync(context.Reader, server.Name, cancellationToken);
        var thumbprint = ExchangeCertificates.Thumbprint(leaf);
        if (all.Any(c => c.Thumbprint == thumbprint))
        {
            throw ManagementErrors.AlreadyExists("certificate with thumbprint", thumbprint);
        }

        var stored = leaf.HasPrivateKey ? null : PendingRequestFor(leaf, all);
        if (!leaf.HasPrivateKey && stored is null)
        {
            throw ManagementErrors.InvalidOperation(
                $"The certificate with thumbprint {thumbprint} has no private key, and it doesn't answer a pending request of {server.Name}. Import it as a PFX file with its private key (and -Password), or in PEM with the key.",
                thumbprint);
        }

        if (stored is null)
        {
            stored = new ExchangeCertificate { Server = server.Name, ProtectedPrivateKey = CertificateMaterial.Protect(protector, CertificateMaterial.ExportPkcs8(leaf)!) };
            stored.PrivateKeyExportable = parameters.Bool("PrivateKeyExportable") ?? false;
        }
        else
        {
            // Completing a request (exchange.md §7.2): the key stays the request's, and the object becomes the certificate.
            await context.Writer.DeleteAsync(stored.Guid, cancellationToken);
            stored.Guid = Guid.Empty;
            stored.CertificateRequest = null;
        }

        stored.Thumbprint = thumbprint;
        stored.Name = thumbprint;
        stored.RawData = Convert.ToBase64String(leaf.RawData);
        stored.Chain = chain.Select(c => Convert.ToBase64String(c.RawData)).ToList();
        stored.FriendlyName = parameters.String("FriendlyName") ?? (leaf.FriendlyName is { Length: > 0 } f ? f : stored.FriendlyName);
        stored.Services = AllowedServices.None;
        stored.EnabledAt = null;
        stored.DistinguishedName = context.Names.Certificate(server.Name, thumbprint);
        await DirectoryWrites.AddAsync(context, stored, cancellationToken);
        return Output(ExchangeCertificateView.Of(stored, server.Fqdn, context.Now));
    }

    private static byte[] Data(CommandParameters parameters)
    {
        if (parameters.Has("FileName"))
        {
            // Exchange removed -FileName (UNC paths, exchange.md §7.2); the module reads files on the client.
            throw ManagementErrors.InvalidArgument("-FileName isn't supported: pass -FileData ([System.IO.File]::ReadAllBytes('<path>')).", "FileName");
        }

        if (parameters.Multi("Instance")?.Replacement is { Count: > 0 } instance)
        {
            return Encoding.ASCII.GetBytes(string.Join("\n", instance));
        }

        var text = parameters.RequiredString("Import-ExchangeCertificate", "FileData");
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw ManagementErrors.InvalidArgument("Cannot bind parameter 'FileData': expected the bytes of a PFX, PEM or DER file.", "FileData");
        }
    }

    /// <summary>The certificate to import (the one with the key, or the first) and the other certificates as its chain.</summary>
    private static (X509Certificate2 Leaf, List<X509Certificate2> Chain) Read(byte[] data, string? password)
    {
        var text = Encoding.ASCII.GetString(data);
        X509Certificate2Collection collection;
        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            collection = ReadPem(text);
        }
        else if (X509Certificate2.GetCertContentType(data) == X509ContentType.Pkcs12)
        {
            try
            {
                collection = X509CertificateLoader.LoadPkcs12Collection(data, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException)
            {
                throw ManagementErrors.InvalidArgument("The PFX file couldn't be opened: the password is wrong or the file is damaged. Nothing was imported.", "Password");
            }
        }
        else
        {
            try
            {
                collection = [X509CertificateLoader.LoadCertificate(data)];
            }
            catch (CryptographicException)
            {
                throw ManagementErrors.InvalidArgument("The data isn't a certificate: expected a PFX (PKCS #12) file, PEM text or a DER certificate.", "FileData");
            }
        }

        if (collection.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("The file holds no certificate.", "FileData");
        }

        var leaf = collection.FirstOrDefault(c => c.HasPrivateKey) ?? collection[0];
        return (leaf, collection.Where(c => !ReferenceEquals(c, leaf)).ToList());
    }

    private static X509Certificate2Collection ReadPem(string text)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(text);
            if (collection.Count > 0 && text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                var withKey = X509Certificate2.CreateFromPem(text, text);
                collection.RemoveAt(0);
                collection.Insert(0, withKey);
            }
        }
        catch (CryptographicException)
        {
            throw ManagementErrors.InvalidArgument("The PEM text couldn't be read, or its private key doesn't belong to its first certificate. Nothing was imported.", "Instance");
        }

        return collection;
    }

    private static ExchangeCertificate? PendingRequestFor(X509Certificate2 certificate, IEnumerable<ExchangeCertificate> all)
    {
        var key = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        return all.FirstOrDefault(c => c.IsPendingRequest && CertificateRequest.LoadSigningRequest(
                Convert.FromBase64String(c.CertificateRequest!), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions)
            .PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key));
    }
}
