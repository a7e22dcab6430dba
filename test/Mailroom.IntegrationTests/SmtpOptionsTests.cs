namespace Mailroom.IntegrationTests;

/// <summary>The SMTP engine's limits come from configuration (Mailroom:Smtp:*).</summary>
public sealed class SmtpOptionsTests
{
    [Fact]
    public async Task TheBadCommandLimitIsConfigurable()
    {
        await using var node = await TestNode.StartAsync(extra: new Dictionary<string, string?> { ["Mailroom:Smtp:MaxBadCommands"] = "2" });
        await using var session = await RawSession.OpenAsync(node.SmtpPort, tls: false);
        await session.ExpectAsync("220");
        // Two bad commands are allowed; the third one closes the session (the default allows five).
        await session.SendAsync("FOO", "500");
        await session.SendAsync("BAR", "500");
        Assert.Contains("421 4.7.0", await session.CommandAsync("BAZ"));
    }
}
