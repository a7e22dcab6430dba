using Mailroom.Directory.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>
/// Enable-ExchangeCertificate <c>-Thumbprint -Services IIS,SMTP,IMAP,POP [-Force]</c> (exchange.md §7.3): services are
/// added to those the certificate already has, and it becomes the one those services present from the next
/// connection on. A pending request, a certificate without a private key, or one that is expired or not yet valid
/// is refused and nothing changes.
/// </summary>
public sealed class EnableExchangeCertificateCommand : ManagementCommand
{
    public override string Name => "Enable-ExchangeCertificate";

    protected override IEnumerable<string> Parameters => ["Thumbprint", "Identity", "Services", "Server", "Force", "DoNotRequireSsl", "NetworkServiceAllowed"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (!parameters.Has("Services"))
        {
            throw ManagementErrors.MissingParameter(Name, "Services");
        }

        var services = ExchangeCertificates.ParseServices(parameters);
        var certificate = await ExchangeCertificates.FindAsync(context, Name, parameters, cancellationToken);
        if (certificate.IsPendingRequest)
        {
            throw ManagementErrors.InvalidOperation($"The certificate with thumbprint {certificate.Thumbprint} is a pending request: import the CA's answer with Import-ExchangeCertificate first.", certificate.Thumbprint);
        }

        if (certificate.ProtectedPrivateKey is null)
        {
            throw ManagementErrors.InvalidOperation($"The certificate with thumbprint {certificate.Thumbprint} has no private key, so it can't be enabled for a service.", certificate.Thumbprint);
        }

        using (var x509 = CertificateMaterial.PublicCertificate(certificate))
        {
            if (!CertificateMaterial.IsTimeValid(x509, context.Now))
            {
                throw ManagementErrors.InvalidOperation(
                    $"The certificate with thumbprint {certificate.Thumbprint} is not valid now (valid from {x509.NotBefore.ToUniversalTime():u} to {x509.NotAfter.ToUniversalTime():u}); it can't be enabled for a service.",
                    certificate.Thumbprint);
            }
        }

        if (services == AllowedServices.None)
        {
            return Nothing();
        }

        var all = await ExchangeCertificates.OfServerAsync(context.Reader, certificate.Server, cancellationToken);
        ExchangeCertificates.ConfirmSmtpOverwrite(certificate, services, all, parameters.Switch("Force"));
        certificate.Services |= services;
        certificate.EnabledAt = context.Now;
        await DirectoryWrites.UpdateAsync(context, certificate, cancellationToken);
        return Nothing();
    }
}
