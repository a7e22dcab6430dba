using Mailroom.Directory.Management;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Queue;

namespace Mailroom.Transport.Management;

/// <summary>Get-Queue: the pending work of this organization's queue, one queue per next hop.</summary>
public sealed class GetQueueCommand(IQueueStore queue, string server) : ManagementCommand
{
    public override string Name => "Get-Queue";

    protected override IEnumerable<string> Parameters => ["Identity", "Server", "ResultSize"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var queues = (await queue.SummarizeAsync(cancellationToken)).Select(q => QueueInfo.Of(server, q)).ToList();
        if (parameters.String("Identity") is { } identity)
        {
            var match = queues.Where(q => q.Identity.Equals(identity, StringComparison.OrdinalIgnoreCase) || q.NextHopDomain.Equals(identity, StringComparison.OrdinalIgnoreCase)).ToList();
            return match.Count > 0 ? match : throw ManagementErrors.NotFound(identity, context.ServerFqdn);
        }

        return queues;
    }
}

/// <summary>Get-Message: queued messages with their pending recipients.</summary>
public sealed class GetMessageCommand(IQueueStore queue, string server) : ManagementCommand
{
    public override string Name => "Get-Message";

    protected override IEnumerable<string> Parameters => ["Identity", "Queue", "Server", "ResultSize", "IncludeRecipientInfo"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken) =>
        await QueueMessages.FindAsync(queue, server, context, parameters.String("Identity"), parameters.String("Queue"), cancellationToken);
}

/// <summary>Retry-Queue: makes the queue's waiting messages due now.</summary>
public sealed class RetryQueueCommand(IQueueStore queue, QueueProcessor processor, string server, TimeProvider time) : ManagementCommand
{
    public override string Name => "Retry-Queue";

    public override bool WritesDirectory => false;

    protected override IEnumerable<string> Parameters => ["Identity", "Resubmit"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var identity = parameters.RequiredString(Name, "Identity");
        var target = (await queue.SummarizeAsync(cancellationToken)).FirstOrDefault(q => QueueInfo.Of(server, q) is var info &&
            (info.Identity.Equals(identity, StringComparison.OrdinalIgnoreCase) || info.NextHopDomain.Equals(identity, StringComparison.OrdinalIgnoreCase)))
            ?? throw ManagementErrors.NotFound(identity, context.ServerFqdn);
        await queue.RetryNowAsync(target.NextHop, time.GetUtcNow(), cancellationToken);
        processor.Signal();
        return Nothing();
    }
}

/// <summary>Suspend-Message, Resume-Message and Remove-Message on one queued message.</summary>
public sealed class MessageStateCommand(string name, IQueueStore queue, QueueProcessor processor, IFailureNotifier notifier) : ManagementCommand
{
    public override string Name => name;

    public override bool WritesDirectory => false;

    protected override IEnumerable<string> Parameters => name == "Remove-Message" ? ["Identity", "WithNDR"] : ["Identity"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var identity = parameters.RequiredString(Name, "Identity");
        var id = identity[(identity.LastIndexOf('\\') + 1)..];
        var message = (await queue.ListMessagesAsync(cancellationToken)).FirstOrDefault(m => m.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? throw ManagementErrors.NotFound(identity, context.ServerFqdn);
        switch (Name)
        {
            case "Suspend-Message":
                await queue.SetStatusAsync(message.Id, [RecipientStatus.Ready, RecipientStatus.Retry], RecipientStatus.Suspended, null, cancellationToken);
                break;
            case "Resume-Message":
                await queue.SetStatusAsync(message.Id, [RecipientStatus.Suspended], RecipientStatus.Ready, null, cancellationToken);
                break;
            default:
                const string removed = "550 5.3.0 Message deleted by an administrator";
                var pending = (await queue.ListRecipientsAsync(message.Id, cancellationToken)).Where(r => r.Status is RecipientStatus.Ready or RecipientStatus.Retry or RecipientStatus.Suspended).ToList();
                if (parameters.Bool("WithNDR") ?? true)
                {
                    foreach (var recipient in pending)
                    {
                        await notifier.RecipientFailedAsync(message, recipient, removed, cancellationToken);
                    }
                }

                await queue.SetStatusAsync(message.Id, [RecipientStatus.Ready, RecipientStatus.Retry, RecipientStatus.Suspended], RecipientStatus.Failed, removed, cancellationToken);
                await queue.RemoveFinishedAsync(cancellationToken);
                break;
        }

        processor.Signal();
        return Nothing();
    }
}

internal static class QueueMessages
{
    public static async Task<IReadOnlyList<object>> FindAsync(IQueueStore queue, string server, CommandContext context, string? identity, string? queueName, CancellationToken cancellationToken)
    {
        var found = new List<object>();
        foreach (var message in await queue.ListMessagesAsync(cancellationToken))
        {
            var pending = (await queue.ListRecipientsAsync(message.Id, cancellationToken)).Where(r => r.Status is RecipientStatus.Ready or RecipientStatus.Retry or RecipientStatus.Suspended).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            var info = MessageInfo.Of(server, message, pending);
            if ((identity is null || info.Identity.EndsWith(identity.TrimStart('\\'), StringComparison.OrdinalIgnoreCase) || message.Id.Equals(identity, StringComparison.OrdinalIgnoreCase)) &&
                (queueName is null || info.Queue.Equals(queueName, StringComparison.OrdinalIgnoreCase) || info.Queue.EndsWith("\\" + queueName, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(info);
            }
        }

        return identity is not null && found.Count == 0 ? throw ManagementErrors.NotFound(identity, context.ServerFqdn) : found;
    }
}
