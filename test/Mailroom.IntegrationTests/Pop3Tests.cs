using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace Mailroom.IntegrationTests;

/// <summary>POP3 through a real node with MailKit's Pop3Client and a raw socket client: login forms, TLS, the
/// maildrop's life cycle (DELE/RSET/QUIT, dropped connections), TOP and UIDL.</summary>
public sealed class Pop3Tests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    public static TheoryData<string, bool> LoginForms => new()
    {
        { "upn", false }, { "primary", true }, { "proxy", false }, { "alias", true }, { "domain-alias", false },
    };

    [Theory]
    [MemberData(nameof(LoginForms))]
    public async Task UsersLogInWithEveryNameExchangeAccepts(string form, bool implicitTls)
    {
        var alias = Pop3Mailboxes.Create(node);
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"Set-Mailbox {alias} -EmailAddresses @{{Add='smtp:{alias}.other@contoso.com'}}").ThrowIfErrors();
            shell.Run($"Set-Mailbox {alias} -UserPrincipalName {alias}@corp.contoso.com").ThrowIfErrors();
        }

        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("one"));
        var login = form switch
        {
            "upn" => $"{alias}@corp.contoso.com",
            "primary" => $"{alias}@contoso.com",
            "proxy" => $"{alias}.other@contoso.com",
            "alias" => alias,
            _ => $"CONTOSO\\{alias}",
        };

        using var client = await Pop3Mailboxes.ConnectAsync(node, implicitTls);
        await client.AuthenticateAsync(login, Pop3Mailboxes.Password);
        Assert.Equal(1, await client.GetMessageCountAsync());
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task UserPassWorksAfterStlsAndSaslPlainWithInitialResponseOnTheTlsPort()
    {
        var alias = Pop3Mailboxes.Create(node);
        using (var client = await Pop3Mailboxes.ConnectAsync(node))
        {
            Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.User));
            client.AuthenticationMechanisms.Clear();
            await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            Assert.Equal(0, await client.GetMessageCountAsync());
            await client.DisconnectAsync(true);
        }

        await using var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        var response = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{alias}@contoso.com\0{Pop3Mailboxes.Password}"));
        Assert.StartsWith("+OK Logged in", await raw.CommandAsync("AUTH PLAIN " + response));
        Assert.StartsWith("+OK", await raw.CommandAsync("QUIT"));
    }

    [Fact]
    public async Task BeforeTlsCapaOffersOnlyStlsAndPlaintextCredentialsAreRefused()
    {
        await using var raw = await RawPop3.ConnectAsync(node.Pop3Port);
        Assert.StartsWith("+OK", await raw.CommandAsync("CAPA"));
        var capabilities = await raw.ReadMultiLineAsync();
        Assert.Contains("STLS", capabilities);
        Assert.Contains("RESP-CODES", capabilities);
        Assert.DoesNotContain("USER", capabilities);
        Assert.DoesNotContain(capabilities, c => c.StartsWith("SASL", StringComparison.Ordinal));
        Assert.Equal("-ERR [AUTH] Plain-text login is disabled; use STLS or the implicit TLS port first", await raw.CommandAsync("USER administrator@contoso.com"));
        Assert.StartsWith("-ERR [AUTH]", await raw.CommandAsync("AUTH PLAIN AGFkbWluAHg="));

        await raw.StartTlsAsync();
        Assert.StartsWith("+OK", await raw.CommandAsync("CAPA"));
        capabilities = await raw.ReadMultiLineAsync();
        Assert.Contains("USER", capabilities);
        Assert.Contains("SASL PLAIN LOGIN", capabilities);
        Assert.DoesNotContain("STLS", capabilities);
    }

    [Fact]
    public async Task AWrongPasswordGetsTheSameAnswerAsAnUnknownUser()
    {
        var alias = Pop3Mailboxes.Create(node);
        await using var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        Assert.StartsWith("+OK", await raw.CommandAsync($"USER {alias}@contoso.com"));
        var wrongPassword = await raw.CommandAsync("PASS not-the-password");
        Assert.StartsWith("+OK", await raw.CommandAsync("USER nobody-at-all@contoso.com"));
        var unknownUser = await raw.CommandAsync("PASS " + Pop3Mailboxes.Password);
        Assert.Equal("-ERR [AUTH] Authentication failed", wrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
    }

    [Fact]
    public async Task ASecondSessionOnTheSameMaildropGetsInUse()
    {
        var alias = Pop3Mailboxes.Create(node);
        using var first = await Pop3Mailboxes.ConnectAsync(node);
        await first.AuthenticateAsync(alias, Pop3Mailboxes.Password);

        await using (var second = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true))
        {
            Assert.StartsWith("+OK", await second.CommandAsync("USER " + alias));
            Assert.StartsWith("-ERR [IN-USE]", await second.CommandAsync("PASS " + Pop3Mailboxes.Password));

            // RFC 1939 §4: still in AUTHORIZATION; after the first session quits, the maildrop is free.
            await first.DisconnectAsync(true);
            await second.LoginAsync(alias, Pop3Mailboxes.Password);
        }
    }

    [Fact]
    public async Task DeleThenQuitRemovesOnlyTheDeletedMessages()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("keep-1"), Pop3Mailboxes.Message("delete"), Pop3Mailboxes.Message("keep-2"));
        var before = await Pop3Mailboxes.InboxAsync(node, alias);

        using (var client = await Pop3Mailboxes.ConnectAsync(node))
        {
            await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            await client.DeleteMessageAsync(1);
            await client.DisconnectAsync(true);
        }

        var after = await Pop3Mailboxes.InboxAsync(node, alias);
        Assert.Equal([before.Messages[0].Uid, before.Messages[2].Uid], after.Messages.Select(m => m.Uid));
    }

    [Fact]
    public async Task RsetAndADroppedConnectionKeepEveryMessage()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("a"), Pop3Mailboxes.Message("b"));

        using (var client = await Pop3Mailboxes.ConnectAsync(node))
        {
            await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            await client.DeleteMessagesAsync([0, 1]);
            await client.ResetAsync();
            await client.DisconnectAsync(true);
        }

        Assert.Equal(2, (await Pop3Mailboxes.InboxAsync(node, alias)).Messages.Count);

        // DELE, then the connection goes away without QUIT: RFC 1939 §6 says nothing is removed.
        await using (var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true))
        {
            await raw.LoginAsync(alias, Pop3Mailboxes.Password);
            Assert.StartsWith("+OK", await raw.CommandAsync("DELE 1"));
            Assert.Equal("-ERR Message already deleted", await raw.CommandAsync("RETR 1"));
            Assert.StartsWith("+OK 1 messages", await raw.CommandAsync("LIST"));
            var listing = Assert.Single(await raw.ReadMultiLineAsync());
            Assert.StartsWith("2 ", listing);
            Assert.Equal("+OK 1 " + listing[2..], await raw.CommandAsync("STAT"));
            Assert.StartsWith("+OK", await raw.CommandAsync("DELE 2"));
        }

        // The maildrop lock is released once the server has seen the connection end; then the messages are all there.
        using var again = await Pop3Mailboxes.ConnectAsync(node);
        await Pop3Mailboxes.WaitUntilAsync(async () =>
        {
            try
            {
                await again.AuthenticateAsync(alias, Pop3Mailboxes.Password);
                return true;
            }
            catch (AuthenticationException)
            {
                return false;
            }
        });
        Assert.Equal(2, await again.GetMessageCountAsync());
        Assert.Equal(2, (await Pop3Mailboxes.InboxAsync(node, alias)).Messages.Count);
    }

    [Fact]
    public async Task TopSendsTheHeaderAndTheFirstBodyLines()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("top", "line 1\r\n.line 2 starts with a dot\r\nline 3\r\n"));
        await using var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        await raw.LoginAsync(alias, Pop3Mailboxes.Password);

        Assert.StartsWith("+OK", await raw.CommandAsync("TOP 1 2"));
        var lines = await raw.ReadMultiLineAsync();
        Assert.Equal(["", "line 1", ".line 2 starts with a dot"], lines[^3..]);
        Assert.Contains("Subject: top", lines);

        Assert.StartsWith("+OK", await raw.CommandAsync("TOP 1 0"));
        Assert.Equal("", (await raw.ReadMultiLineAsync())[^1]);
        Assert.Equal("-ERR No such message", await raw.CommandAsync("TOP 2 0"));
    }

    [Fact]
    public async Task UidlIsStableAcrossSessionsAndMadeOfUidValidityAndUid()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("u1"), Pop3Mailboxes.Message("u2"));
        var inbox = await Pop3Mailboxes.InboxAsync(node, alias);

        IList<string> first;
        using (var client = await Pop3Mailboxes.ConnectAsync(node))
        {
            await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            first = await client.GetMessageUidsAsync();
            await client.DeleteMessageAsync(0);
            await client.DisconnectAsync(true);
        }

        Assert.Equal(inbox.Messages.Select(m => $"{inbox.UidValidity}.{m.Uid}"), first);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("u3"));
        using (var client = await Pop3Mailboxes.ConnectAsync(node, implicitTls: true))
        {
            await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            var second = await client.GetMessageUidsAsync();
            Assert.Equal(2, second.Count);
            Assert.Equal(first[1], second[0]);
            Assert.DoesNotContain(first[0], second);
            await client.DisconnectAsync(true);
        }
    }
}
