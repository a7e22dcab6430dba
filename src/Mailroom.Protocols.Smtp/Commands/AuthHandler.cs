using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// AUTH (RFC 4954) with the SASL mechanisms of <see cref="SaslMechanisms"/>: challenges as 334, responses redacted
/// from the transcript, the credentials checked by the backend. Failures count as protocol errors, so one connection
/// cannot guess passwords for long; per-account and per-IP throttling is the backend's.
/// </summary>
internal sealed class AuthHandler : SmtpCommandHandler<AuthCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, AuthCommand command)
    {
        if (session.IsAuthenticated)
        {
            return CommandOutcome.Bad(SmtpReplies.AlreadyAuthenticated);
        }

        if (!session.Policy.OfferAuthentication)
        {
            session.Reply(SmtpReplies.NotImplemented);
            return CommandOutcome.Refused;
        }

        if (SaslMechanisms.Create(command.Mechanism) is not { } exchange)
        {
            return CommandOutcome.Bad(SmtpReplies.UnrecognizedAuthenticationType);
        }

        if (!EhloExtensions.CanAuthenticate(session))
        {
            session.Reply(SmtpReplies.EncryptionRequired);
            return CommandOutcome.Refused;
        }

        var step = exchange.Start(Encoding.UTF8.GetBytes(command.InitialResponse ?? string.Empty), command.InitialResponse is not null);
        while (step.Status == SaslStatus.Challenge)
        {
            session.Reply(SmtpReply.WithoutStatusCode(334, step.Challenge!));
            var line = await session.ReadLineAsync(SmtpLimits.AuthLine).ConfigureAwait(false);
            if (line.Status == LineStatus.EndOfInput)
            {
                return CommandOutcome.Close;
            }

            if (line.Status == LineStatus.TooLong)
            {
                return CommandOutcome.Bad(SmtpReplies.AuthenticationLineTooLong);
            }

            session.Transcript.ClientSecret();
            step = exchange.Respond(line.Line.Span);
        }

        switch (step.Status)
        {
            case SaslStatus.Cancelled:
                session.Reply(SmtpReplies.AuthenticationCancelled);
                return CommandOutcome.Refused;
            case SaslStatus.InvalidBase64:
                return CommandOutcome.Bad(SmtpReplies.CannotDecodeResponse);
            case SaslStatus.Malformed:
                return Failed(session, exchange.Mechanism, "(malformed)", SmtpReplies.AuthenticationFailed);
        }

        var credentials = step.Credentials!;
        SmtpAuthResult result;
        try
        {
            result = await session.Backend.AuthenticateAsync(session, credentials, session.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, "AuthenticateAsync", ex);
            result = SmtpAuthResult.Failure(SmtpReplies.AuthenticationTemporaryFailure);
        }

        if (!result.Succeeded)
        {
            return Failed(session, exchange.Mechanism, credentials.UserName, result.Reply ?? SmtpReplies.AuthenticationFailed);
        }

        session.SetAuthenticated(result.User!, result.UserName!);
        SmtpLog.Authenticated(session.Services.Logger, session.Id, result.UserName!, exchange.Mechanism);
        session.Reply(SmtpReplies.AuthenticationSucceeded);
        return CommandOutcome.Accepted;
    }

    private static CommandOutcome Failed(SmtpSession session, string mechanism, string userName, SmtpReply reply)
    {
        session.Services.Telemetry.AuthenticationFailures.Add(1);
        SmtpLog.AuthenticationFailed(session.Services.Logger, session.Id, session.RemoteEndPoint, userName, mechanism, reply.Code);
        if (reply.Code == 535)
        {
            return CommandOutcome.Bad(reply);
        }

        session.Reply(reply);
        return CommandOutcome.Refused;
    }
}
