using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Imap.Tests;

/// <summary>Random bytes into a real session: it answers or closes, never crashes, and a fresh session still works.</summary>
public sealed class SessionFuzzTests
{
    private static readonly string[] Fragments =
    [
        "a1 ", "LOGIN ", "user secret", "SELECT INBOX", "APPEND INBOX ", "{5}", "{5+}", "~{3}", "{99999999999}", "(", ")",
        "\"", "\\", "[", "]", "<0.1>", "UID ", "FETCH 1:* ", "*:*", "1:4294967296", "IDLE", "DONE", "\r\n", "\n", "\0",
        "\u00ff", "%", "LIST \"\" *", "ENABLE QRESYNC", "STATUS INBOX (MESSAGES)", "CREATE x", " ",
    ];

    [Property(MaxTest = 60)]
    public bool SurvivesRandomCommandSoup(NonEmptyArray<byte> picks)
    {
        var soup = string.Concat(picks.Get.Select(b => Fragments[b % Fragments.Length])) + "\r\nz9 LOGOUT\r\n";
        return RunAsync(Encoding.UTF8.GetBytes(soup)).GetAwaiter().GetResult();
    }

    [Property(MaxTest = 40)]
    public bool SurvivesRandomBytes(byte[] bytes) => RunAsync([.. bytes ?? [], .. "\r\nz9 LOGOUT\r\n"u8]).GetAwaiter().GetResult();

    private static async Task<bool> RunAsync(byte[] input)
    {
        await using var session = await ImapTestSession.StartAsync(o => o.MaxLiteralSize = 1024);
        await session.SendRawAsync(input);
        await session.EndInputAsync();
        // Whatever happened, the server ends the session (LOGOUT, BYE, or close at the end of input) without hanging.
        while (await session.ReadLineAsync() is { } line)
        {
            // An exception the engine did not expect shows as SERVERBUG or an internal-error BYE.
            if (line.Contains("SERVERBUG", StringComparison.Ordinal) || line.Contains("Internal server error", StringComparison.Ordinal))
            {
                return false;
            }

            if (line.StartsWith("z9 OK", StringComparison.Ordinal))
            {
                break;
            }
        }

        return true;
    }
}
