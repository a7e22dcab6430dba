using System.Security.Authentication;
using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>AUTH (RFC 4954) over a connection marked as TLS (implicit TLS without real encryption).</summary>
public sealed class AuthTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task<SmtpTestHarness> OverTlsAsync(FakeBackend? backend = null, Action<SmtpServerOptions>? configure = null)
    {
        var smtp = SmtpTestHarness.Start(backend, configure, implicitTls: new TlsInfo(SslProtocols.Tls13, null));
        await smtp.ReadReplyAsync();
        var ehlo = await smtp.CommandAsync("EHLO client.example");
        Assert.Contains("250-AUTH PLAIN LOGIN", ehlo.Lines);
        Assert.DoesNotContain("250-STARTTLS", ehlo.Lines);
        return smtp;
    }

    [Fact]
    public async Task Plain_with_initial_response_succeeds()
    {
        await using var smtp = await OverTlsAsync();
        Assert.Equal("235 2.7.0 Authentication successful", (await smtp.CommandAsync("AUTH PLAIN " + B64("\0alice\0secret"))).Last);
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "503 5.5.1");
        await smtp.ExpectAsync("MAIL FROM:<alice@test.example>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("BDAT 0 LAST", "250 2.6.0");
        var message = Assert.Single(smtp.Backend.Messages);
        Assert.Equal("alice", message.User);
        Assert.Equal("ESMTPSA", message.Protocol);
    }

    [Fact]
    public async Task Plain_with_a_challenge_succeeds()
    {
        await using var smtp = await OverTlsAsync();
        Assert.Equal("334 ", (await smtp.CommandAsync("AUTH PLAIN")).Last);
        await smtp.ExpectAsync(B64("\0alice\0secret"), "235 2.7.0");
    }

    [Fact]
    public async Task Login_succeeds_with_and_without_initial_response()
    {
        await using (var smtp = await OverTlsAsync())
        {
            Assert.Equal("334 VXNlcm5hbWU6", (await smtp.CommandAsync("AUTH LOGIN")).Last);
            Assert.Equal("334 UGFzc3dvcmQ6", (await smtp.CommandAsync(B64("alice"))).Last);
            await smtp.ExpectAsync(B64("secret"), "235 2.7.0");
        }

        await using var again = await OverTlsAsync();
        Assert.Equal("334 UGFzc3dvcmQ6", (await again.CommandAsync("AUTH LOGIN " + B64("alice"))).Last);
        await again.ExpectAsync(B64("secret"), "235 2.7.0");
    }

    [Fact]
    public async Task Wrong_password_is_535_5_7_8()
    {
        await using var smtp = await OverTlsAsync();
        Assert.Equal("535 5.7.8 Authentication unsuccessful", (await smtp.CommandAsync("AUTH PLAIN " + B64("\0alice\0wrong"))).Last);
        await smtp.ExpectAsync("AUTH LOGIN", "334");
        await smtp.ExpectAsync(B64("alice"), "334");
        await smtp.ExpectAsync(B64("guess"), "535 5.7.8");
        Assert.Equal(2, smtp.Backend.AuthAttempts.Count);
    }

    [Fact]
    public async Task Proxy_authorization_reaches_the_backend_which_refuses_it()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("AUTH PLAIN " + B64("bob\0alice\0secret"), "535 5.7.8");
        Assert.Equal("bob", Assert.Single(smtp.Backend.AuthAttempts).AuthorizationId);
    }

    [Fact]
    public async Task Bad_base64_is_501_5_5_2()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("AUTH PLAIN not-base64!", "501 5.5.2");
        await smtp.ExpectAsync("AUTH LOGIN", "334");
        await smtp.ExpectAsync("%%%%", "501 5.5.2");
        Assert.Empty(smtp.Backend.AuthAttempts);
    }

    [Fact]
    public async Task Malformed_plain_message_fails_without_asking_the_backend()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("AUTH PLAIN " + B64("alice-no-nuls"), "535 5.7.8");
        await smtp.ExpectAsync("AUTH PLAIN =", "535 5.7.8");
        Assert.Empty(smtp.Backend.AuthAttempts);
    }

    [Fact]
    public async Task Star_cancels_the_exchange()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("AUTH LOGIN", "334");
        await smtp.ExpectAsync("*", "501 5.7.0");
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "235 2.7.0");
    }

    [Fact]
    public async Task Overlong_sasl_response_is_500_5_5_6()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("AUTH PLAIN", "334");
        await smtp.ExpectAsync(new string('A', 13_000), "500 5.5.6");
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
    }

    [Fact]
    public async Task Auth_is_refused_during_a_transaction()
    {
        await using var smtp = await OverTlsAsync();
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "503 5.5.1");
    }

    [Fact]
    public async Task Plaintext_auth_is_neither_offered_nor_accepted_by_default()
    {
        await using var smtp = SmtpTestHarness.Start();
        await smtp.ReadReplyAsync();
        Assert.DoesNotContain(((await smtp.CommandAsync("EHLO x")).Lines), l => l.Contains("AUTH", StringComparison.Ordinal));
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "538 5.7.11");
        Assert.Empty(smtp.Backend.AuthAttempts);
    }

    [Fact]
    public async Task Plaintext_auth_can_be_allowed_by_the_connector()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowPlaintextAuthentication = true } };
        await using var smtp = SmtpTestHarness.Start(backend);
        await smtp.ReadReplyAsync();
        Assert.Contains("250-AUTH PLAIN LOGIN", (await smtp.CommandAsync("EHLO x")).Lines);
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "235 2.7.0");
    }

    [Fact]
    public async Task Connector_without_anonymous_access_requires_auth_before_mail()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowAnonymous = false } };
        await using var smtp = await OverTlsAsync(backend);
        Assert.Equal("530 5.7.0 Authentication required", (await smtp.CommandAsync("MAIL FROM:<a@example.org>")).Last);
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\0secret"), "235 2.7.0");
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }

    [Fact]
    public async Task Repeated_auth_failures_count_towards_the_error_limit()
    {
        await using var smtp = await OverTlsAsync(configure: o => o.MaxBadCommands = 2);
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\01"), "535 5.7.8");
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\02"), "535 5.7.8");
        await smtp.ExpectAsync("AUTH PLAIN " + B64("\0alice\03"), "421 4.7.0");
        Assert.True(await smtp.IsClosedAsync());
    }
}
