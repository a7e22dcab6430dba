using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Testing;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Issue 7's end-to-end test: three node processes on 127.0.0.2/3/4 share a throwaway PostgreSQL; HAProxy on 127.0.0.5
/// runs the configuration Export-ClientAccessArrayConfiguration wrote (PROXY protocol v2, health checks). Through it,
/// SMTP senders and IMAP readers run the whole time while node 1 is drained (its open session keeps working, new ones
/// go elsewhere), node 2 is SIGKILLed and restarted. In the end every acknowledged message is in its mailbox once.
/// </summary>
public sealed class ArrayEndToEndTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private const string Password = "Pa55word!x";
    private const string Vip = "127.0.0.5";
    private static readonly string[] Listeners = ["Https", "Smtp", "Submission", "SubmissionTls", "Imap", "Imaps", "Pop3", "Pop3s"];
    private static readonly string[] Users = ["ann", "bob", "cyd"];

    private readonly Dictionary<string, int> ports = Listeners.ToDictionary(l => l, _ => TestNode.FreePort());
    private readonly ConcurrentDictionary<string, string> acknowledged = new(); // subject -> user
    private readonly List<string> dataPaths = [];

    [Fact]
    public async Task DrainKillAndRestartLoseNoMailAndDeliverNothingTwice()
    {
        var total = Stopwatch.StartNew();
        var connection = await postgres.CreateDatabaseAsync();
        var nodes = new NodeProcess?[4];
        NodeProcess? haproxy = null;
        using var stop = new CancellationTokenSource();
        try
        {
            nodes[1] = await NodeProcess.StartNodeAsync(Settings(1, connection));
            var later = await Task.WhenAll(NodeProcess.StartNodeAsync(Settings(2, connection)), NodeProcess.StartNodeAsync(Settings(3, connection)));
            (nodes[2], nodes[3]) = (later[0], later[1]);

            string config;
            using (var shell = Shell(3))
            {
                foreach (var user in Users)
                {
                    shell.Run($"New-Mailbox -Name {user} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
                }

                shell.Run("New-ClientAccessArray -Fqdn mail.contoso.com -Site Default-First-Site-Name").ThrowIfErrors();
                var export = shell.Run(
                    $"Export-ClientAccessArrayConfiguration mail -Format HAProxy -VirtualAddress {Vip} -SourceAddress {Vip} -MemberPorts -ProxyProtocol -CheckIntervalSeconds 1");
                Assert.Empty(export.Errors);
                config = (string)export.Output.Single().Properties["FileData"].Value;
            }

            var configPath = Path.Combine(dataPaths[0], "haproxy.cfg");
            await File.WriteAllTextAsync(configPath, config);
            haproxy = NodeProcess.Start(new ProcessStartInfo(File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy", ["-db", "-f", configPath]));
            await ArrayNodeTests.WaitForAsync(async () => (await GreetingAsync(IPAddress.Parse("127.0.1.1"), ports["Imap"])).Contains("ready", StringComparison.Ordinal), "HAProxy to pass IMAP through", 30);

            // A session that sits on node 1 through the balancer: find a client address the source hash sends there.
            var stickySource = await FindSourceForAsync("ex1.contoso.com");
            using var sticky = await ImapAsync(stickySource, Users[0], SecureSocketOptions.StartTls, ports["Imap"]);

            var senders = Enumerable.Range(1, 3).Select(i => Task.Run(() => SendAsync(i, stop.Token))).ToList();
            var readers = Enumerable.Range(1, 2).Select(i => Task.Run(() => ReadAsync(i, stop.Token))).ToList();
            await WaitForAcknowledgedAsync(20);

            // Drain node 1: its probe fails at once, the open session goes on, new sessions land elsewhere.
            using (var shell = Shell(3))
            {
                shell.Run("Set-ServerComponentState EX1 -Component ServerWideOffline -State Draining -Requester Maintenance").ThrowIfErrors();
            }

            using var http = ArrayNodeTests.Https();
            await ArrayNodeTests.WaitForAsync(
                async () => (await http.GetAsync(Uri(1, "/imap/healthcheck.htm"))).StatusCode == HttpStatusCode.ServiceUnavailable, "node 1's probe to fail", 5);
            await ArrayNodeTests.WaitForAsync(
                async () => !(await GreetingAsync(stickySource, ports["Imap"])).Contains("ex1.contoso.com", StringComparison.Ordinal), "new sessions to leave node 1", 20);
            await sticky.NoOpAsync();
            await sticky.Inbox.OpenAsync(FolderAccess.ReadOnly);
            await WaitForAcknowledgedAsync(acknowledged.Count + 20);

            // Kill node 2 while mail flows; the others take over its queue work.
            await nodes[2]!.KillAsync();
            await WaitForAcknowledgedAsync(acknowledged.Count + 20);
            nodes[2] = await NodeProcess.StartNodeAsync(Settings(2, connection));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Uri(2, "/imap/healthcheck.htm"))).StatusCode); // back as it was: active
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(Uri(1, "/imap/healthcheck.htm"))).StatusCode); // node 1 still drained
            await WaitForAcknowledgedAsync(acknowledged.Count + 10);

            await stop.CancelAsync();
            await Task.WhenAll(senders);
            var finished = await Task.WhenAll(readers);
            Assert.All(finished, f => Assert.True(f, "an IMAP reader didn't finish cleanly after reconnecting"));
            await sticky.NoOpAsync(); // the session that was on node 1 when it began draining still works
            await sticky.DisconnectAsync(true);

            await AssertDeliveredExactlyOnceAsync();

            // PROXY protocol v2: the nodes recorded the clients' own addresses, not the balancer's.
            using (var shell = Shell(3))
            {
                var clients = shell.Run("Get-MessageTrackingLog -EventId RECEIVE | ForEach-Object ClientIp").ThrowIfErrors().Output.Select(o => o.BaseObject.ToString()).ToList();
                Assert.NotEmpty(clients);
                Assert.All(clients, ip => Assert.StartsWith("127.0.1.", ip));
            }
            Assert.True(total.Elapsed < TimeSpan.FromMinutes(5), $"the test took {total.Elapsed}");
        }
        finally
        {
            await stop.CancelAsync();
            haproxy?.Dispose();

            // What HAProxy and the nodes said, for when this test fails.
            await File.WriteAllTextAsync(
                Path.Combine(Path.GetTempPath(), "mailroom-array-e2e.log"),
                $"haproxy:\n{haproxy?.Output}\n" + string.Concat(nodes.Select((n, i) => $"\nnode {i}:\n{n?.Output}")));
            foreach (var node in nodes)
            {
                node?.Dispose();
            }

            foreach (var path in dataPaths)
            {
                try
                {
                    System.IO.Directory.Delete(path, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover in the temp folder only.
                }
            }
        }
    }

    private Dictionary<string, string?> Settings(int n, string connection)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), $"mailroom-e2e-ex{n}-" + Guid.NewGuid().ToString("N")[..8]);
        dataPaths.Add(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["Mailroom:DataPath"] = dataPath,
            ["Mailroom:Organization:Domain"] = "contoso.com",
            ["Mailroom:Server:Name"] = "EX" + n,
            ["Mailroom:Store:Provider"] = "PostgreSql",
            ["Mailroom:Store:ConnectionString"] = connection,
            ["Mailroom:Bootstrap:AdminPassword"] = TestNode.AdminPassword,
            ["Mailroom:LoadBalancers:0"] = Vip,
            ["Mailroom:Transport:PollInterval"] = "00:00:02",
        };
        foreach (var listener in Listeners)
        {
            settings["Mailroom:Listeners:" + listener] = $"127.0.0.{n + 1}:{ports[listener]}";
        }

        return settings;
    }

    private Uri Uri(int node, string path) => new($"https://127.0.0.{node + 1}:{ports["Https"]}{path}");

    private PowerShellSession Shell(int node)
    {
        var shell = PowerShellSession.Open();
        shell.Run(
            "Connect-Mailroom -Uri $args[0] -Credential ([pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))) -SkipCertificateCheck",
            Uri(node, "/"), "administrator@contoso.com", TestNode.AdminPassword).ThrowIfErrors();
        return shell;
    }

    /// <summary>Keeps sending through the balancer; a message counts once the array said 250 for it.</summary>
    private async Task SendAsync(int sender, CancellationToken stop)
    {
        var source = new IPEndPoint(IPAddress.Parse($"127.0.1.{sender}"), 0);
        for (var i = 0; !stop.IsCancellationRequested;)
        {
            try
            {
                using var client = new SmtpClient { LocalEndPoint = source, Timeout = 20_000 };
                await client.ConnectAsync(Vip, ports["Smtp"], SecureSocketOptions.None, stop);
                for (var k = 0; k < 5 && !stop.IsCancellationRequested; k++, i++)
                {
                    var user = Users[i % Users.Length];
                    var subject = $"e2e-{sender}-{i}";
                    await client.SendAsync(ArrayNodeTests.Message(user, subject), stop);
                    acknowledged[subject] = user;
                }

                await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                i++; // that message may or may not have been stored; the next one gets a new subject
                if (!stop.IsCancellationRequested)
                {
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }
    }

    /// <summary>An IMAP reader that reconnects through the balancer whenever its session ends; true when it logged out cleanly.</summary>
    private async Task<bool> ReadAsync(int reader, CancellationToken stop)
    {
        var source = IPAddress.Parse($"127.0.2.{reader}");
        while (true)
        {
            try
            {
                using var client = await ImapAsync(source, Users[reader % Users.Length], SecureSocketOptions.SslOnConnect, ports["Imaps"]);
                while (!stop.IsCancellationRequested)
                {
                    await client.NoOpAsync(CancellationToken.None);
                    await client.Inbox.StatusAsync(StatusItems.Count, CancellationToken.None);
                    await Task.Delay(200, CancellationToken.None);
                }

                await client.DisconnectAsync(true, CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is IOException or ImapProtocolException or ImapCommandException or ServiceNotConnectedException or System.Net.Sockets.SocketException or AuthenticationException or SslHandshakeException)
            {
                await Task.Delay(100, CancellationToken.None); // reconnect through the balancer
            }
        }
    }

    private static async Task<ImapClient> ImapAsync(IPAddress source, string user, SecureSocketOptions tls, int port)
    {
        var client = ArrayNodeTests.NewImapClient();
        client.LocalEndPoint = new IPEndPoint(source, 0);
        client.Timeout = 20_000;
        try
        {
            await client.ConnectAsync(Vip, port, tls);
            await client.AuthenticateAsync(user, Password);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<IPAddress> FindSourceForAsync(string fqdn)
    {
        for (var i = 1; i < 200; i++)
        {
            var source = IPAddress.Parse($"127.0.3.{i}");
            if ((await GreetingAsync(source, ports["Imap"])).Contains(fqdn, StringComparison.Ordinal))
            {
                return source;
            }
        }

        throw new InvalidOperationException($"No client address is balanced to {fqdn}.");
    }

    private static async Task<string> GreetingAsync(IPAddress source, int port)
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient(new IPEndPoint(source, 0));
            await tcp.ConnectAsync(Vip, port);
            using var reader = new StreamReader(tcp.GetStream());
            return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return string.Empty;
        }
    }

    private async Task WaitForAcknowledgedAsync(int count) =>
        await ArrayNodeTests.WaitForAsync(() => Task.FromResult(acknowledged.Count >= count), $"{count} acknowledged messages (have {acknowledged.Count})", 90);

    /// <summary>Reads every mailbox directly from node 3 until all acknowledged messages are there; none may be there twice.</summary>
    private async Task AssertDeliveredExactlyOnceAsync()
    {
        var deadline = Stopwatch.StartNew();
        foreach (var user in Users)
        {
            var expected = acknowledged.Where(kv => kv.Value == user).Select(kv => kv.Key).ToHashSet();
            while (true)
            {
                using var client = ArrayNodeTests.NewImapClient();
                await client.ConnectAsync($"127.0.0.4", ports["Imaps"], SecureSocketOptions.SslOnConnect);
                await client.AuthenticateAsync(user, Password);
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
                var subjects = client.Inbox.Count == 0 ? [] : (await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope)).Select(m => m.Envelope?.Subject ?? string.Empty).ToList();
                await client.DisconnectAsync(true);
                var counts = subjects.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
                Assert.All(counts, kv => Assert.True(kv.Value == 1, $"{kv.Key} was delivered {kv.Value} times to {user}"));
                var missing = expected.Where(s => !counts.ContainsKey(s)).ToList();
                if (missing.Count == 0)
                {
                    break;
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"{missing.Count} acknowledged messages never reached {user}: {string.Join(", ", missing.Take(10))}");
                await Task.Delay(500);
            }
        }
    }
}
