using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

public sealed partial class SmtpSession
{
    /// <summary>Greets (or refuses) the client, then runs commands until QUIT, a fatal error, a timeout or EOF.
    /// Never throws for anything the client does.</summary>
    internal async Task RunAsync(SmtpReply? refusal)
    {
        var logger = _services.Logger;
        try
        {
            if (refusal is not null)
            {
                Reply(refusal);
                if (refusal.Code != 554)
                {
                    return;
                }

                State = SmtpState.Refused;
            }
            else
            {
                Reply(SmtpGreeting.For(Policy, _services.Time));
                State = SmtpState.Connected;
            }

            while (true)
            {
                var line = await ReadLineAsync(ReadLimit).ConfigureAwait(false);
                if (line.Status == LineStatus.EndOfInput || !await ProcessLineAsync(line).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (Timeouts.Expired != TimeoutKind.None)
        {
            SmtpLog.TimedOut(logger, Id, Timeouts.Expired);
            TryReply(Timeouts.Expired == TimeoutKind.Lifetime ? SmtpReplies.SessionTimeout(Policy.Fqdn) : SmtpReplies.Timeout(Policy.Fqdn));
        }
        catch (OperationCanceledException) when (ShuttingDown.IsCancellationRequested)
        {
            SmtpLog.ConnectionLost(logger, Id);
            TryReply(SmtpReplies.ServiceNotAvailable(Policy.Fqdn)); // RFC 5321 §3.8: tell the client before closing
        }
        catch (OperationCanceledException)
        {
            SmtpLog.ConnectionLost(logger, Id);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            SmtpLog.ConnectionLost(logger, Id);
        }
        catch (Exception ex)
        {
            SmtpLog.SessionFailed(logger, Id, ex);
            TryReply(SmtpReplies.ServiceNotAvailable(Policy.Fqdn));
        }
        finally
        {
            await ResetTransactionAsync().ConfigureAwait(false);
            await FinalFlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Handles one line; false ends the session.</summary>
    private async ValueTask<bool> ProcessLineAsync(LineReadResult line)
    {
        if (++CommandCount > Options.MaxCommandsPerSession)
        {
            SmtpLog.SessionAborted(_services.Logger, Id, RemoteEndPoint, "too many commands");
            Reply(SmtpReplies.TooManyCommands(Policy.Fqdn));
            return false;
        }

        _services.Telemetry.Commands.Add(1);
        if (line.Status == LineStatus.TooLong)
        {
            Transcript.Client("<line too long>"u8);
            return Bad(SmtpVerb.Unknown, SmtpReplies.LineTooLong);
        }

        Transcript.Client(line.Line.Span);
        if ((line.Defects & LineDefects.Nul) != 0)
        {
            return Bad(SmtpVerb.Unknown, SmtpReplies.NulCharacter);
        }

        if ((line.Defects & LineDefects.BareLineFeed) != 0)
        {
            return Bad(SmtpVerb.Unknown, SmtpReplies.BareLineFeed);
        }

        var parsed = SmtpCommandParser.Parse(line.Line.Span, new SmtpParserContext(Options.MaxCommandLineLength, Utf8Transaction));
        if (parsed.Command is not { } command)
        {
            return Bad(parsed.Verb, parsed.Error!) && !parsed.CloseConnection;
        }

        if (!SmtpStateTable.TryGetNext(State, command.Verb, out var next))
        {
            return await DiscardChunkOfAsync(command).ConfigureAwait(false) && Bad(command.Verb, SmtpStateTable.Refusal(State, command.Verb));
        }

        if (Policy.RequireTls && !IsTls && !SmtpStateTable.AllowedWithoutRequiredTls(command.Verb))
        {
            return await DiscardChunkOfAsync(command).ConfigureAwait(false) && Bad(command.Verb, SmtpReplies.StartTlsRequired);
        }

        var outcome = await SmtpCommandHandlers.For(command.Verb).HandleAsync(this, command).ConfigureAwait(false);
        switch (outcome.Result)
        {
            case CommandResult.Accepted:
                State = outcome.NextState ?? next;
                return true;
            case CommandResult.Refused:
                State = outcome.NextState ?? State;
                return true;
            case CommandResult.Bad:
                State = outcome.NextState ?? State;
                return Bad(command.Verb, outcome.Reply!);
            default:
                return false;
        }
    }

    /// <summary>Answers a protocol error, or closes with 421 once there were too many (Exchange MaxProtocolErrors).</summary>
    private bool Bad(SmtpVerb verb, SmtpReply reply)
    {
        _services.Telemetry.ProtocolErrors.Add(1);
        SmtpLog.CommandRejected(_services.Logger, Id, verb, reply.Code, reply.EnhancedStatusCode);
        if (++BadCommandCount > Options.MaxBadCommands)
        {
            SmtpLog.SessionAborted(_services.Logger, Id, RemoteEndPoint, "too many errors");
            Reply(SmtpReplies.TooManyErrors(Policy.Fqdn));
            return false;
        }

        Reply(reply);
        return true;
    }

    /// <summary>A refused BDAT's octets still follow its command line; consume them to stay in sync (RFC 3030 §2).</summary>
    private async ValueTask<bool> DiscardChunkOfAsync(SmtpCommand command) =>
        command is not BdatCommand bdat || await ReadChunkAsync(bdat.Size, receiver: null).ConfigureAwait(false);

    private void TryReply(SmtpReply reply)
    {
        try
        {
            Reply(reply);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
            SmtpLog.ConnectionLost(_services.Logger, Id);
        }
    }

    private async ValueTask FinalFlushAsync()
    {
        if (!await SessionIo.FinalFlushAsync(Transport.Output, _services.Time).ConfigureAwait(false))
        {
            SmtpLog.ConnectionLost(_services.Logger, Id);
        }
    }
}
