using System.Threading.Channels;

namespace Mailroom.Persistence;

/// <summary>
/// Group commit: items submitted by many sessions at once are written in one transaction (one fsync) instead of
/// one each. No artificial delay: while a batch commits, new items gather for the next one, so batches grow with
/// the load and a lone item commits at once. Each submitter's task completes when its batch is durable.
/// </summary>
public sealed class GroupCommit<T>
{
    private const int MaxBatch = 512;
    private readonly Channel<(T Item, TaskCompletionSource Done)> pending = Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, Task> commit;

    public GroupCommit(Func<IReadOnlyList<T>, Task> commit)
    {
        this.commit = commit;
        _ = Task.Run(RunAsync);
    }

    public Task SubmitAsync(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((item, done)))
        {
            done.SetException(new InvalidOperationException("The group commit has stopped."));
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<(T Item, TaskCompletionSource Done)>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await commit(batch.Select(b => b.Item).ToList());
                batch.ForEach(b => b.Done.SetResult());
            }
            catch (Exception ex)
            {
                // One bad item must not fail the others: retry them one by one, so each gets its own outcome.
                foreach (var (item, done) in batch)
                {
                    try
                    {
                        await commit([item]);
                        done.SetResult();
                    }
                    catch (Exception single)
                    {
                        done.SetException(batch.Count == 1 ? ex : single);
                    }
                }
            }
        }
    }
}
