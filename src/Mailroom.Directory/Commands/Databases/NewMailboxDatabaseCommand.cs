using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Databases;

public sealed class NewMailboxDatabaseCommand : ManagementCommand
{
    public override string Name => "New-MailboxDatabase";

    protected override IEnumerable<string> Parameters => ["Name", "Server", "EdbFilePath", "LogFolderPath", "IsExcludedFromProvisioning"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var server = await IdentityResolver.ResolveAsync<Server>(context, parameters.RequiredString(Name, "Server"), cancellationToken);
        var database = await MailboxDatabases.CreateAsync(context, DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name")), server, cancellationToken);
        if (parameters.Bool("IsExcludedFromProvisioning") is { } excluded)
        {
            database.IsExcludedFromProvisioning = excluded;
            await DirectoryWrites.UpdateAsync(context, database, cancellationToken);
        }

        return Output(database);
    }
}
