using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>Get-OwaVirtualDirectory, Get-EcpVirtualDirectory, Get-AutodiscoverVirtualDirectory: by identity, or every server's (or one <c>-Server</c>'s).</summary>
public sealed class GetVirtualDirectoryCommand(VirtualDirectoryType type, string noun) : GetObjectCommand<VirtualDirectory>
{
    public override string Name => "Get-" + noun;

    protected override IEnumerable<string> OtherParameters => ["Server", "ADPropertiesOnly", "ShowMailboxVirtualDirectories"];

    public static IEnumerable<ManagementCommand> All() =>
    [
        new GetVirtualDirectoryCommand(VirtualDirectoryType.Autodiscover, "AutodiscoverVirtualDirectory"),
        new SetVirtualDirectoryCommand(VirtualDirectoryType.Autodiscover, "AutodiscoverVirtualDirectory"),
        new GetVirtualDirectoryCommand(VirtualDirectoryType.Owa, "OwaVirtualDirectory"),
        new SetVirtualDirectoryCommand(VirtualDirectoryType.Owa, "OwaVirtualDirectory"),
        new GetVirtualDirectoryCommand(VirtualDirectoryType.Ecp, "EcpVirtualDirectory"),
        new SetVirtualDirectoryCommand(VirtualDirectoryType.Ecp, "EcpVirtualDirectory"),
    ];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var found = await base.ExecuteAsync(context, parameters, cancellationToken);
        if (parameters.Has("Identity") && found is [VirtualDirectory { } one] && one.Type != type)
        {
            throw ManagementErrors.NotFound(parameters.String("Identity")!, context.ServerFqdn);
        }

        return found;
    }

    protected override async ValueTask<bool> IncludeAsync(CommandContext context, CommandParameters parameters, VirtualDirectory obj, CancellationToken cancellationToken)
    {
        if (obj.Type != type)
        {
            return false;
        }

        if (parameters.String("Server") is not { } server)
        {
            return true;
        }

        var named = await IdentityResolver.ResolveAsync<Server>(context, server, cancellationToken);
        return named.Name.Equals(obj.Server, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Set-OwaVirtualDirectory, Set-EcpVirtualDirectory, Set-AutodiscoverVirtualDirectory: <c>-InternalUrl</c> and <c>-ExternalUrl</c>.</summary>
public sealed class SetVirtualDirectoryCommand(VirtualDirectoryType type, string noun) : ManagementCommand
{
    public override string Name => "Set-" + noun;

    protected override IEnumerable<string> Parameters => ["Identity", "InternalUrl", "ExternalUrl"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var identity = parameters.RequiredString(Name, "Identity");
        var directory = await IdentityResolver.ResolveAsync<VirtualDirectory>(context, identity, cancellationToken);
        if (directory.Type != type)
        {
            throw ManagementErrors.NotFound(identity, context.ServerFqdn);
        }

        if (parameters.Has("InternalUrl"))
        {
            directory.InternalUrl = HttpsUrl(parameters, "InternalUrl");
        }

        if (parameters.Has("ExternalUrl"))
        {
            directory.ExternalUrl = HttpsUrl(parameters, "ExternalUrl");
        }

        await DirectoryWrites.UpdateAsync(context, directory, cancellationToken);
        return Nothing();
    }

    /// <summary>Exchange takes any absolute http/https URL here; Autodiscover hands them to clients as they are.</summary>
    internal static string? HttpsUrl(CommandParameters parameters, string name)
    {
        var text = parameters.String(name);
        return text is null or "" ? null
            : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 ? uri.ToString()
            : throw ManagementErrors.InvalidArgument($"Cannot bind parameter '{name}'. \"{text}\" isn't an absolute http or https URL.", text);
    }
}
