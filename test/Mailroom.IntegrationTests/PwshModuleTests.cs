using System.Diagnostics;

namespace Mailroom.IntegrationTests;

/// <summary>The module in the real pwsh 7.6 an administrator runs (installed by scripts/test.sh as a .NET tool).</summary>
public sealed class PwshModuleTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task TheModuleLoadsInPwshConnectsAndFormatsAsExchangeDoes()
    {
        var node = fixture.Node;
        var script = string.Join("; ",
            "$ErrorActionPreference = 'Stop'",
            "$PSStyle.OutputRendering = 'PlainText'",
            $"Import-Module '{PowerShellSession.ModuleManifest}'",
            $"$cred = [pscredential]::new('{node.AdminUser}', (ConvertTo-SecureString '{TestNode.AdminPassword}' -AsPlainText -Force))",
            $"Connect-Mailroom -Uri {node.HttpsUri} -Credential $cred -SkipCertificateCheck",
            "(Get-Command -Module Mailroom).Count",
            "Get-MailboxDatabase -Server EX1 | fl name, rpc*",
            "Get-AcceptedDomain | ft -AutoSize");
        var start = new ProcessStartInfo(Pwsh(), ["-NoProfile", "-NonInteractive", "-Command", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var pwsh = Process.Start(start)!;
        var output = await pwsh.StandardOutput.ReadToEndAsync();
        var errors = await pwsh.StandardError.ReadToEndAsync();
        await pwsh.WaitForExitAsync();

        Assert.True(pwsh.ExitCode == 0, $"pwsh failed ({pwsh.ExitCode}): {errors}\n{output}");
        Assert.Contains("RpcClientAccessServer : ex1.contoso.com", output);
        Assert.Matches(@"Name\s+DomainName\s+DomainType\s+Default", output);
        Assert.Matches(@"contoso\.com\s+contoso\.com\s+Authoritative\s+True", output);
        Assert.Matches(@"(?m)^79$", output); // 77 cmdlets and the 2 older ClientAccessServer names
    }

    /// <summary>pwsh from PATH, or where <c>dotnet tool install --global</c> puts it.</summary>
    private static string Pwsh()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(dir => Path.Combine(dir, "pwsh"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pwsh isn't installed: run scripts/test.sh, which installs it with 'dotnet tool install --global PowerShell --version 7.6.9'.");
    }
}
