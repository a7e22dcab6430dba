using Mailroom.Directory.Commands.EmailAddressPolicies;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Commands.Mailboxes;

public sealed class GetMailboxCommand : ManagementCommand
{
    public override string Name => "Get-Mailbox";

    protected override IEnumerable<string> Parameters => ["Identity", "Database", "Filter", "ResultSize"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            return Output(await IdentityResolver.ResolveAsync<Mailbox>(context, identity, cancellationToken));
        }

        var database = parameters.String("Database") is { } db
            ? (await IdentityResolver.ResolveAsync<MailboxDatabase>(context, db, cancellationToken)).Name
            : null;
        var filter = parameters.String("Filter") is { } text ? EmailAddressPolicyParameters.ParseFilter(text) : null;
        var limit = ResultSize(parameters);
        var found = new List<object>();
        await foreach (var mailbox in context.Reader.ListAsync<Mailbox>(cancellationToken))
        {
            if ((database is null || mailbox.Database.Equals(database, StringComparison.OrdinalIgnoreCase)) &&
                (filter is null || filter.Evaluate(RecipientFilterSchema.Record(mailbox))))
            {
                found.Add(mailbox);
                if (found.Count >= limit)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Exchange returns 1000 objects unless <c>-ResultSize Unlimited</c> or a number is given.</summary>
    private static int ResultSize(CommandParameters parameters) => parameters.String("ResultSize") switch
    {
        null => 1000,
        var s when s.Equals("Unlimited", StringComparison.OrdinalIgnoreCase) => int.MaxValue,
        var s when int.TryParse(s, out var n) && n > 0 => n,
        var s => throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'ResultSize'. \"{s}\" isn't valid: use a positive number or Unlimited.", s),
    };
}
