using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;
using Mailroom.Server.Hosting;
using Mailroom.Transport.Queue;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Kills a node with SIGKILL while clients are sending, restarts it on the same data, and checks that every
/// message the node acknowledged with 250 reaches the mailbox exactly once.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Clients = 8;
    private const int KillAfterAcknowledged = 60;

    [Fact]
    public async Task EveryAcknowledgedMessageIsDeliveredExactlyOnceAfterSigkill()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mailroom-crash-" + Guid.NewGuid().ToString("N"));
        var settings = TestNode.FreeListeners();
        settings["Mailroom:DataPath"] = dataPath;
        settings["Mailroom:Organization:Domain"] = "contoso.com";
        settings["Mailroom:Server:Name"] = "EX1";
        settings["Mailroom:Bootstrap:AdminPassword"] = TestNode.AdminPassword;
        var smtpPort = int.Parse(settings["Mailroom:Listeners:Smtp"]!.Split(':')[1]);

        var acknowledged = new ConcurrentDictionary<string, bool>();
        var attempted = new ConcurrentDictionary<string, bool>();
        using (var process = StartProcess(settings))
        {
            await WaitForReadyAsync(process);
            using var kill = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                try
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
                    for (var i = 0; !kill.IsCancellationRequested; i++)
                    {
                        var subject = $"crash-{c}-{i}";
                        attempted[subject] = true;
                        await client.SendAsync(new MimeMessage([MailboxAddress.Parse("sender@example.org")], [MailboxAddress.Parse("administrator@contoso.com")], subject, new TextPart("plain") { Text = new string('x', 2000) }));
                        acknowledged[subject] = true;
                        if (acknowledged.Count >= KillAfterAcknowledged)
                        {
                            kill.Cancel();
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
                {
                    // The node died under this client: whatever wasn't acknowledged may or may not have been stored.
                }
            })).ToList();

            await kill.Token.WaitHandle.WaitOneAsync(TimeSpan.FromSeconds(60));
            process.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await process.WaitForExitAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= KillAfterAcknowledged, $"only {acknowledged.Count} messages were acknowledged before the kill");
        await using (var node = await MailroomNode.StartAsync(["--environment", "Development"], settings))
        {
            var subjects = await DeliveredSubjectsAsync(node);
            var counts = subjects.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(acknowledged.Keys, s => Assert.True(counts.GetValueOrDefault(s) == 1, $"{s} was acknowledged and delivered {counts.GetValueOrDefault(s)} times"));
            Assert.All(counts, kv => Assert.Equal(1, kv.Value));
            Assert.All(counts.Keys, s => Assert.True(attempted.ContainsKey(s), $"{s} was never sent"));

            // At most the messages in flight at the kill (one per client) were stored without their 250 reaching the client.
            Assert.True(counts.Count - acknowledged.Count <= Clients, $"{counts.Count - acknowledged.Count} unacknowledged messages were delivered");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(dataPath, recursive: true);
    }

    private static Process StartProcess(Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mailroom.dll"));
        start.ArgumentList.Add("--environment");
        start.ArgumentList.Add("Development");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static async Task WaitForReadyAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                throw new InvalidOperationException("The node exited: " + await process.StandardError.ReadToEndAsync());
            }

            if (line.Contains("Management API", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the node never blocks on its output
                _ = process.StandardError.ReadToEndAsync();
                return;
            }
        }

        throw new TimeoutException("The node didn't start.");
    }

    /// <summary>Waits until the restarted node's queue is empty, then lists the Inbox's subjects.</summary>
    private static async Task<List<string>> DeliveredSubjectsAsync(MailroomNode node)
    {
        var services = node.App.Services;
        var queue = services.GetRequiredService<NodeStores>().Queue;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await queue.ListMessagesAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the queue didn't drain after the restart");
            await Task.Delay(100);
        }

        var directory = services.GetRequiredService<IDirectoryStore>();
        var mailboxes = services.GetRequiredService<IMailboxStore>();
        var id = (await directory.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Alias("administrator"))))!.Value;
        var inbox = (await mailboxes.GetDefaultFolderAsync(id, DefaultFolder.Inbox))!;
        var subjects = new List<string>();
        uint? next = 1;
        while (next is { } from)
        {
            var page = await mailboxes.FetchAsync(inbox.Id, new FetchRequest(UidRange.From(from)) { Fields = MessageFields.Headers });
            foreach (var message in page.Messages)
            {
                await using var body = await mailboxes.Blobs.OpenReadAsync(message.BlobId);
                var headers = await HeaderList.LoadAsync(body);
                subjects.Add(headers[HeaderId.Subject] ?? string.Empty);
            }

            next = page.NextUid;
        }

        return subjects;
    }
}

internal static class WaitHandleExtensions
{
    public static Task WaitOneAsync(this WaitHandle handle, TimeSpan timeout)
    {
        var done = new TaskCompletionSource();
        var registration = ThreadPool.RegisterWaitForSingleObject(handle, (_, _) => done.TrySetResult(), null, timeout, executeOnlyOnce: true);
        return done.Task.ContinueWith(_ => registration.Unregister(null), TaskScheduler.Default);
    }
}
