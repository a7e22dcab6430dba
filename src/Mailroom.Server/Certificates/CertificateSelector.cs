using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Commands.Certificates;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Networking;

namespace Mailroom.Server.Certificates;

/// <summary>
/// Picks the certificate every TLS handshake of this node presents, from the certificates enabled in the directory:
/// for a service, the one whose domains cover the client's SNI name, else the one named by the protocol's
/// <c>X509CertificateName</c>, else the most recently enabled. What it loaded is kept until the directory changes
/// (or, for changes made through another node, for ten seconds), so Enable-ExchangeCertificate takes effect at
/// the next connection without a restart. Expired certificates are passed over while a valid one is enabled.
/// </summary>
public sealed class CertificateSelector(IDirectoryStore store, ICertificateKeyProtector protector, string serverName, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim reloading = new(1, 1);
    private Snapshot current = new(-1, DateTimeOffset.MinValue, [], null, null);

    /// <summary>A source for one service's listeners (IIS for HTTPS, SMTP, IMAP, POP).</summary>
    public IServerCertificateSource For(AllowedServices service) => new ServiceSource(this, service);

    public async ValueTask<SslStreamCertificateContext?> SelectAsync(AllowedServices service, string? hostName, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var enabled = snapshot.Certificates.Where(c => c.Stored.Services.HasFlag(service)).OrderByDescending(c => c.Stored.EnabledAt ?? DateTime.MinValue).ToList();
        var valid = enabled.Where(c => CertificateMaterial.IsTimeValid(c.Certificate, now)).ToList();
        var candidates = valid.Count > 0 ? valid : enabled;
        var preferred = service switch
        {
            AllowedServices.IMAP => snapshot.ImapName,
            AllowedServices.POP => snapshot.PopName,
            _ => null,
        };
        var chosen = (hostName is not null ? candidates.FirstOrDefault(c => CertificateMaterial.Covers(c.Domains, hostName)) : null)
            ?? (preferred is not null ? candidates.FirstOrDefault(c => CertificateMaterial.Covers(c.Domains, preferred)) : null)
            ?? candidates.FirstOrDefault();
        return chosen?.Context;
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot.Generation == store.ChangeGeneration && time.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }

        await reloading.WaitAsync(cancellationToken);
        try
        {
            if (current.Generation == store.ChangeGeneration && time.GetUtcNow() - current.LoadedAt < MaxAge)
            {
                return current;
            }

            // Generation first: a change committed while loading leaves this snapshot stale, so it is read again.
            var generation = store.ChangeGeneration;
            var loadedAt = time.GetUtcNow();
            var (stored, imapName, popName) = await store.ReadAsync(async reader => (
                await ExchangeCertificates.OfServerAsync(reader, serverName, cancellationToken),
                (await Directory.Commands.ClientAccess.PopImapSettingsLookup.ForServerAsync<ImapSettings>(reader, serverName, cancellationToken))?.X509CertificateName,
                (await Directory.Commands.ClientAccess.PopImapSettingsLookup.ForServerAsync<PopSettings>(reader, serverName, cancellationToken))?.X509CertificateName), cancellationToken);
            var loaded = new List<Loaded>();
            foreach (var certificate in stored.Where(c => c.Services != AllowedServices.None))
            {
                // A certificate already loaded was decrypted then; only new ones need the key check.
                if (current.Certificates.FirstOrDefault(l => l.Stored.Thumbprint == certificate.Thumbprint) is { } reuse)
                {
                    loaded.Add(reuse with { Stored = certificate });
                }
                else if (CanUse(certificate, protector))
                {
                    loaded.Add(Load(certificate));
                }
            }

            current = new Snapshot(generation, loadedAt, loaded, imapName, popName);
            return current;
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>
    /// True when the certificate has a private key this node can decrypt. One encrypted under another node key (the
    /// node's data folder was replaced) is skipped rather than failing every handshake.
    /// </summary>
    public static bool CanUse(ExchangeCertificate stored, ICertificateKeyProtector protector)
    {
        if (stored.IsPendingRequest || stored.ProtectedPrivateKey is null)
        {
            return false;
        }

        try
        {
            using var certificate = CertificateMaterial.WithPrivateKey(stored, protector);
            return certificate is not null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private Loaded Load(ExchangeCertificate stored)
    {
        var certificate = CertificateMaterial.WithPrivateKey(stored, protector)!;
        var context = SslStreamCertificateContext.Create(certificate, CertificateMaterial.ChainOf(stored), offline: true);
        return new Loaded(stored, certificate, CertificateMaterial.Domains(certificate), context);
    }

    private sealed record Loaded(ExchangeCertificate Stored, X509Certificate2 Certificate, IReadOnlyList<string> Domains, SslStreamCertificateContext Context);

    private sealed record Snapshot(long Generation, DateTimeOffset LoadedAt, IReadOnlyList<Loaded> Certificates, string? ImapName, string? PopName);

    private sealed class ServiceSource(CertificateSelector selector, AllowedServices service) : IServerCertificateSource
    {
        public ValueTask<SslStreamCertificateContext?> SelectAsync(string? hostName, CancellationToken cancellationToken) =>
            selector.SelectAsync(service, hostName, cancellationToken);
    }
}
