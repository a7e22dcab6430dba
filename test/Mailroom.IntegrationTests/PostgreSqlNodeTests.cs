using Mailroom.Testing;

namespace Mailroom.IntegrationTests;

/// <summary>Nodes on the PostgreSQL store: two of them form one organization and see each other's changes.</summary>
public sealed class PostgreSqlNodeTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task TwoNodesOnOneDatabaseShareTheOrganization()
    {
        var store = new Dictionary<string, string?>
        {
            ["Mailroom:Store:Provider"] = "PostgreSql",
            ["Mailroom:Store:ConnectionString"] = await postgres.CreateDatabaseAsync(),
        };
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        await using var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: store);

        using (var shell1 = PowerShellSession.Connect(ex1))
        {
            shell1.Run("New-Mailbox -Name 'Shared User' -Alias shared -Password (ConvertTo-SecureString 'Pa55word!x' -AsPlainText -Force)").ThrowIfErrors();
        }

        using var shell2 = PowerShellSession.Connect(ex2);
        Assert.Equal("shared@contoso.com", shell2.Run("(Get-Mailbox shared).PrimarySmtpAddress").ThrowIfErrors().Output[0].BaseObject);
        var servers = shell2.Run("Get-ExchangeServer | ForEach-Object Name").ThrowIfErrors().Output.Select(o => o.BaseObject).ToList();
        Assert.Equal(["EX1", "EX2"], servers);

        // The organization was created once: one default domain, one Default Policy, one first database.
        Assert.Single(shell2.Run("Get-AcceptedDomain").ThrowIfErrors().Output);
        Assert.Single(shell2.Run("Get-EmailAddressPolicy").ThrowIfErrors().Output);
        Assert.Single(shell2.Run("Get-MailboxDatabase").ThrowIfErrors().Output);
    }
}
