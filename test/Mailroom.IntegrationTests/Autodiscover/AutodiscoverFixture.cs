namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>
/// A node for contoso.com with fabrikam.com accepted too, and two users: alice (alice@contoso.com, also
/// alice@fabrikam.com and alice.smith@contoso.com) and bob.
/// </summary>
public sealed class AutodiscoverFixture : IAsyncLifetime
{
    public const string Password = "Pa55word!ad";

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await TestNode.StartAsync();
        using var shell = PowerShellSession.Connect(Node);
        shell.Run("New-AcceptedDomain -Name Fabrikam -DomainName fabrikam.com").ThrowIfErrors();
        foreach (var name in new[] { "alice", "bob" })
        {
            shell.Run($"New-Mailbox -Name {name} -DisplayName '{name} Example' -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        }

        shell.Run("Set-Mailbox alice -EmailAddresses @{Add='smtp:alice@fabrikam.com','smtp:alice.smith@contoso.com'}").ThrowIfErrors();
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
