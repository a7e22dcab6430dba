using Mailroom.Directory.Certificates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>Get-ExchangeCertificate <c>[-Thumbprint | -Identity] [-Server] [-DomainName]</c>: a server's certificates (this one's by default).</summary>
public sealed class GetExchangeCertificateCommand : ManagementCommand
{
    public override string Name => "Get-ExchangeCertificate";

    protected override IEnumerable<string> Parameters => ["Identity", "Thumbprint", "Server", "DomainName", "Instance"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await ExchangeCertificates.ServerAsync(context, parameters, cancellationToken);
        if (parameters.Has("Thumbprint") || parameters.Has("Identity"))
        {
            var one = await ExchangeCertificates.FindAsync(context, Name, parameters, cancellationToken);
            return Output(ExchangeCertificateView.Of(one, await FqdnAsync(context, one.Server, cancellationToken), context.Now));
        }

        var domains = parameters.Multi("DomainName")?.Replacement ?? [];
        var output = new List<object>();
        foreach (var certificate in (await ExchangeCertificates.OfServerAsync(context.Reader, server.Name, cancellationToken)).OrderBy(c => c.WhenCreated))
        {
            var view = ExchangeCertificateView.Of(certificate, server.Fqdn, context.Now);
            if (domains.Count == 0 || domains.Any(d => CertificateMaterial.Covers(view.CertificateDomains, d)))
            {
                output.Add(view);
            }
        }

        return output;
    }

    private static async Task<string> FqdnAsync(CommandContext context, string server, CancellationToken cancellationToken) =>
        (await IdentityResolver.ResolveAsync<Server>(context, server, cancellationToken)).Fqdn;
}
