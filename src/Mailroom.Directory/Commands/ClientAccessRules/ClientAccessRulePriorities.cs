using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessRules;

/// <summary>
/// Keeps rule priorities a dense list 1..N (exchange.md §3.2, [impl]): placing a rule at a taken priority moves
/// that rule and every later one down by one; a number past the end puts the rule last; 0 (the first priority in
/// Exchange's cmdlet reference, which counts from 0) puts it first.
/// </summary>
public static class ClientAccessRulePriorities
{
    public static async Task<List<ClientAccessRule>> InOrderAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = new List<ClientAccessRule>();
        await foreach (var rule in context.Reader.ListAsync<ClientAccessRule>(cancellationToken))
        {
            list.Add(rule);
        }

        return list.OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static int Parse(CommandParameters parameters)
    {
        var text = parameters.String("Priority");
        return text is not null && int.TryParse(text, out var priority) && priority >= 0
            ? priority
            : throw ManagementErrors.InvalidArgument(
                $"Cannot bind parameter 'Priority'. \"{text}\" isn't valid: priorities are whole numbers from 1 (evaluated first); a number past the last rule puts the rule last.", text);
    }

    /// <summary>Puts <paramref name="rule"/> at <paramref name="priority"/> (null: last) and renumbers every rule densely.</summary>
    public static async Task PlaceAsync(CommandContext context, ClientAccessRule rule, int? priority, CancellationToken cancellationToken)
    {
        var others = (await InOrderAsync(context, cancellationToken)).Where(r => r.Guid != rule.Guid).ToList();
        var index = Math.Clamp((priority ?? int.MaxValue) - 1, 0, others.Count);
        others.Insert(index, rule);
        await RenumberAsync(context, others, rule, cancellationToken);
    }

    /// <summary>Closes the gap a removed rule leaves.</summary>
    public static async Task CompactAsync(CommandContext context, CancellationToken cancellationToken) =>
        await RenumberAsync(context, await InOrderAsync(context, cancellationToken), null, cancellationToken);

    private static async Task RenumberAsync(CommandContext context, List<ClientAccessRule> ordered, ClientAccessRule? except, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var rule = ordered[i];
            if (rule == except)
            {
                rule.Priority = i + 1;
            }
            else if (rule.Priority != i + 1)
            {
                rule.Priority = i + 1;
                await DirectoryWrites.UpdateAsync(context, rule, cancellationToken);
            }
        }
    }
}
