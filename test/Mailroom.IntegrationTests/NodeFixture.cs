namespace Mailroom.IntegrationTests;

/// <summary>One node shared by the tests of a class (contoso.com, server EX1).</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
