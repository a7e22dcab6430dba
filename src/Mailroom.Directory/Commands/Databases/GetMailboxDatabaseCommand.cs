using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Databases;

public sealed class GetMailboxDatabaseCommand : ManagementCommand
{
    public override string Name => "Get-MailboxDatabase";

    protected override IEnumerable<string> Parameters =>
        ["Identity", "Server", "Status", "DumpsterStatistics", "IncludeCorrupted", "IncludePreExchange2010", "IncludePreExchange2013"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            if (parameters.Has("Server"))
            {
                throw ManagementErrors.InvalidArgument("Parameter set cannot be resolved using the specified named parameters: use either Identity or Server.");
            }

            return Output(WithStatus(await IdentityResolver.ResolveAsync<MailboxDatabase>(context, identity, cancellationToken), parameters));
        }

        var server = parameters.String("Server") is { } s
            ? (await IdentityResolver.ResolveAsync<Server>(context, s, cancellationToken)).Name
            : null;
        var found = new List<object>();
        await foreach (var database in context.Reader.ListAsync<MailboxDatabase>(cancellationToken))
        {
            if (server is null || database.Server.Equals(server, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(WithStatus(database, parameters));
            }
        }

        return found;
    }

    /// <summary>A database is served by its node whenever that node runs, so it is mounted when asked for.</summary>
    private static MailboxDatabase WithStatus(MailboxDatabase database, CommandParameters parameters)
    {
        database.Mounted = parameters.Switch("Status") ? database.MountAtStartup : null;
        return database;
    }
}
