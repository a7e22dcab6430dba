using Mailroom.Directory.Commands.ClientAccess;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Protocols.Imap;
using Mailroom.Protocols.Pop3;
using Microsoft.Extensions.Options;

namespace Mailroom.Server.ClientAccess;

/// <summary>
/// Applies <c>Set-ImapSettings/Set-PopSettings -LoginType</c> to the running IMAP and POP3 engines, within a second of a
/// change (the engines read their options at each login). Configuration (<c>Mailroom:Imap:AllowPlainTextLogin</c>,
/// <c>Mailroom:Pop3:LoginType</c>) still allows plain-text login on its own; the directory setting can only add to it.
/// </summary>
public sealed partial class LoginTypeSync(
    IDirectoryStore store, IOptions<ImapServerOptions> imap, IOptions<Pop3ServerOptions> pop3, ServerName server, TimeProvider time, ILogger<LoginTypeSync> logger)
    : BackgroundService
{
    private readonly bool configuredImap = imap.Value.AllowPlainTextLogin;
    private readonly Pop3LoginType configuredPop = pop3.Value.LoginType;
    private long applied = -1;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ApplyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReadFailed(logger, ex);
            }
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var generation = store.ChangeGeneration;
        if (generation == applied)
        {
            return;
        }

        var (imapLogin, popLogin) = await store.ReadAsync(async reader => (
            (await PopImapSettingsLookup.ForServerAsync<ImapSettings>(reader, server.Name, cancellationToken))?.LoginType ?? LoginOptions.SecureLogin,
            (await PopImapSettingsLookup.ForServerAsync<PopSettings>(reader, server.Name, cancellationToken))?.LoginType ?? LoginOptions.SecureLogin), cancellationToken);
        imap.Value.AllowPlainTextLogin = configuredImap || imapLogin != LoginOptions.SecureLogin;
        pop3.Value.LoginType = configuredPop == Pop3LoginType.PlainTextLogin || popLogin != LoginOptions.SecureLogin ? Pop3LoginType.PlainTextLogin : Pop3LoginType.SecureLogin;
        applied = generation;
    }

    [LoggerMessage(3702, LogLevel.Warning, "Reading the IMAP/POP3 login types from the directory failed; retrying")]
    private static partial void ReadFailed(ILogger logger, Exception exception);
}

/// <summary>This node's server name, for services that look up its per-server settings.</summary>
public sealed record ServerName(string Name);
