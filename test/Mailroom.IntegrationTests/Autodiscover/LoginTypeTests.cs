namespace Mailroom.IntegrationTests.Autodiscover;

/// <summary>Set-PopSettings -LoginType reaches the running POP3 engine without a restart.</summary>
public sealed class LoginTypeTests
{
    [Fact]
    public async Task PlainTextLoginFromTheDirectoryIsHonouredAndSecureLoginRestoresTheDefault()
    {
        await using var node = await TestNode.StartAsync("EX7");
        Assert.False(await OffersUserAsync(node)); // SecureLogin: no USER before STLS (RFC 2595 §4)

        using var shell = PowerShellSession.Connect(node);
        shell.Run("Set-PopSettings -LoginType PlainTextLogin").ThrowIfErrors();
        Assert.True(await EventuallyAsync(() => OffersUserAsync(node)));

        shell.Run("Set-PopSettings -LoginType SecureLogin").ThrowIfErrors();
        Assert.True(await EventuallyAsync(async () => !await OffersUserAsync(node)));
    }

    private static async Task<bool> OffersUserAsync(TestNode node)
    {
        // CAPA read off the wire: MailKit's capability flags assume USER when it isn't listed.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", node.Pop3Port);
        using var reader = new StreamReader(tcp.GetStream());
        await using var writer = new StreamWriter(tcp.GetStream()) { NewLine = "\r\n", AutoFlush = true };
        Assert.StartsWith("+OK", await reader.ReadLineAsync());
        await writer.WriteLineAsync("CAPA");
        var lines = new List<string>();
        for (var line = await reader.ReadLineAsync(); line is not null and not "."; line = await reader.ReadLineAsync())
        {
            lines.Add(line);
        }

        await writer.WriteLineAsync("QUIT");
        return lines.Contains("USER");
    }

    /// <summary>Waits for the setting to be applied (the engine picks it up within a second), up to ten seconds.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
