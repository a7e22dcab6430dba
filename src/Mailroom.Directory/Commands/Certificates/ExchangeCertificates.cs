using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>Rules the certificate cmdlets share: finding a server's certificates, parsing <c>-Services</c>, who serves what.</summary>
public static class ExchangeCertificates
{
    /// <summary>The error the PowerShell cmdlet turns into Exchange's "Overwrite the existing default SMTP certificate?" prompt.</summary>
    public const string ConfirmSmtpErrorId = "ConfirmOverwriteDefaultSmtpCertificate";

    public static IEnumerable<ManagementCommand> All(Mailroom.Directory.Certificates.ICertificateKeyProtector protector) =>
    [
        new GetExchangeCertificateCommand(), new NewExchangeCertificateCommand(protector), new ImportExchangeCertificateCommand(protector),
        new EnableExchangeCertificateCommand(), new ExportExchangeCertificateCommand(protector), new RemoveExchangeCertificateCommand(),
    ];

    public static async Task<Server> ServerAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken) =>
        parameters.String("Server") is { } named
            ? await IdentityResolver.ResolveAsync<Server>(context, named, cancellationToken)
            : await LocalServer.GetAsync(context, cancellationToken);

    public static async Task<List<ExchangeCertificate>> OfServerAsync(IDirectoryReader reader, string server, CancellationToken cancellationToken)
    {
        var found = new List<ExchangeCertificate>();
        await foreach (var certificate in reader.ListAsync<ExchangeCertificate>(cancellationToken))
        {
            if (certificate.Server.Equals(server, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(certificate);
            }
        }

        return found;
    }

    /// <summary>The certificate named by <c>-Thumbprint</c> (on <c>-Server</c> or this server) or <c>-Identity</c> (<c>Server\Thumbprint</c>).</summary>
    public static async Task<ExchangeCertificate> FindAsync(CommandContext context, string command, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            var slash = identity.IndexOf('\\');
            if (slash > 0)
            {
                var server = await IdentityResolver.ResolveAsync<Server>(context, identity[..slash], cancellationToken);
                identity = $"{server.Name}\\{identity[(slash + 1)..].ToUpperInvariant()}";
            }

            return await IdentityResolver.ResolveAsync<ExchangeCertificate>(context, identity, cancellationToken);
        }

        var thumbprint = parameters.RequiredString(command, "Thumbprint").Trim().ToUpperInvariant();
        var owner = await ServerAsync(context, parameters, cancellationToken);
        return (await OfServerAsync(context.Reader, owner.Name, cancellationToken)).FirstOrDefault(c => c.Thumbprint == thumbprint)
            ?? throw ManagementErrors.NotFound(thumbprint, context.ServerFqdn);
    }

    public static AllowedServices ParseServices(CommandParameters parameters, string name = "Services")
    {
        var services = AllowedServices.None;
        var values = parameters.Multi(name)?.Replacement ?? [];
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            services |= Enum.TryParse<AllowedServices>(value, ignoreCase: true, out var one) && Enum.IsDefined(one)
                ? one
                : throw ManagementErrors.InvalidArgument($"Cannot bind parameter '{name}'. \"{value}\" isn't one of None, Federation, IIS, IMAP, POP, SMTP, UM, UMCallRouter.", value);
        }

        return services;
    }

    /// <summary>The services <paramref name="certificate"/> currently serves: those it is the most recently enabled certificate for.</summary>
    public static AllowedServices Serving(ExchangeCertificate certificate, IReadOnlyList<ExchangeCertificate> all)
    {
        var serving = AllowedServices.None;
        foreach (var service in Enum.GetValues<AllowedServices>().Where(s => s != AllowedServices.None && certificate.Services.HasFlag(s)))
        {
            var current = all.Where(c => c.Services.HasFlag(service) && !c.IsPendingRequest).MaxBy(c => c.EnabledAt ?? DateTime.MinValue);
            if (current?.Guid == certificate.Guid)
            {
                serving |= service;
            }
        }

        return serving;
    }

    /// <summary>
    /// Enabling another certificate for SMTP replaces the default SMTP certificate, which Exchange asks about
    /// (exchange.md §7.3); <c>-Force</c> answers yes. The module asks the user and sends <c>-Force</c> when they agree.
    /// </summary>
    public static void ConfirmSmtpOverwrite(ExchangeCertificate certificate, AllowedServices services, IReadOnlyList<ExchangeCertificate> all, bool force)
    {
        if (force || !services.HasFlag(AllowedServices.SMTP))
        {
            return;
        }

        var current = all.Where(c => c.Services.HasFlag(AllowedServices.SMTP) && !c.IsPendingRequest).MaxBy(c => c.EnabledAt ?? DateTime.MinValue);
        if (current is not null && current.Guid != certificate.Guid)
        {
            throw new ManagementException(ConfirmSmtpErrorId, "InvalidOperation",
                $"Overwrite the existing default SMTP certificate? Current certificate: '{current.Thumbprint}'. Replace it with certificate: '{certificate.Thumbprint}'. Run the command again with -Force to replace it.",
                certificate.Thumbprint);
        }
    }

    /// <summary>PEM with RFC 7468's "CERTIFICATE REQUEST" label (Windows writes the older "NEW CERTIFICATE REQUEST"; CAs take both).</summary>
    public static string RequestText(string base64Der) =>
        System.Security.Cryptography.PemEncoding.WriteString("CERTIFICATE REQUEST", Convert.FromBase64String(base64Der));

    public static string Thumbprint(X509Certificate2 certificate) => certificate.Thumbprint.ToUpperInvariant();
}
