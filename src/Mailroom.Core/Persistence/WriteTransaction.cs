using System.Data.Common;

namespace Mailroom.Persistence;

/// <summary>The one shape of a write transaction in every store: commit when the work returns, roll back when it throws.</summary>
public static class WriteTransaction
{
    /// <param name="end">Releases what the caller took besides the transaction (an in-process write lock).</param>
    public static async Task<T> RunAsync<T>(DbTransaction transaction, Func<Task<T>> work, Action? end, CancellationToken cancellationToken)
    {
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await transaction.DisposeAsync();
            end?.Invoke();
        }
    }
}
