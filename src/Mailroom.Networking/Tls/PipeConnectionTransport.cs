using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;

namespace Mailroom.Networking;

/// <summary><see cref="IConnectionTransport"/> over any <see cref="IDuplexPipe"/> (a Kestrel connection's Transport).</summary>
/// <param name="pipe">The connection's pipes; TLS from the listener (implicit TLS) is already below them.</param>
/// <param name="implicitTls">What the listener negotiated, when it terminated TLS itself.</param>
public sealed class PipeConnectionTransport(IDuplexPipe pipe, TlsInfo? implicitTls = null) : IConnectionTransport, IAsyncDisposable
{
    private TlsDuplexPipe? _upgraded;

    public PipeReader Input => _upgraded?.Input ?? pipe.Input;

    public PipeWriter Output => _upgraded?.Output ?? pipe.Output;

    public TlsInfo? Tls => _upgraded?.Info ?? implicitTls;

    public async ValueTask StartTlsAsync(SslServerAuthenticationOptions options, CancellationToken cancellationToken)
    {
        EnsurePlain();
        _upgraded = await TlsUpgrade.AuthenticateAsServerAsync(pipe, options, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask StartTlsAsync(IServerCertificateSource certificates, SslProtocols protocols, CancellationToken cancellationToken)
    {
        EnsurePlain();
        _upgraded = await TlsUpgrade.AuthenticateAsServerAsync(pipe, certificates, protocols, cancellationToken).ConfigureAwait(false);
    }

    public long DiscardBufferedInput()
    {
        EnsurePlain();
        if (!pipe.Input.TryRead(out var buffered))
        {
            return 0;
        }

        var discarded = buffered.Buffer.Length;
        pipe.Input.AdvanceTo(buffered.Buffer.End);
        return discarded;
    }

    private void EnsurePlain()
    {
        if (Tls is not null)
        {
            throw new InvalidOperationException("The connection is already encrypted.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_upgraded is not null)
        {
            await _upgraded.DisposeAsync().ConfigureAwait(false);
        }
    }
}
