namespace Mailroom.IntegrationTests;

/// <summary>The commands the foundation issue quotes, run verbatim against a node named EX2.</summary>
public sealed class ExchangeVerbatimTests : IAsyncLifetime
{
    private TestNode node = null!;

    public async Task InitializeAsync() => node = await TestNode.StartAsync(serverName: "EX2", domain: "exchangeserverpro.local");

    public async Task DisposeAsync() => await node.DisposeAsync();

    [Fact]
    public void PipingDatabasesOfAServerToSetMailboxDatabaseChangesTheirRpcClientAccessServer()
    {
        using var shell = PowerShellSession.Connect(node);
        var before = shell.Text("Get-MailboxDatabase -Server EX2 | fl name, rpc*");
        Assert.Contains("RpcClientAccessServer : ex2.exchangeserverpro.local", before);

        shell.Run("Get-MailboxDatabase -Server EX2 | Set-MailboxDatabase -RpcClientAccessServer casarray.exchangeserverpro.local").ThrowIfErrors();

        var after = shell.Text("Get-MailboxDatabase -Server EX2 | fl name, rpc*");
        Assert.Contains("RpcClientAccessServer : casarray.exchangeserverpro.local", after);
        Assert.Matches(@"Name\s+: Mailbox Database \d{10}", after);
    }
}
