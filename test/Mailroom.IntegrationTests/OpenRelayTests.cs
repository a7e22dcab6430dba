using System.Text;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Every unauthenticated way to get mail for a foreign domain accepted must fail, on every listener: plain SMTP,
/// submission before and after STARTTLS, implicit TLS, with address tricks in the recipient and a forged AUTH=.
/// </summary>
public sealed class OpenRelayTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    public static TheoryData<string> ForeignRecipients => new()
    {
        "<victim@elsewhere.example>",
        "<VICTIM@ELSEWHERE.EXAMPLE>",
        "<victim@elsewhere.example.>",
        "<@contoso.com:victim@elsewhere.example>",
        "<victim%elsewhere.example@contoso.com>",
        "<\"victim@elsewhere.example\"@contoso.com>",
        "<victim@[192.0.2.1]>",
        "<victim@contoso.com.elsewhere.example>",
    };

    [Theory]
    [MemberData(nameof(ForeignRecipients))]
    public async Task PlainSmtpNeverRelays(string recipient)
    {
        await using var session = await RawSession.OpenAsync(node.SmtpPort, tls: false);
        await session.ExpectAsync("220");
        await session.SendAsync("EHLO attacker.example", "250");
        await session.SendAsync("MAIL FROM:<spammer@elsewhere.example> AUTH=<administrator@contoso.com>", "250");
        var reply = await session.CommandAsync("RCPT TO:" + recipient);
        Assert.True(reply.StartsWith('5'), $"RCPT TO:{recipient} was answered {reply}");
        await session.SendAsync("DATA", "554", "503");
    }

    [Fact]
    public async Task SubmissionWithoutAuthenticationAcceptsNothing()
    {
        await using (var plain = await RawSession.OpenAsync(node.SubmissionPort, tls: false))
        {
            await plain.ExpectAsync("220");
            await plain.SendAsync("EHLO attacker.example", "250");
            var mail = await plain.CommandAsync("MAIL FROM:<spammer@elsewhere.example>");
            Assert.StartsWith("530", mail);
            await plain.SendAsync("STARTTLS", "220");
            await plain.UpgradeAsync();
            await plain.SendAsync("EHLO attacker.example", "250");
            Assert.StartsWith("530", await plain.CommandAsync("MAIL FROM:<spammer@elsewhere.example>"));
            Assert.StartsWith("5", await plain.CommandAsync("RCPT TO:<victim@elsewhere.example>"));
        }

        await using var implicitTls = await RawSession.OpenAsync(node.SubmissionTlsPort, tls: true);
        await implicitTls.ExpectAsync("220");
        await implicitTls.SendAsync("EHLO attacker.example", "250");
        Assert.StartsWith("530", await implicitTls.CommandAsync("MAIL FROM:<spammer@elsewhere.example>"));
    }

    [Fact]
    public async Task AFailedLoginGivesNoRights()
    {
        await using var session = await RawSession.OpenAsync(node.SubmissionTlsPort, tls: true);
        await session.ExpectAsync("220");
        await session.SendAsync("EHLO attacker.example", "250");
        var auth = await session.CommandAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0administrator@contoso.com\0guess")));
        Assert.StartsWith("535 5.7.8", auth);
        Assert.StartsWith("530", await session.CommandAsync("MAIL FROM:<administrator@contoso.com>"));
    }
}
