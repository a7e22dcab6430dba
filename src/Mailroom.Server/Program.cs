using Mailroom.Server.ClientAccess;
using Mailroom.Server.Hosting;

// A Mailroom node: see README.md for configuration and docs/architecture.md for the picture.
// `mailroom rules disable-all` is the local recovery path when client access rules lock administrators out.
if (RulesRecoveryCommand.Handles(args))
{
    return await RulesRecoveryCommand.RunAsync(args, Console.Out);
}

await using var node = await MailroomNode.StartAsync(args);
node.PrintEndpoints(Console.Out);
await node.App.WaitForShutdownAsync();
return 0;
