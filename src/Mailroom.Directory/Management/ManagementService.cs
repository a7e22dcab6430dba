using Mailroom.Directory.Model;
using Mailroom.Directory.Naming;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Management;

/// <summary>
/// Runs management commands: checks the caller's role, validates parameter names, and runs the command in one
/// store transaction (a write transaction for commands that change configuration), so a command that fails
/// leaves the directory exactly as it was.
/// </summary>
public sealed class ManagementService(IDirectoryStore store, CommandCatalog catalog, TimeProvider time, string serverFqdn)
{
    private OrganizationNames? names;

    public CommandCatalog Catalog => catalog;

    /// <summary>Raised after a command that writes the directory has committed (e.g. so client sessions of a
    /// mailbox just disabled end at once instead of at the next periodic check).</summary>
    public event Action<string>? DirectoryChanged;

    public async Task<IReadOnlyList<object>> InvokeAsync(string commandName, CommandParameters parameters, Caller caller, CancellationToken cancellationToken)
    {
        var command = catalog.Find(commandName);
        if (!(command.ChangesConfiguration ? caller.CanChange : caller.CanRead))
        {
            throw ManagementErrors.AccessDenied(commandName);
        }

        var unknown = parameters.Names.FirstOrDefault(n => !command.ParameterNames.Contains(n));
        if (unknown is not null)
        {
            throw ManagementErrors.UnknownParameter(unknown);
        }

        var orgNames = names ??= await store.ReadAsync(LoadNamesAsync, cancellationToken);
        try
        {
            if (!command.WritesDirectory)
            {
                return await store.ReadAsync(r => command.ExecuteAsync(new CommandContext(r, orgNames, time, serverFqdn, caller.Name) { Principal = caller }, parameters, cancellationToken), cancellationToken);
            }

            var result = await store.WriteAsync(tx => command.ExecuteAsync(new CommandContext(tx, orgNames, time, serverFqdn, caller.Name) { Principal = caller }, parameters, cancellationToken), cancellationToken);
            DirectoryChanged?.Invoke(commandName);
            return result;
        }
        catch (DirectoryKeyConflictException ex)
        {
            // A clash the pre-check could not see (another node wrote first): report it like the pre-check would.
            throw DirectoryWrites.ConflictError(ex.Key, "another object");
        }
    }

    public static async Task<OrganizationNames> LoadNamesAsync(IDirectoryReader reader)
    {
        await foreach (var org in reader.ListAsync<Organization>())
        {
            return new OrganizationNames(org.Name, org.RootDomain);
        }

        throw new InvalidOperationException("The directory holds no organization; the node creates it on first start.");
    }
}
