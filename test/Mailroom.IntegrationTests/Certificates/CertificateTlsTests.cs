using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Mailroom.IntegrationTests.Certificates;

/// <summary>
/// Every TLS port presents the certificate enabled for its service, trusted only through a test CA imported with
/// Import-ExchangeCertificate, and switches to another one after Enable-ExchangeCertificate without a restart.
/// </summary>
public sealed class CertificateTlsTests : IAsyncLifetime
{
    private const string PfxPassword = "Pfx!Passw0rd";
    private readonly TestCertificateAuthority ca = new("Mailroom Test CA");
    private TestNode node = null!;

    public async Task InitializeAsync() => node = await TestNode.StartAsync();

    public async Task DisposeAsync()
    {
        await node.DisposeAsync();
        ca.Dispose();
    }

    [Fact]
    public async Task EveryTlsPortPresentsTheEnabledCertificateAndSwitchesWithoutARestart()
    {
        using var first = ca.Issue("ex1.contoso.com", ["ex1.contoso.com", "127.0.0.1"]);
        using var second = ca.Issue("mail.contoso.com", ["mail.contoso.com", "127.0.0.1"]);
        using var shell = PowerShellSession.Connect(node);

        // Before: the self-signed default isn't trusted by a client that trusts only the test CA.
        Assert.Null(await PresentedByImapsAsync());

        Import(shell, first);
        shell.Run("Enable-ExchangeCertificate -Thumbprint $args[0] -Services IIS,SMTP,IMAP,POP -Force", first.Thumbprint).ThrowIfErrors();
        await AssertEveryPortPresentsAsync(first.Thumbprint);

        Import(shell, second);
        shell.Run("Enable-ExchangeCertificate -Thumbprint $args[0] -Services IIS,SMTP,IMAP,POP -Force", second.Thumbprint).ThrowIfErrors();
        await AssertEveryPortPresentsAsync(second.Thumbprint);

        var listed = shell.Run("Get-ExchangeCertificate -Thumbprint $args[0]", first.Thumbprint).ThrowIfErrors();
        Assert.Equal("IMAP, POP, IIS, SMTP", listed.Property(0, "Services"));
        Assert.Equal("Untrusted", listed.Property(0, "Status")); // the test CA isn't in this machine's trust store
        Assert.Equal(true, listed.Property(0, "HasPrivateKey"));
        Assert.Equal(new object[] { "ex1.contoso.com" }, (object[])listed.Property(0, "CertificateDomains")!);

        // The first no longer serves anything, so it can go; the second serves everything, so it can't.
        shell.Run("Remove-ExchangeCertificate -Thumbprint $args[0] -Confirm:$false", first.Thumbprint).ThrowIfErrors();
        var refused = shell.Run("Remove-ExchangeCertificate -Thumbprint $args[0] -Confirm:$false", second.Thumbprint);
        Assert.Contains("in use by IMAP, POP, IIS, SMTP", refused.SingleError().ToString());
        await AssertEveryPortPresentsAsync(second.Thumbprint);
    }

    [Fact]
    public async Task SniPicksTheCertificateWhoseDomainsMatch()
    {
        using var mail = ca.Issue("mail.contoso.com", ["mail.contoso.com"]);
        using var imap = ca.Issue("imap.contoso.com", ["imap.contoso.com"]);
        using var shell = PowerShellSession.Connect(node);
        Import(shell, mail);
        Import(shell, imap);
        shell.Run("Enable-ExchangeCertificate -Thumbprint $args[0] -Services IMAP", mail.Thumbprint).ThrowIfErrors();
        shell.Run("Enable-ExchangeCertificate -Thumbprint $args[0] -Services IMAP", imap.Thumbprint).ThrowIfErrors();

        Assert.Equal(mail.Thumbprint, await HandshakeAsync(node.ImapsPort, "mail.contoso.com"));
        Assert.Equal(imap.Thumbprint, await HandshakeAsync(node.ImapsPort, "imap.contoso.com"));

        // No SNI match: X509CertificateName decides, else the most recently enabled.
        Assert.Equal(imap.Thumbprint, await HandshakeAsync(node.ImapsPort, "other.contoso.com"));
        shell.Run("Set-ImapSettings -X509CertificateName mail.contoso.com").ThrowIfErrors();
        Assert.Equal(mail.Thumbprint, await HandshakeAsync(node.ImapsPort, "other.contoso.com"));
    }

    [Fact]
    public async Task OnlyTls12And13AreNegotiated()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", node.ImapsPort);
        await using var ssl = new SslStream(tcp.GetStream());
#pragma warning disable SYSLIB0039 // asking for TLS 1.1 on purpose: the node must refuse it (RFC 8996)
        var old = ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "ex1.contoso.com",
            EnabledSslProtocols = SslProtocols.Tls11,
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        });
#pragma warning restore SYSLIB0039
        await Assert.ThrowsAnyAsync<Exception>(() => old);

        using var tcp2 = new TcpClient();
        await tcp2.ConnectAsync("127.0.0.1", node.Pop3sPort);
        await using var modern = new SslStream(tcp2.GetStream());
        await modern.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "ex1.contoso.com", RemoteCertificateValidationCallback = static (_, _, _, _) => true });
        Assert.True(modern.SslProtocol is SslProtocols.Tls12 or SslProtocols.Tls13);
    }

    private void Import(PowerShellSession shell, X509Certificate2 certificate) =>
        shell.Run("Import-ExchangeCertificate -FileData ([byte[]]$args[0]) -Password (ConvertTo-SecureString $args[1] -AsPlainText -Force)", ca.Pfx(certificate, PfxPassword), PfxPassword).ThrowIfErrors();

    private async Task AssertEveryPortPresentsAsync(string thumbprint)
    {
        Assert.Equal(thumbprint, await PresentedByImapsAsync());
        Assert.Equal(thumbprint, await WithImapAsync(node.ImapPort, SecureSocketOptions.StartTls));
        Assert.Equal(thumbprint, await WithPop3Async(node.Pop3sPort, SecureSocketOptions.SslOnConnect));
        Assert.Equal(thumbprint, await WithPop3Async(node.Pop3Port, SecureSocketOptions.StartTls));
        Assert.Equal(thumbprint, await WithSmtpAsync(node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect));
        Assert.Equal(thumbprint, await WithSmtpAsync(node.SubmissionPort, SecureSocketOptions.StartTls));
        Assert.Equal(thumbprint, await WithSmtpAsync(node.SmtpPort, SecureSocketOptions.StartTls));
        Assert.Equal(thumbprint, await WithHttpsAsync());
    }

    private Task<string?> PresentedByImapsAsync() => WithImapAsync(node.ImapsPort, SecureSocketOptions.SslOnConnect);

    private async Task<string?> WithImapAsync(int port, SecureSocketOptions security)
    {
        string? seen = null;
        using var client = new ImapClient { ServerCertificateValidationCallback = (_, c, _, e) => Record(c, e, ref seen) };
        return await TryAsync(() => client.ConnectAsync("127.0.0.1", port, security), () => client.DisconnectAsync(true), () => seen);
    }

    private async Task<string?> WithPop3Async(int port, SecureSocketOptions security)
    {
        string? seen = null;
        using var client = new Pop3Client { ServerCertificateValidationCallback = (_, c, _, e) => Record(c, e, ref seen) };
        return await TryAsync(() => client.ConnectAsync("127.0.0.1", port, security), () => client.DisconnectAsync(true), () => seen);
    }

    private async Task<string?> WithSmtpAsync(int port, SecureSocketOptions security)
    {
        string? seen = null;
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, c, _, e) => Record(c, e, ref seen) };
        return await TryAsync(() => client.ConnectAsync("127.0.0.1", port, security), () => client.DisconnectAsync(true), () => seen);
    }

    private async Task<string?> WithHttpsAsync()
    {
        string? seen = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, e) => Record(c, e, ref seen);
        using var http = new HttpClient(handler);
        return await TryAsync(() => http.GetAsync(new Uri($"https://127.0.0.1:{node.HttpsUri.Port}/.well-known/autoconfig/mail/config-v1.1.xml")), () => Task.CompletedTask, () => seen);
    }

    /// <summary>The thumbprint of the certificate the server presented when the test CA vouched for it; null when the handshake was refused.</summary>
    private bool Record(X509Certificate? presented, SslPolicyErrors errors, ref string? seen)
    {
        if (!ca.Trusts(presented, errors))
        {
            return false;
        }

        seen = presented!.GetCertHashString();
        return true;
    }

    private static async Task<string?> TryAsync(Func<Task> connect, Func<Task> disconnect, Func<string?> seen)
    {
        try
        {
            await connect();
        }
        catch (Exception ex) when (ex is SslHandshakeException or System.Security.Authentication.AuthenticationException or HttpRequestException or IOException)
        {
            return null;
        }

        await disconnect();
        return seen();
    }

    private static async Task<string> HandshakeAsync(int port, string serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName, RemoteCertificateValidationCallback = static (_, _, _, _) => true });
        return ssl.RemoteCertificate!.GetCertHashString();
    }
}
