namespace Mailroom.Protocols.Smtp;

/// <summary>EHLO/HELO (RFC 5321 §4.1.1.1): resets any transaction and lists the extensions.</summary>
internal sealed class HelloHandler : SmtpCommandHandler<HelloCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, HelloCommand command)
    {
        await session.ResetTransactionAsync().ConfigureAwait(false);
        session.SetHello(command.ClientName, command.Extended);
        var address = session.RemoteEndPoint?.Address;
        var greeting = address is null ? $"{session.Policy.Fqdn} Hello"
            : $"{session.Policy.Fqdn} Hello [{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}]";
        string[] lines = command.Extended ? [greeting, .. EhloExtensions.For(session)] : [greeting];
        session.Reply(SmtpReply.WithoutStatusCode(250, lines));
        return CommandOutcome.Accepted;
    }
}
