using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class TlsUpgradeTests
{
    [Fact]
    public async Task Upgrades_in_band_and_discards_buffered_plaintext()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        await using var transport = new PipeConnectionTransport(new Duplex(toServer.Reader, toClient.Writer));
        Assert.Null(transport.Tls);

        // Plaintext that arrived before the handshake must never be read as decrypted input (RFC 3207 §4.2).
        await toServer.Writer.WriteAsync("RSET\r\nMAIL FROM:<injected@example>\r\n"u8.ToArray());
        Assert.Equal(36, transport.DiscardBufferedInput());
        var server = transport.StartTlsAsync(new SslServerAuthenticationOptions { ServerCertificate = TestCertificates.Localhost }, default);

        await using var client = new SslStream(new DuplexPipeStream(toClient.Reader, toServer.Writer));
        await client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        await server;
        Assert.NotNull(transport.Tls);

        await client.WriteAsync("EHLO secure\r\n"u8.ToArray());
        var read = await transport.Input.ReadAsync();
        Assert.Equal("EHLO secure\r\n", Encoding.ASCII.GetString(read.Buffer.ToArray()));
        transport.Input.AdvanceTo(read.Buffer.End);

        await transport.Output.WriteAsync("250 ok\r\n"u8.ToArray());
        var buffer = new byte[64];
        var count = await client.ReadAsync(buffer);
        Assert.Equal("250 ok\r\n", Encoding.ASCII.GetString(buffer, 0, count));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await transport.StartTlsAsync(new SslServerAuthenticationOptions(), default));
    }

    [Fact]
    public async Task A_client_hello_that_arrives_before_the_server_starts_its_handshake_is_kept()
    {
        // The race behind a flaky STLS: the client got the go-ahead and sent its ClientHello before the server began
        // the handshake. Only input buffered before the go-ahead may be discarded.
        var toServer = new Pipe();
        var toClient = new Pipe();
        await using var transport = new PipeConnectionTransport(new Duplex(toServer.Reader, toClient.Writer));
        await toServer.Writer.WriteAsync("NOOP\r\n"u8.ToArray());
        Assert.Equal(6, transport.DiscardBufferedInput());

        await using var client = new SslStream(new DuplexPipeStream(toClient.Reader, toServer.Writer));
        var clientHandshake = client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        var hello = await toServer.Reader.ReadAsync(); // the ClientHello is waiting in the server's input
        toServer.Reader.AdvanceTo(hello.Buffer.Start); // leave it unread for the handshake

        await transport.StartTlsAsync(new SslServerAuthenticationOptions { ServerCertificate = TestCertificates.Localhost }, default).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await clientHandshake.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(transport.Tls);
    }

    [Fact]
    public async Task Failed_handshake_throws_and_leaves_the_connection_plain()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var transport = new PipeConnectionTransport(new Duplex(toServer.Reader, toClient.Writer));
        var server = transport.StartTlsAsync(new SslServerAuthenticationOptions { ServerCertificate = TestCertificates.Localhost }, default).AsTask();
        await toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 4096)));
        await toServer.Writer.CompleteAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => server);
        Assert.Null(transport.Tls);
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
