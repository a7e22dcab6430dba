using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>
/// Remove-ExchangeCertificate <c>-Thumbprint</c>: refused while the certificate serves a service (it is the most
/// recently enabled one for it); enable another certificate for those services first, as in Exchange.
/// </summary>
public sealed class RemoveExchangeCertificateCommand : ManagementCommand
{
    public override string Name => "Remove-ExchangeCertificate";

    protected override IEnumerable<string> Parameters => ["Thumbprint", "Identity", "Server"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var certificate = await ExchangeCertificates.FindAsync(context, Name, parameters, cancellationToken);
        var serving = ExchangeCertificates.Serving(certificate, await ExchangeCertificates.OfServerAsync(context.Reader, certificate.Server, cancellationToken));
        if (serving != AllowedServices.None)
        {
            throw ManagementErrors.InvalidOperation(
                $"The certificate with thumbprint {certificate.Thumbprint} is in use by {ExchangeCertificateView.ServicesText(serving)}. Enable another certificate for those services, then remove this one.",
                certificate.Thumbprint);
        }

        await context.Writer.DeleteAsync(certificate.Guid, cancellationToken);
        return Nothing();
    }
}
