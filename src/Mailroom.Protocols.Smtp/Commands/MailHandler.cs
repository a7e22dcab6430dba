namespace Mailroom.Protocols.Smtp;

/// <summary>MAIL (RFC 5321 §4.1.1.2): policy and size checks, then the backend's decision on the sender.</summary>
internal sealed class MailHandler : SmtpCommandHandler<MailCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, MailCommand command)
    {
        var mailFrom = command.MailFrom;
        var options = session.Options;
        if (!session.Policy.AllowAnonymous && !session.IsAuthenticated)
        {
            session.Reply(SmtpReplies.AuthenticationRequired);
            return CommandOutcome.Refused;
        }

        if (mailFrom.Body == SmtpBodyType.BinaryMime && !(options.AdvertiseBinaryMime && options.AdvertiseChunking))
        {
            // RFC 1869 §6: parameters of extensions not advertised are refused with 555.
            session.Reply(SmtpReplies.UnsupportedParameter("BODY=BINARYMIME"));
            return CommandOutcome.Refused;
        }

        if (mailFrom.Size > session.Policy.MaxMessageSize)
        {
            // RFC 1870 §6.1: refuse at MAIL when the declared size already exceeds the limit.
            session.Reply(SmtpReplies.MessageTooBig);
            return CommandOutcome.Refused;
        }

        var reply = await BackendCall.TryAsync(session, "MailFromAsync", s => s.Backend.MailFromAsync(s, mailFrom, s.Aborted)).ConfigureAwait(false);
        if (reply is { IsPositive: false })
        {
            session.Reply(reply);
            return CommandOutcome.Refused;
        }

        session.BeginTransaction(mailFrom);
        session.Reply(reply ?? SmtpReplies.SenderOk);
        return CommandOutcome.Accepted;
    }
}
