using System.Security.Cryptography.X509Certificates;

namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>The client-access cmdlets through pwsh: the endpoint list, walking it live, virtual directories and settings.</summary>
public sealed class AutodiscoverShellTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public void GetAutodiscoverEndpointShowsTheListAsATable()
    {
        using var shell = PowerShellSession.Connect(node);
        var table = shell.Text("Get-AutodiscoverEndpoint -EmailAddress user@contoso.com");
        Assert.Matches(@"Order\s+Endpoint\s+CameFrom", table);
        Assert.Matches(@"1\s+https://ex1\.contoso\.com/Autodiscover/Autodiscover\.xml\s+SCP lookup \(no site scope\)", table);
        Assert.Matches(@"2\s+https://contoso\.com/autodiscover/autodiscover\.xml\s+derived from the email address", table);
        Assert.Matches(@"5\s+_autodiscover\._tcp\.contoso\.com\s+DNS SRV record", table);
    }

    [Fact]
    public void TestAutodiscoverEndpointWalksTheListAndSaysWhyEndpointsFailed()
    {
        using var shell = PowerShellSession.Connect(node);
        var scp = $"https://127.0.0.1:{node.HttpsUri.Port}/autodiscover/autodiscover.xml";
        shell.Run("Set-ClientAccessService EX1 -AutoDiscoverServiceInternalUri $args[0]", scp).ThrowIfErrors();
        try
        {
            // The node's self-signed certificate isn't trusted: a TLS reason, and the next endpoint is tried.
            const string credential = "$c = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force));";
            var untrusted = shell.Run(credential + "Test-AutodiscoverEndpoint -EmailAddress user@example.invalid -Credential $c -TimeoutSec 5", node.AdminUser, TestNode.AdminPassword).ThrowIfErrors();
            Assert.Equal(5, untrusted.Output.Count);
            Assert.Equal("Failed", untrusted.Property(0, "Result"));
            Assert.StartsWith("TLS: the certificate isn't trusted", (string)untrusted.Property(0, "Reason")!);
            Assert.Equal("Failed", untrusted.Property(1, "Result"));
            Assert.False(string.IsNullOrEmpty((string?)untrusted.Property(1, "Reason")));
            Assert.Equal("Skipped", untrusted.Property(4, "Result"));

            // Trusting the node's certificate, the SCP answers with settings and the walk stops there.
            var der = (byte[])shell.Run("Get-ExchangeCertificate | Where-Object Services -like '*IIS*' | Select-Object -First 1 | Export-ExchangeCertificate -BinaryEncoded").ThrowIfErrors().Property(0, "FileData")!;
            var trusted = shell.Run(credential + "Test-AutodiscoverEndpoint -EmailAddress $args[0] -Credential $c -TrustedRootCertificate $args[2] -StopAtFirstAnswer",
                node.AdminUser, TestNode.AdminPassword, X509CertificateLoader.LoadCertificate(der)).ThrowIfErrors();
            Assert.Equal("Answered", Assert.Single(trusted.Output).Properties["Result"].Value);
            Assert.Equal("settings (ex1.contoso.com)", trusted.Property(0, "Answer"));

            // Without credentials, the live endpoint only asks for them.
            var anonymous = shell.Run("Test-AutodiscoverEndpoint -EmailAddress $args[0] -TrustedRootCertificate $args[1] -StopAtFirstAnswer -TimeoutSec 5", node.AdminUser, X509CertificateLoader.LoadCertificate(der)).ThrowIfErrors();
            Assert.StartsWith("HTTP 401", (string)anonymous.Property(0, "Reason")!);
        }
        finally
        {
            shell.Run("Set-ClientAccessService EX1 -AutoDiscoverServiceInternalUri https://ex1.contoso.com/Autodiscover/Autodiscover.xml").ThrowIfErrors();
        }
    }

    [Fact]
    public void VirtualDirectoriesAndProtocolSettingsPipeLikeExchanges()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("Get-EcpVirtualDirectory -Server EX1 | Set-EcpVirtualDirectory -ExternalUrl https://mail.contoso.com/ecp").ThrowIfErrors();
        var ecp = shell.Run("Get-EcpVirtualDirectory 'EX1\\ecp (Default Web Site)'").ThrowIfErrors();
        Assert.Equal("https://mail.contoso.com/ecp", ecp.Property(0, "ExternalUrl"));
        Assert.Equal("Mailroom.VirtualDirectory", ecp.Output[0].TypeNames[0]);
        Assert.Matches(@"Name\s+Server\s+InternalUrl\s+ExternalUrl", shell.Text("Get-AutodiscoverVirtualDirectory"));

        shell.Run("Set-PopSettings -LoginType PlainTextLogin -ExternalConnectionSettings @{Add='pop.contoso.com:995:SSL'}").ThrowIfErrors();
        var pop = shell.Run("Get-PopSettings -Server EX1").ThrowIfErrors();
        Assert.Equal("PlainTextLogin", pop.Property(0, "LoginType"));
        Assert.Equal(new object[] { "pop.contoso.com:995:SSL" }, (object[])pop.Property(0, "ExternalConnectionSettings")!);
        var bad = shell.Run("Set-ImapSettings -ExternalConnectionSettings 'mail.contoso.com:993:STARTTLS'");
        Assert.Equal("InvalidArgument", bad.SingleError().CategoryInfo.Category.ToString());
        shell.Run("Set-PopSettings -LoginType SecureLogin -ExternalConnectionSettings $null").ThrowIfErrors();
    }
}
