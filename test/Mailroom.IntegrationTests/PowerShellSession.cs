using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Mailroom.IntegrationTests;

/// <summary>
/// A runspace that imports the built Mailroom module by its manifest (so the export list and format data are
/// exercised too) and connects to a node, as an administrator's pwsh session would.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace runspace;

    private PowerShellSession(Runspace runspace) => this.runspace = runspace;

    public static string ModuleManifest => Path.Combine(AppContext.BaseDirectory, "Mailroom.psd1");

    public static PowerShellSession Connect(TestNode node, string? user = null, string password = TestNode.AdminPassword)
    {
        var session = Open();
        session.Run(
            "Connect-Mailroom -Uri $args[0] -Credential ([pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))) -SkipCertificateCheck",
            node.HttpsUri, user ?? node.AdminUser, password).ThrowIfErrors();
        return session;
    }

    public static PowerShellSession Open()
    {
        var iss = InitialSessionState.CreateDefault2();
        iss.ImportPSModule([ModuleManifest]);
        var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        return new PowerShellSession(runspace);
    }

    /// <summary>Runs a script; arguments are available to it as <c>$args</c>.</summary>
    public Result Run(string script, params object[] arguments)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        var output = ps.Invoke();
        return new Result(output, ps.Streams.Error.ToList());
    }

    /// <summary>Runs a script and renders its output as the console would, with Out-String.</summary>
    public string Text(string script)
    {
        var result = Run(script + " | Out-String -Width 200");
        result.ThrowIfErrors();
        return string.Concat(result.Output.Select(o => o.ToString()));
    }

    public void Dispose() => runspace.Dispose();

    public sealed record Result(Collection<PSObject> Output, List<ErrorRecord> Errors)
    {
        public Result ThrowIfErrors()
        {
            if (Errors.Count > 0)
            {
                throw new InvalidOperationException("PowerShell errors: " + string.Join(" | ", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
            }

            return this;
        }

        public ErrorRecord SingleError() => Assert.Single(Errors);

        public object? Property(int index, string name) => Output[index].Properties[name]?.Value;
    }
}
