using Mailroom.Server.Hosting;

namespace Mailroom.IntegrationTests;

/// <summary>What a fresh node creates, and that a restart keeps it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FirstStartTests
{
    [Fact]
    public async Task WithoutAConfiguredPasswordTheAdministratorsIsGeneratedIntoAPrivateFileOnce()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mailroom-first-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Mailroom:DataPath"] = dataPath,
            ["Mailroom:Organization:Domain"] = "contoso.com",
            ["Mailroom:Server:Name"] = "EX1",
        };
        foreach (var (key, value) in TestNode.FreeListeners())
        {
            settings[key] = value;
        }

        string password;
        await using (var node = await MailroomNode.StartAsync(["--environment", "Development"], settings))
        {
            var file = Assert.IsType<string>(node.AdminPasswordFile);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            password = (await File.ReadAllTextAsync(file)).Trim();
            Assert.True(password.Length >= 20);

            var banner = new StringWriter();
            node.PrintEndpoints(banner);
            Assert.Contains(file, banner.ToString());
            Assert.DoesNotContain(password, banner.ToString());

            using var shell = PowerShellSessionFor(node, password);
            var admin = shell.Run("Get-Mailbox administrator").ThrowIfErrors();
            Assert.Equal("administrator@contoso.com", admin.Property(0, "UserPrincipalName"));
            Assert.Equal("administrator@contoso.com", admin.Property(0, "PrimarySmtpAddress"));
            var policy = shell.Run("Get-EmailAddressPolicy").ThrowIfErrors();
            Assert.Equal("Default Policy", policy.Property(0, "Name"));
            Assert.Equal("Lowest", policy.Property(0, "Priority"));
            Assert.Equal(new object[] { "SMTP:%m@contoso.com" }, (object[])policy.Property(0, "EnabledEmailAddressTemplates")!);
            shell.Run("New-AcceptedDomain -Name Kept -DomainName kept.example").ThrowIfErrors();
        }

        // A second start on the same data folder keeps the organization and generates nothing.
        await using (var again = await MailroomNode.StartAsync(["--environment", "Development"], settings))
        {
            Assert.Null(again.AdminPasswordFile);
            using var shell = PowerShellSessionFor(again, password);
            Assert.Contains("Kept", shell.Run("Get-AcceptedDomain | ForEach-Object Name").ThrowIfErrors().Output.Select(o => o.BaseObject));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(dataPath, recursive: true);
    }

    private static PowerShellSession PowerShellSessionFor(MailroomNode node, string password)
    {
        var session = PowerShellSession.Open();
        session.Run(
            "Connect-Mailroom -Uri $args[0] -Credential ([pscredential]::new('administrator@contoso.com', (ConvertTo-SecureString $args[1] -AsPlainText -Force))) -SkipCertificateCheck",
            node.HttpsUri, password).ThrowIfErrors();
        return session;
    }
}
