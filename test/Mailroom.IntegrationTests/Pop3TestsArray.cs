using Mailroom.Testing;

namespace Mailroom.IntegrationTests;

/// <summary>Two nodes on one PostgreSQL store: disabling a mailbox through one node ends its POP3 session on the other.</summary>
public sealed class Pop3ArrayTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task DisablingThroughOneNodeEndsTheSessionOnTheOther()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mailroom:Store:Provider"] = "PostgreSql",
            ["Mailroom:Store:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Mailroom:ClientAccess:SessionCheckInterval"] = "00:00:01",
        };
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: settings);
        await using var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: settings);
        var alias = Pop3Mailboxes.Create(ex1);
        await Pop3Mailboxes.DeliverAsync(ex1, alias, Pop3Mailboxes.Message("array"));

        await using var open = await RawPop3.ConnectAsync(ex2.Pop3sPort, implicitTls: true);
        await open.LoginAsync(alias, Pop3Mailboxes.Password);
        Assert.StartsWith("+OK 1 ", await open.CommandAsync("STAT"));

        using (var shell = PowerShellSession.Connect(ex1))
        {
            shell.Run($"Set-Mailbox {alias} -AccountDisabled $true").ThrowIfErrors();
        }

        // EX2 learns of it at its next check of the shared directory (here every second).
        Assert.Equal("-ERR [SYS/PERM] The account has been disabled", await open.ReadLineAsync());
        Assert.Equal("<closed>", await open.ReadLineAsync());
    }
}
