using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class SaslTests
{
    private static byte[] B64(string text) => Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("\0alice\0secret", "alice", "secret", null)]
    [InlineData("alice\0alice\0secret", "alice", "secret", "alice")]
    [InlineData("bob\0alice\0secret", "alice", "secret", "bob")]
    [InlineData("\0jösé\0pässwörd", "jösé", "pässwörd", null)]
    public void Plain_decodes_rfc4616_messages(string message, string user, string password, string? authzid)
    {
        var step = new PlainServerExchange().Start(B64(message), hasInitialResponse: true);
        Assert.Equal(SaslStatus.Completed, step.Status);
        Assert.Equal(new SaslCredentials(user, password, authzid), step.Credentials);
    }

    [Fact]
    public void Proxy_authorization_is_flagged_only_for_another_identity()
    {
        Assert.False(new SaslCredentials("alice", "x", "ALICE").RequestsProxyAuthorization);
        Assert.True(new SaslCredentials("alice", "x", "bob").RequestsProxyAuthorization);
        Assert.False(new SaslCredentials("alice", "x").RequestsProxyAuthorization);
    }

    [Theory]
    [InlineData("alice\0secret")]
    [InlineData("\0\0secret")]
    [InlineData("\0alice\0")]
    [InlineData("\0alice\0sec\0ret")]
    [InlineData("")]
    public void Plain_rejects_malformed_messages(string message) =>
        Assert.Equal(SaslStatus.Malformed, new PlainServerExchange().Start(B64(message), true).Status);

    [Fact]
    public void Plain_limits_fields_to_255_octets()
    {
        Assert.Equal(SaslStatus.Completed, new PlainServerExchange().Start(B64("\0" + new string('a', 255) + "\0x"), true).Status);
        Assert.Equal(SaslStatus.Malformed, new PlainServerExchange().Start(B64("\0" + new string('a', 256) + "\0x"), true).Status);
    }

    [Fact]
    public void Plain_rejects_invalid_utf8() =>
        Assert.Equal(SaslStatus.Malformed, PlainServerExchange.Decode([0, 0xC3, 0x28, 0, (byte)'x']).Status);

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AGFsaWNlAHNlY3JldA")]
    [InlineData("AGFsaWNl AHNlY3JldA==")]
    [InlineData("AGFsaWNlAHNlY3JldA=A")]
    [InlineData("*")]
    public void Bad_initial_responses_are_invalid_base64(string response) =>
        Assert.Equal(SaslStatus.InvalidBase64, new PlainServerExchange().Start(Encoding.ASCII.GetBytes(response), true).Status);

    [Fact]
    public void Empty_initial_response_is_an_equals_sign() =>
        Assert.Equal(SaslStatus.Malformed, new PlainServerExchange().Start("="u8, true).Status);

    [Fact]
    public void Plain_without_initial_response_sends_an_empty_challenge_then_accepts_the_response()
    {
        var exchange = new PlainServerExchange();
        Assert.Equal(SaslStep.Challenging(string.Empty), exchange.Start(default, false));
        Assert.Equal("alice", exchange.Respond(B64("\0alice\0secret")).Credentials!.UserName);
    }

    [Fact]
    public void Star_cancels_a_continuation() =>
        Assert.Equal(SaslStatus.Cancelled, new PlainServerExchange().Respond("*"u8).Status);

    [Fact]
    public void Login_asks_user_name_then_password()
    {
        var exchange = new LoginServerExchange();
        Assert.Equal("VXNlcm5hbWU6", exchange.Start(default, false).Challenge);
        Assert.Equal("Username:", Encoding.ASCII.GetString(Convert.FromBase64String(LoginServerExchange.UserNameChallenge)));
        Assert.Equal("UGFzc3dvcmQ6", exchange.Respond(B64("alice")).Challenge);
        Assert.Equal(new SaslCredentials("alice", "secret"), exchange.Respond(B64("secret")).Credentials);
    }

    [Fact]
    public void Login_accepts_the_user_name_as_initial_response()
    {
        var exchange = new LoginServerExchange();
        Assert.Equal(LoginServerExchange.PasswordChallenge, exchange.Start(B64("alice"), true).Challenge);
        Assert.Equal("secret", exchange.Respond(B64("secret")).Credentials!.Password);
    }

    [Fact]
    public void Login_reports_bad_base64_and_empty_fields()
    {
        Assert.Equal(SaslStatus.InvalidBase64, new LoginServerExchange().Respond("@@@@"u8).Status);
        Assert.Equal(SaslStatus.Malformed, new LoginServerExchange().Respond(""u8).Status);
        var exchange = new LoginServerExchange();
        exchange.Respond(B64("alice"));
        Assert.Equal(SaslStatus.Malformed, exchange.Respond(""u8).Status);
    }

    [Fact]
    public void Mechanisms_are_looked_up_case_insensitively()
    {
        Assert.IsType<PlainServerExchange>(SaslMechanisms.Create("plain"));
        Assert.IsType<LoginServerExchange>(SaslMechanisms.Create("LOGIN"));
        Assert.Null(SaslMechanisms.Create("CRAM-MD5"));
    }

    [Fact]
    public void Credentials_never_print_the_password()
    {
        var credentials = new SaslCredentials("alice", "hunter2", "bob");
        Assert.DoesNotContain("hunter2", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", $"{new { credentials }}", StringComparison.Ordinal);
    }
}
