using System.Net;
using Mailroom.Directory.Management;
using Mailroom.Transport.Acceptance;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Management;
using Mailroom.Transport.Notifications;
using Mailroom.Transport.Outbound;
using Mailroom.Transport.Queue;

namespace Mailroom.Server.Hosting;

/// <summary>Registers mail flow: the queue processor and its deliveries, acceptance, NDRs and the transport cmdlets.</summary>
public static class TransportServices
{
    public static IServiceCollection AddMailroomTransport(this IServiceCollection services, IConfiguration configuration, NodeStores stores, Directory.Bootstrap.NodeIdentity node)
    {
        var options = configuration.GetSection("Mailroom:Transport").Get<TransportOptions>() ?? new TransportOptions();
        var dnsServers = configuration.GetSection("Mailroom:Transport:DnsServers").Get<string[]>() ?? [];
        services.AddSingleton(options);
        services.AddSingleton<IMessageBodies>(new BlobMessageBodies(stores.Mailboxes.Blobs));
        services.AddSingleton<IMxLookup>(new DnsMxLookup(dnsServers.Select(s => IPEndPoint.Parse(s.Contains(':') ? s : s + ":53")).ToList()));
        services.AddSingleton(sp => new QuotaWarningNotifier(
            stores.Directory, stores.Mailboxes, sp.GetRequiredService<MessageAcceptance>, stores.OpenNodeDatabaseAsync, TimeProvider.System, node.Fqdn));
        services.AddSingleton<IRecipientDelivery>(sp => new LocalMailboxDelivery(stores.Directory, stores.Mailboxes, sp.GetRequiredService<QuotaWarningNotifier>().CheckAsync));
        services.AddSingleton(_ => new SmtpConnectionPool(TimeProvider.System)); // created by the container so it is disposed (QUIT) at shutdown
        services.AddSingleton<IRecipientDelivery>(sp => new SmtpRelayDelivery(
            stores.Directory, sp.GetRequiredService<IMessageBodies>(), sp.GetRequiredService<IMxLookup>(), node.ServerName, node.Fqdn, sp.GetRequiredService<SmtpConnectionPool>()));
        services.AddSingleton<IFailureNotifier>(sp => new NdrNotifier(
            stores.Directory, sp.GetRequiredService<IMessageBodies>(), sp.GetRequiredService<MessageAcceptance>, stores.Tracking, TimeProvider.System, node.ServerName, node.Fqdn));
        services.AddSingleton<IBlobReleaser, SweptBlobs>();
        services.AddSingleton(sp => new QueueProcessor(
            new Array.ComponentGatedQueue(stores.Queue, sp.GetRequiredService<Array.ComponentStateMonitor>()), sp.GetServices<IRecipientDelivery>(), sp.GetRequiredService<IFailureNotifier>(), sp.GetRequiredService<IBlobReleaser>(), options,
            TimeProvider.System, node.ServerName, sp.GetRequiredService<ILogger<QueueProcessor>>(), stores.Tracking));
        services.AddSingleton(sp => new MessageAcceptance(
            stores.Queue, sp.GetRequiredService<IMessageBodies>(), stores.Tracking, sp.GetRequiredService<QueueProcessor>(), options, TimeProvider.System, node.ServerName, node.Fqdn));
        services.AddHostedService<TransportWorker>();
        return services;
    }

    /// <summary>The cmdlets of mail flow, added to the directory's.</summary>
    public static IEnumerable<ManagementCommand> Commands(IServiceProvider sp, NodeStores stores, string server)
    {
        var processor = sp.GetRequiredService<QueueProcessor>();
        var notifier = sp.GetRequiredService<IFailureNotifier>();
        yield return new GetMessageTrackingLogCommand(stores.Tracking);
        yield return new GetQueueCommand(stores.Queue, server);
        yield return new GetMessageCommand(stores.Queue, server);
        yield return new RetryQueueCommand(stores.Queue, processor, server, TimeProvider.System);
        foreach (var name in new[] { "Suspend-Message", "Resume-Message", "Remove-Message" })
        {
            yield return new MessageStateCommand(name, stores.Queue, processor, notifier);
        }
    }

    /// <summary>Bodies are reference-counted by the mailbox store and swept; the queue's reference is the sweep's grace period.</summary>
    private sealed class SweptBlobs : IBlobReleaser
    {
        public Task ReleaseAsync(string blobId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
