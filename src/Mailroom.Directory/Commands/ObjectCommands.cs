using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands;

/// <summary>
/// <c>Get-X [-Identity]</c>: one object resolved by identity, or every object of the class (narrowed by
/// <see cref="IncludeAsync"/> from the command's other parameters) in <see cref="Order"/>.
/// </summary>
public abstract class GetObjectCommand<T> : ManagementCommand
    where T : DirectoryObject
{
    protected override IEnumerable<string> Parameters => ["Identity", .. OtherParameters];

    protected virtual IEnumerable<string> OtherParameters => [];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            return Output(await PresentAsync(context, parameters, await IdentityResolver.ResolveAsync<T>(context, identity, cancellationToken), cancellationToken));
        }

        var found = new List<T>();
        await foreach (var obj in context.Reader.ListAsync<T>(cancellationToken))
        {
            if (await IncludeAsync(context, parameters, obj, cancellationToken))
            {
                found.Add(obj);
            }
        }

        var output = new List<object>(found.Count);
        foreach (var obj in Order(found))
        {
            output.Add(await PresentAsync(context, parameters, obj, cancellationToken));
        }

        return output;
    }

    protected virtual ValueTask<bool> IncludeAsync(CommandContext context, CommandParameters parameters, T obj, CancellationToken cancellationToken) =>
        ValueTask.FromResult(true);

    protected virtual IEnumerable<T> Order(IEnumerable<T> objects) => objects;

    /// <summary>What is written for an object: the object itself unless the command shows a view of it.</summary>
    protected virtual ValueTask<object> PresentAsync(CommandContext context, CommandParameters parameters, T obj, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(obj);
}

/// <summary><c>Remove-X -Identity</c>: resolves, lets the command refuse, then deletes in the command's transaction.</summary>
public abstract class RemoveObjectCommand<T> : ManagementCommand
    where T : DirectoryObject
{
    protected override IEnumerable<string> Parameters => ["Identity", .. OtherParameters];

    protected virtual IEnumerable<string> OtherParameters => [];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var obj = await IdentityResolver.ResolveAsync<T>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        await BeforeRemoveAsync(context, obj, cancellationToken);
        await context.Writer.DeleteAsync(obj.Guid, cancellationToken);
        await AfterRemoveAsync(context, cancellationToken);
        return Nothing();
    }

    /// <summary>Throws to refuse the removal, or cleans up references to the object.</summary>
    protected virtual Task BeforeRemoveAsync(CommandContext context, T obj, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task AfterRemoveAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
