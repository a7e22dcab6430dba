using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>Get-ImapSettings / Get-PopSettings <c>[-Server]</c>: the settings of one server, this one by default.</summary>
public sealed class GetPopImapSettingsCommand<T>(string noun) : ManagementCommand
    where T : PopImapSettings
{
    public override string Name => "Get-" + noun;

    protected override IEnumerable<string> Parameters => ["Server"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken) =>
        Output(await PopImapSettingsLookup.FindAsync<T>(context, parameters.String("Server"), cancellationToken));
}

/// <summary>
/// Set-ImapSettings / Set-PopSettings <c>[-Server]</c>: ExternalConnectionSettings, InternalConnectionSettings
/// (<c>host:port:SSL|TLS</c> lists), LoginType and X509CertificateName, as Exchange has them.
/// </summary>
public sealed class SetPopImapSettingsCommand<T>(string noun) : ManagementCommand
    where T : PopImapSettings
{
    public override string Name => "Set-" + noun;

    protected override IEnumerable<string> Parameters =>
        ["Server", "ExternalConnectionSettings", "InternalConnectionSettings", "LoginType", "X509CertificateName"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var settings = await PopImapSettingsLookup.FindAsync<T>(context, parameters.String("Server"), cancellationToken);
        if (parameters.Multi("ExternalConnectionSettings") is { } external)
        {
            settings.ExternalConnectionSettings = Connections("ExternalConnectionSettings", external.ApplyTo(settings.ExternalConnectionSettings.Select(s => s.ToString())));
        }

        if (parameters.Multi("InternalConnectionSettings") is { } internalSettings)
        {
            settings.InternalConnectionSettings = Connections("InternalConnectionSettings", internalSettings.ApplyTo(settings.InternalConnectionSettings.Select(s => s.ToString())));
        }

        if (parameters.String("LoginType") is { } login)
        {
            settings.LoginType = Enum.TryParse<LoginOptions>(login, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'LoginType'. \"{login}\" isn't one of PlainTextLogin, PlainTextAuthentication, SecureLogin.", login);
        }

        if (parameters.Has("X509CertificateName"))
        {
            var name = parameters.String("X509CertificateName");
            settings.X509CertificateName = name is null or "" ? null
                : ProtocolConnectionSettings.IsHostName(name.TrimStart('*', '.')) ? name.ToLowerInvariant()
                : throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'X509CertificateName'. \"{name}\" isn't a host name.", name);
        }

        await DirectoryWrites.UpdateAsync(context, settings, cancellationToken);
        return Nothing();
    }

    private static List<ProtocolConnectionSettings> Connections(string parameter, IEnumerable<string> values) =>
        values.Select(v => ProtocolConnectionSettings.TryParse(v, out var parsed) ? parsed
            : throw ManagementErrors.InvalidArgument($"Cannot bind parameter '{parameter}'. \"{v}\" isn't a connection setting such as mail.contoso.com:993:SSL (host:port, then SSL, TLS or nothing).", v))
        .Distinct().ToList();
}

public static class PopImapSettingsLookup
{
    public static IEnumerable<ManagementCommand> All() =>
    [
        new GetPopImapSettingsCommand<ImapSettings>("ImapSettings"), new SetPopImapSettingsCommand<ImapSettings>("ImapSettings"),
        new GetPopImapSettingsCommand<PopSettings>("PopSettings"), new SetPopImapSettingsCommand<PopSettings>("PopSettings"),
    ];

    /// <summary>The settings of the server named by <paramref name="serverIdentity"/>, or of the server running the command.</summary>
    public static async Task<T> FindAsync<T>(CommandContext context, string? serverIdentity, CancellationToken cancellationToken)
        where T : PopImapSettings
    {
        var server = serverIdentity is null
            ? await LocalServer.GetAsync(context, cancellationToken)
            : await IdentityResolver.ResolveAsync<Server>(context, serverIdentity, cancellationToken);
        return await ForServerAsync<T>(context.Reader, server.Name, cancellationToken)
            ?? throw ManagementErrors.NotFound(server.Name, context.ServerFqdn);
    }

    public static async Task<T?> ForServerAsync<T>(Storage.IDirectoryReader reader, string server, CancellationToken cancellationToken)
        where T : PopImapSettings
    {
        await foreach (var settings in reader.ListAsync<T>(cancellationToken))
        {
            if (settings.Server.Equals(server, StringComparison.OrdinalIgnoreCase))
            {
                return settings;
            }
        }

        return null;
    }
}
