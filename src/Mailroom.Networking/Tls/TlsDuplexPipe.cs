using System.IO.Pipelines;
using System.Net.Security;

namespace Mailroom.Networking;

/// <summary>The decrypted side of a connection after a TLS handshake: pipes over an authenticated <see cref="SslStream"/>.</summary>
public sealed class TlsDuplexPipe : IDuplexPipe, IAsyncDisposable
{
    internal TlsDuplexPipe(SslStream stream)
    {
        Stream = stream;
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        Info = TlsInfo.From(stream);
    }

    public SslStream Stream { get; }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public TlsInfo Info { get; }

    /// <summary>Sends close_notify when possible and releases the TLS state; the pipes underneath stay open.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Input.CompleteAsync().ConfigureAwait(false);
            await Output.CompleteAsync().ConfigureAwait(false);
            await Stream.ShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The peer is gone already (reset, aborted, disposed): nothing left to tell it. Disposal never throws.
        }

        await Stream.DisposeAsync().ConfigureAwait(false);
    }
}
