using Mailroom.Server.Hosting;

// A Mailroom node: see README.md for configuration and docs/architecture.md for the picture.
await using var node = await MailroomNode.StartAsync(args);
node.PrintEndpoints(Console.Out);
await node.App.WaitForShutdownAsync();
