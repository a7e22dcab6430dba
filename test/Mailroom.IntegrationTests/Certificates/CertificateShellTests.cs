using System.Security.Cryptography.X509Certificates;

namespace Mailroom.IntegrationTests.Certificates;

/// <summary>The certificate cmdlets through pwsh: first-start default, New/Import/Export/Remove, and bad input that changes nothing.</summary>
public sealed class CertificateShellTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string PfxPassword = "Pfx!Passw0rd";
    private readonly TestNode node = fixture.Node;

    [Fact]
    public void FirstStartMadeASelfSignedCertificateForTheFqdnAndAutodiscoverEnabledForEverything()
    {
        using var shell = PowerShellSession.Connect(node);
        var all = shell.Run("Get-ExchangeCertificate").ThrowIfErrors();
        var first = all.Output.First();
        Assert.Equal("Mailroom.ExchangeCertificateView", first.TypeNames[0]);
        Assert.Equal("IMAP, POP, IIS, SMTP", first.Properties["Services"].Value);
        Assert.Equal("CN=ex1.contoso.com", first.Properties["Subject"].Value);
        Assert.Equal(true, first.Properties["IsSelfSigned"].Value);
        Assert.Equal("Valid", first.Properties["Status"].Value);
        Assert.Contains("autodiscover.contoso.com", (object[])first.Properties["CertificateDomains"].Value);
        Assert.Contains("ex1.contoso.com", (object[])first.Properties["CertificateDomains"].Value);
        Assert.IsType<DateTime>(first.Properties["NotAfter"].Value);
        Assert.Matches(@"Thumbprint\s+Services\s+Subject", shell.Text("Get-ExchangeCertificate"));

        // Private keys are stored encrypted: no PFX or key file in the clear in the data folder.
        Assert.Empty(System.IO.Directory.GetFiles(node.DataPath, "*.pfx", SearchOption.AllDirectories));
        var keyFile = Path.Combine(node.DataPath, "certificates", "node.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public void NewSelfSignedAndARequestCompletedByImport()
    {
        using var shell = PowerShellSession.Connect(node);
        var made = shell.Run("New-ExchangeCertificate -SubjectName 'C=US,O=Contoso,CN=new.contoso.com' -DomainName new.contoso.com,alt.contoso.com -Services None -PrivateKeyExportable $true").ThrowIfErrors();
        Assert.Equal("None", made.Property(0, "Services"));
        Assert.Equal(new object[] { "new.contoso.com", "alt.contoso.com" }, (object[])made.Property(0, "CertificateDomains")!);
        var thumbprint = (string)made.Property(0, "Thumbprint")!;
        var pfx = (byte[])shell.Run("Export-ExchangeCertificate -Thumbprint $args[0] -BinaryEncoded -Password (ConvertTo-SecureString 'x' -AsPlainText -Force)", thumbprint).ThrowIfErrors().Property(0, "FileData")!;
        using var exported = X509CertificateLoader.LoadPkcs12(pfx, "x");
        Assert.True(exported.HasPrivateKey);
        Assert.Equal(thumbprint, exported.Thumbprint);
        shell.Run("Remove-ExchangeCertificate -Thumbprint $args[0] -Confirm:$false", thumbprint).ThrowIfErrors();

        var request = (string)shell.Run("New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=req.contoso.com' -DomainName req.contoso.com").ThrowIfErrors().Output[0].BaseObject;
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", request);
        var pending = shell.Run("Get-ExchangeCertificate | Where-Object Status -eq PendingRequest").ThrowIfErrors();
        Assert.Equal("CN=req.contoso.com", Assert.Single(pending.Output).Properties["Subject"].Value);

        // The CA signs the request; importing its answer (no key in it) completes the pending request.
        using var ca = new TestCertificateAuthority("Answering CA");
        var csr = CertificateRequest.LoadSigningRequestPem(request, System.Security.Cryptography.HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var signed = csr.Create(ca.Certificate, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
        shell.Run("Import-ExchangeCertificate -Instance $args[0]", signed.ExportCertificatePem()).ThrowIfErrors();
        var completed = shell.Run("Get-ExchangeCertificate -Thumbprint $args[0]", signed.Thumbprint).ThrowIfErrors();
        Assert.Equal(true, completed.Property(0, "HasPrivateKey"));
        Assert.Empty(shell.Run("Get-ExchangeCertificate | Where-Object Status -eq PendingRequest").ThrowIfErrors().Output);
        shell.Run("Enable-ExchangeCertificate -Thumbprint $args[0] -Services POP", signed.Thumbprint).ThrowIfErrors();
    }

    [Fact]
    public void AWrongPfxPasswordIsAnErrorAndImportsNothing()
    {
        using var ca = new TestCertificateAuthority("Wrong Password CA");
        using var leaf = ca.Issue("pw.contoso.com", ["pw.contoso.com"]);
        using var shell = PowerShellSession.Connect(node);
        var before = Count(shell);
        var result = shell.Run("Import-ExchangeCertificate -FileData ([byte[]]$args[0]) -Password (ConvertTo-SecureString 'wrong' -AsPlainText -Force)", ca.Pfx(leaf, PfxPassword));
        Assert.Contains("password is wrong", result.SingleError().ToString());
        Assert.Equal(before, Count(shell));
    }

    [Fact]
    public void ACertificateWithoutAPrivateKeyIsAnErrorAndImportsNothing()
    {
        using var ca = new TestCertificateAuthority("No Key CA");
        using var leaf = ca.Issue("nokey.contoso.com", ["nokey.contoso.com"]);
        using var shell = PowerShellSession.Connect(node);
        var before = Count(shell);
        var result = shell.Run("Import-ExchangeCertificate -FileData ([byte[]]$args[0])", leaf.RawData);
        Assert.Contains("has no private key", result.SingleError().ToString());
        Assert.Equal(before, Count(shell));
    }

    [Fact]
    public void AnExpiredCertificateCanBeImportedButNotEnabled()
    {
        using var ca = new TestCertificateAuthority("Expired CA");
        using var leaf = ca.Issue("old.contoso.com", ["old.contoso.com"], DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        using var shell = PowerShellSession.Connect(node);
        shell.Run("Import-ExchangeCertificate -FileData ([byte[]]$args[0]) -Password (ConvertTo-SecureString $args[1] -AsPlainText -Force)", ca.Pfx(leaf, PfxPassword), PfxPassword).ThrowIfErrors();
        Assert.Equal("DateInvalid", shell.Run("Get-ExchangeCertificate $args[0]", leaf.Thumbprint).ThrowIfErrors().Property(0, "Status"));
        var refused = shell.Run("Enable-ExchangeCertificate $args[0] -Services IMAP", leaf.Thumbprint);
        Assert.Contains("is not valid now", refused.SingleError().ToString());
        Assert.Equal("None", shell.Run("Get-ExchangeCertificate $args[0]", leaf.Thumbprint).ThrowIfErrors().Property(0, "Services"));
        shell.Run("Remove-ExchangeCertificate $args[0] -Confirm:$false", leaf.Thumbprint).ThrowIfErrors();
    }

    [Fact]
    public void ReplacingTheDefaultSmtpCertificateNeedsForce()
    {
        using var shell = PowerShellSession.Connect(node);
        var made = shell.Run("New-ExchangeCertificate -DomainName smtp-test.contoso.com -Services None").ThrowIfErrors();
        var thumbprint = (string)made.Property(0, "Thumbprint")!;
        var refused = shell.Run("Enable-ExchangeCertificate $args[0] -Services SMTP -Confirm:$false", thumbprint);
        Assert.Equal("ConfirmOverwriteDefaultSmtpCertificate,Mailroom.PowerShell.Cmdlets.ExchangeCertificate.EnableExchangeCertificateCommand", refused.SingleError().FullyQualifiedErrorId);
        Assert.Equal("None", shell.Run("Get-ExchangeCertificate $args[0]", thumbprint).ThrowIfErrors().Property(0, "Services"));
        var bad = shell.Run("Enable-ExchangeCertificate $args[0] -Services Bogus", thumbprint);
        Assert.Contains("isn't one of", bad.SingleError().ToString());
        shell.Run("Remove-ExchangeCertificate $args[0] -Confirm:$false", thumbprint).ThrowIfErrors();
    }

    private static int Count(PowerShellSession shell) => shell.Run("Get-ExchangeCertificate").ThrowIfErrors().Output.Count;
}
