using Mailroom.Directory.Model;
using Mailroom.Server.Hosting;

namespace Mailroom.Server.ClientAccess;

/// <summary>
/// The local recovery path for an organization locked out by its client access rules: run on a node itself,
/// <c>mailroom rules disable-all</c> opens the node's store with the node's own configuration (same settings, same
/// arguments) and sets <c>Enabled</c> to false on every rule, without any sign-in; <c>mailroom rules list</c> shows
/// them. Running nodes see the change within the rule cache's lifetime (5 s). It works while nodes run, because it
/// writes through the store's ordinary write transaction.
/// </summary>
public static class RulesRecoveryCommand
{
    public static bool Handles(string[] args) => args.Length >= 1 && args[0].Equals("rules", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var verb = args.Length >= 2 ? args[1].ToLowerInvariant() : string.Empty;
        if (verb is not ("disable-all" or "list"))
        {
            output.WriteLine("Usage: mailroom rules disable-all | list   [--Mailroom:Store:Provider=... --Mailroom:DataPath=... as for the node]");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[2..] });
        var options = builder.Configuration.GetSection("Mailroom").Get<MailroomOptions>() ?? new MailroomOptions();
        var dataPath = Path.GetFullPath(options.DataPath ?? (builder.Environment.IsProduction() ? "/var/lib/mailroom" : "data"));
        var stores = NodeStores.Create(options.Store, dataPath);
        await stores.InitializeAsync(cancellationToken);
        var rules = await stores.Directory.WriteAsync(async tx =>
        {
            var all = new List<ClientAccessRule>();
            await foreach (var rule in tx.ListAsync<ClientAccessRule>(cancellationToken))
            {
                all.Add(rule);
            }

            foreach (var rule in all.Where(r => r.Enabled && verb == "disable-all"))
            {
                rule.Enabled = false;
                rule.WhenChanged = DateTime.UtcNow;
                await tx.UpdateAsync(rule, cancellationToken);
            }

            return all;
        }, cancellationToken);

        foreach (var rule in rules.OrderBy(r => r.Priority))
        {
            output.WriteLine($"{rule.Priority,4}  {(rule.Enabled ? "Enabled " : "Disabled")}  {rule.Action,-11}  {rule.Name}");
        }

        output.WriteLine(verb == "disable-all"
            ? $"Disabled every client access rule ({rules.Count}). Nodes apply this within 5 seconds; re-enable rules with Set-ClientAccessRule -Enabled $true."
            : $"{rules.Count} client access rules.");
        return 0;
    }
}
