using System.Reflection;

namespace Mailroom.IntegrationTests;

/// <summary>The project arrows of DESIGN.md: a reference that points the wrong way fails here.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Mailroom.Core", [] },
        { "Mailroom.OPath", ["Mailroom.Core"] },
        { "Mailroom.Directory", ["Mailroom.Core", "Mailroom.OPath"] },
        { "Mailroom.Mailbox", ["Mailroom.Core"] },
        { "Mailroom.Networking", ["Mailroom.Core"] },
        { "Mailroom.Protocols.Smtp", ["Mailroom.Core", "Mailroom.Networking"] },
        { "Mailroom.Protocols.Imap", ["Mailroom.Core", "Mailroom.Networking", "Mailroom.Mailbox"] },
        { "Mailroom.Protocols.Pop3", ["Mailroom.Core", "Mailroom.Networking", "Mailroom.Mailbox"] },
        { "Mailroom.ClientAccess", ["Mailroom.Core", "Mailroom.Directory", "Mailroom.OPath"] },
        { "Mailroom.Transport", ["Mailroom.Core", "Mailroom.Directory", "Mailroom.Mailbox"] },
        { "Mailroom.Storage.Sqlite", ["Mailroom.Core", "Mailroom.Directory", "Mailroom.Mailbox", "Mailroom.Transport"] },
        { "Mailroom.Storage.PostgreSql", ["Mailroom.Core", "Mailroom.Directory", "Mailroom.Mailbox", "Mailroom.Transport"] },
        { "Mailroom.Web", ["Mailroom.Core", "Mailroom.Directory", "Mailroom.ClientAccess"] },
        { "Mailroom.Management.Client", ["Mailroom.Core"] },
        { "Mailroom.PowerShell", ["Mailroom.Core", "Mailroom.Management.Client"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AProjectReferencesOnlyWhatTheDesignAllows(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Mailroom.", StringComparison.Ordinal))
            .ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void ThePowerShellModuleNeverLoadsADatabaseDriver()
    {
        var names = Assembly.Load("Mailroom.PowerShell").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("System.Management.Automation", names);
        Assert.DoesNotContain(names, n => n.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) || n.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
    }
}
