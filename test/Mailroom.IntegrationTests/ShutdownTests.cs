using System.Diagnostics;

namespace Mailroom.IntegrationTests;

/// <summary>A node stops promptly even with idle SMTP clients connected, telling them so (421) instead of waiting for their timeouts.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task IdleSmtpSessionsDontHoldUpShutdown()
    {
        var node = await TestNode.StartAsync();
        var idle = await RawSession.OpenAsync(node.SmtpPort, tls: false);
        await idle.ExpectAsync("220");
        await idle.SendAsync("EHLO idle.example", "250");

        var clock = Stopwatch.StartNew();
        var stopping = node.DisposeAsync().AsTask();
        await idle.ExpectAsync("421 4.3.2");
        await stopping;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
        await idle.DisposeAsync();
    }
}
