using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Management;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>
/// Export-ExchangeCertificate <c>-Thumbprint [-BinaryEncoded] [-Password]</c>: with a password, a PFX with the private
/// key (only when it was made or imported with <c>-PrivateKeyExportable $true</c>); without, the certificate alone
/// (DER with <c>-BinaryEncoded</c>, else PEM). A pending request exports its PKCS #10 request.
/// </summary>
public sealed class ExportExchangeCertificateCommand(ICertificateKeyProtector protector) : ManagementCommand
{
    public override string Name => "Export-ExchangeCertificate";

    public override bool ChangesConfiguration => false;

    protected override IEnumerable<string> Parameters => ["Thumbprint", "Identity", "BinaryEncoded", "Password", "Server", "FileName"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var stored = await ExchangeCertificates.FindAsync(context, Name, parameters, cancellationToken);
        var binary = parameters.Switch("BinaryEncoded");
        if (stored.IsPendingRequest)
        {
            return Output(binary ? new ExportedCertificate(stored.CertificateRequest!, true) : new ExportedCertificate(ExchangeCertificates.RequestText(stored.CertificateRequest!), false));
        }

        if (parameters.String("Password") is not { } password)
        {
            return Output(binary ? new ExportedCertificate(stored.RawData!, true)
                : new ExportedCertificate(System.Security.Cryptography.PemEncoding.WriteString("CERTIFICATE", Convert.FromBase64String(stored.RawData!)), false));
        }

        if (!stored.PrivateKeyExportable || stored.ProtectedPrivateKey is null)
        {
            throw ManagementErrors.InvalidOperation($"The private key of the certificate with thumbprint {stored.Thumbprint} isn't exportable.", stored.Thumbprint);
        }

        using var withKey = CertificateMaterial.WithPrivateKey(stored, protector)!;
        var collection = new X509Certificate2Collection(withKey);
        collection.AddRange(CertificateMaterial.ChainOf(stored));
        var pfx = collection.Export(X509ContentType.Pkcs12, password)!;
        return Output(new ExportedCertificate(Convert.ToBase64String(pfx), true));
    }
}
