using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>
/// Keeps custom policies' priorities dense (1..N) as Exchange does: placing a policy at a taken priority pushes
/// the others down, a number past the end lands at the end, and the default policy stays Lowest.
/// </summary>
public static class PolicyPriorities
{
    public static async Task<List<EmailAddressPolicy>> CustomInOrderAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = new List<EmailAddressPolicy>();
        await foreach (var p in context.Reader.ListAsync<EmailAddressPolicy>(cancellationToken))
        {
            if (!p.IsDefault)
            {
                list.Add(p);
            }
        }

        return list.OrderBy(p => p.Priority.Value).ToList();
    }

    public static int Parse(CommandParameters parameters)
    {
        var text = parameters.String("Priority");
        if (text is null || !int.TryParse(text, out var priority) || priority < 1)
        {
            throw ManagementErrors.InvalidArgument(
                $"Cannot bind parameter 'Priority'. \"{text}\" isn't valid: priorities are whole numbers from 1; the default policy alone has priority Lowest.", text);
        }

        return priority;
    }

    /// <summary>Puts <paramref name="policy"/> at <paramref name="priority"/> (1-based, clamped) among the others and renumbers all densely.</summary>
    public static async Task PlaceAsync(CommandContext context, EmailAddressPolicy policy, int? priority, CancellationToken cancellationToken)
    {
        var others = (await CustomInOrderAsync(context, cancellationToken)).Where(p => p.Guid != policy.Guid).ToList();
        var index = Math.Clamp((priority ?? int.MaxValue) - 1, 0, others.Count);
        others.Insert(index, policy);
        await RenumberAsync(context, others, cancellationToken, except: policy);
    }

    /// <summary>Closes the gap a removed policy leaves.</summary>
    public static async Task CompactAsync(CommandContext context, CancellationToken cancellationToken) =>
        await RenumberAsync(context, await CustomInOrderAsync(context, cancellationToken), cancellationToken, except: null);

    private static async Task RenumberAsync(CommandContext context, List<EmailAddressPolicy> ordered, CancellationToken cancellationToken, EmailAddressPolicy? except)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var p = ordered[i];
            var wanted = new EmailAddressPolicyPriority(i + 1);
            if (p == except)
            {
                p.Priority = wanted;
            }
            else if (p.Priority != wanted)
            {
                p.Priority = wanted;
                await DirectoryWrites.UpdateAsync(context, p, cancellationToken);
            }
        }
    }
}
