using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

public sealed partial class Pop3Session
{
    /// <summary>Greets the client, then runs commands until QUIT, a fatal error, a timeout, <see cref="End"/> or EOF.
    /// Never throws for anything the client does. Deletions are applied only by QUIT (RFC 1939 §6).</summary>
    internal async Task RunAsync(Pop3Response? refusal)
    {
        var logger = _services.Logger;
        try
        {
            if (refusal is not null)
            {
                Reply(refusal);
                return;
            }

            Reply(Pop3Response.Ok($"{Options.ServerName} POP3 server ready"));
            State = Pop3State.Authorization;
            while (true)
            {
                var line = await ReadLineAsync(Options.MaxCommandLineLength).ConfigureAwait(false);
                if (line.Status == LineStatus.EndOfInput || !await ProcessLineAsync(line).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (EndReason is { } reason)
        {
            Pop3Log.EndedByServer(logger, Id, reason);
            TryReply(Pop3Response.Err(Pop3ResponseCode.SysPerm, reason));
        }
        catch (OperationCanceledException) when (Timeouts.Expired != TimeoutKind.None)
        {
            Pop3Log.TimedOut(logger, Id);
            TryReply(Pop3Responses.Timeout);
        }
        catch (OperationCanceledException)
        {
            Pop3Log.ConnectionLost(logger, Id);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Pop3Log.ConnectionLost(logger, Id);
        }
        catch (Exception ex)
        {
            Pop3Log.SessionFailed(logger, Id, ex);
            TryReply(Pop3Responses.TemporaryFailure);
        }
        finally
        {
            await ReleaseMaildropAsync().ConfigureAwait(false);
            await FinalFlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Handles one line; false ends the session.</summary>
    private async ValueTask<bool> ProcessLineAsync(LineReadResult line)
    {
        CountCommand();
        if (CommandCount > Options.MaxCommandsPerSession)
        {
            Pop3Log.SessionAborted(_services.Logger, Id, RemoteEndPoint, "too many commands");
            Reply(Pop3Responses.TooManyCommands);
            return false;
        }

        _services.Telemetry.Commands.Add(1);
        if (line.Status == LineStatus.TooLong)
        {
            Transcript.Client("<line too long>");
            return Bad(Pop3Verb.Unknown, Pop3Responses.LineTooLong);
        }

        if ((line.Defects & LineDefects.Nul) != 0)
        {
            Transcript.Client("<line with NUL>");
            return Bad(Pop3Verb.Unknown, Pop3Responses.NulCharacter);
        }

        var parsed = Pop3CommandParser.Parse(line.Line.Span);
        if (parsed.Command is not { } command)
        {
            Transcript.Client(parsed.Verb == Pop3Verb.Pass ? "PASS ***" : parsed.Verb.ToString().ToUpperInvariant() + " <invalid>");
            return Bad(parsed.Verb, parsed.Error!);
        }

        Transcript.Client(command.ToString());
        if (!Pop3StateTable.TryGetNext(State, command.Verb, out var next))
        {
            return Bad(command.Verb, Pop3StateTable.Refusal(State, command.Verb));
        }

        var outcome = await Pop3CommandHandlers.For(command.Verb).HandleAsync(this, command).ConfigureAwait(false);
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
                return Bad(command.Verb, outcome.Response!);
            default:
                return false;
        }
    }

    /// <summary>Answers a protocol error, or closes once there were too many.</summary>
    private bool Bad(Pop3Verb verb, Pop3Response response)
    {
        Pop3Log.CommandRejected(_services.Logger, Id, verb, response.ToString());
        if (CountBadCommand() > Options.MaxBadCommands)
        {
            Pop3Log.SessionAborted(_services.Logger, Id, RemoteEndPoint, "too many errors");
            Reply(Pop3Responses.TooManyErrors);
            return false;
        }

        Reply(response);
        return true;
    }

    private void TryReply(Pop3Response response)
    {
        try
        {
            Reply(response);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
            Pop3Log.ConnectionLost(_services.Logger, Id);
        }
    }

    private async ValueTask FinalFlushAsync()
    {
        if (!await SessionIo.FinalFlushAsync(Transport.Output, _services.Time).ConfigureAwait(false))
        {
            Pop3Log.ConnectionLost(_services.Logger, Id);
        }
    }
}
