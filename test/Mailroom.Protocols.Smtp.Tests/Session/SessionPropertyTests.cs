using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>No input crashes a session: whatever the client sends, the session answers and ends cleanly.</summary>
public sealed class SessionPropertyTests
{
    private static readonly string[] Lines =
    [
        "EHLO x", "HELO y", "MAIL FROM:<a@b.example>", "MAIL FROM:<>", "MAIL FROM:<a@b.example> SIZE=999999999999",
        "MAIL FROM:<ü@b.example> SMTPUTF8", "RCPT TO:<c@d.example>", "RCPT TO:<unknown@d.example>", "RCPT TO:<Postmaster>",
        "DATA", ".", "..", "text", "BDAT 3", "BDAT 0 LAST", "BDAT 5 LAST", "BDAT x", "RSET", "NOOP", "VRFY a", "EXPN b",
        "HELP", "AUTH PLAIN", "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "AUTH LOGIN", "YWxpY2U=", "*", "=", "AUTH XYZ",
        "STARTTLS", "QUIT", "", "\0", "MAIL FROM:<a@b.example>\n", new string('z', 600), "\u00e9\u00e8", "BOGUS",
    ];

    private static readonly Gen<string> Conversations =
        Gen.Elements(Lines).ListOf().Select(lines => string.Concat(lines.Select(l => l + "\r\n")));

    [Property(MaxTest = 150)]
    public Property Any_conversation_ends_cleanly() =>
        Prop.ForAll(Conversations.ToArbitrary(), Arb.From(Gen.Elements(true, false)), (conversation, plaintextAuth) =>
        {
            RunAsync(conversation, plaintextAuth).GetAwaiter().GetResult();
        });

    private static async Task RunAsync(string conversation, bool plaintextAuth)
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowPlaintextAuthentication = plaintextAuth } };
        await using var smtp = SmtpTestHarness.Start(backend, o => o.MaxBadCommands = 1000);
        await smtp.SendAsync(Encoding.UTF8.GetBytes(conversation));
        await smtp.CompleteInputAsync();
        var output = await smtp.ReadToEndAsync();
        await smtp.WaitForSessionEndAsync();
        Assert.StartsWith("220 ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.Logs.Entries, e => e.Id.Id == 3015);
        Assert.True(smtp.Session.IsCompletedSuccessfully);
        Assert.Equal(1, backend.SessionsEnded);
    }
}
