using Mailroom.Mailboxes.Model;
using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

public sealed partial class ImapSession
{
    private int _badCommands;

    /// <summary>Greets (or refuses) the client, then runs commands until LOGOUT, a fatal error, a timeout or EOF.
    /// Never throws for anything the client does.</summary>
    internal async Task RunAsync(string? refusal)
    {
        var logger = _services.Logger;
        try
        {
            if (refusal is not null)
            {
                Writer.Untagged("BYE " + refusal);
                return;
            }

            // RFC 9051 §7.1.1: the greeting may carry the capabilities, saving the client a round trip.
            Writer.StartUntagged().Atom("OK [CAPABILITY ").Atom(string.Join(' ', ImapCapabilities.For(this)))
                .Atom("] ").Atom(Options.ServerName).Atom(" Mailroom IMAP4 service ready").EndLine();
            while (State != ImapState.Logout)
            {
                var read = await ReadCommandAsync().ConfigureAwait(false);
                if (read.EndOfInput || !await ProcessAsync(read).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (EndReason is { } reason)
        {
            ImapLog.EndedByServer(logger, Id, reason);
            TryWrite("BYE " + reason);
        }
        catch (OperationCanceledException) when (Timeouts.Expired != TimeoutKind.None)
        {
            ImapLog.TimedOut(logger, Id, Timeouts.Expired);
            TryWrite("BYE Autologout; idle for too long");
        }
        catch (OperationCanceledException)
        {
            ImapLog.ConnectionLost(logger, Id);
            TryWrite("BYE Server shutting down");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException { Source: "System.IO.Pipelines" })
        {
            ImapLog.ConnectionLost(logger, Id);
        }
        catch (Exception ex)
        {
            ImapLog.SessionFailed(logger, Id, ex);
            TryWrite("BYE Internal server error");
        }
        finally
        {
            Subscription?.Dispose();
            await FinalFlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs one command read; false ends the session.</summary>
    private async ValueTask<bool> ProcessAsync(CommandRead read)
    {
        CommandCount++;
        if (read.Command is not { } command)
        {
            Writer.Status(read.Tag, ImapStatus.Bad, read.Code, read.Error ?? "Syntax error");
            return !read.Close && CountBad();
        }

        if (State == ImapState.NotAuthenticated && CommandCount > Options.MaxCommandsBeforeLogin)
        {
            Writer.Untagged("BYE Too many commands without logging in");
            return false;
        }

        if (MailboxId is { } mailbox && command.Name != "LOGOUT" && !await IsSessionAllowedAsync(mailbox).ConfigureAwait(false))
        {
            ImapLog.AccessRevoked(_services.Logger, Id);
            Writer.Untagged("BYE [AUTHORIZATIONFAILED] Access denied by policy");
            return false;
        }

        var result = await DispatchAsync(command).ConfigureAwait(false);
        if (!await FinishCommandAsync().ConfigureAwait(false))
        {
            Writer.Untagged("BYE [TOOBIG] The rest of the command was too large to skip");
            return false;
        }

        if (result.Status == ImapStatus.Close)
        {
            return false;
        }

        if (result.NextState is { } next)
        {
            State = next;
        }

        if (result.Status == ImapStatus.Answered)
        {
            return true;
        }

        // RFC 9051 §7: untagged updates before the completion; no EXPUNGE during FETCH, STORE or SEARCH by sequence number.
        if (Selected is { } selected && State == ImapState.Selected)
        {
            DrainChangeHints();
            var allowExpunge = command.IsUid || command.Name is not ("FETCH" or "STORE" or "SEARCH");
            await selected.ReportChangesAsync(this, allowExpunge).ConfigureAwait(false);
        }

        Writer.Status(command.Tag, result.Status, result.Code, result.Text);
        if (result.Status != ImapStatus.Ok)
        {
            ImapLog.CommandRejected(_services.Logger, Id, command.DisplayName, result.Status, result.Text);
        }

        return result.Status != ImapStatus.Bad || CountBad();
    }

    private async ValueTask<ImapResult> DispatchAsync(ImapCommand command)
    {
        if (!ImapStateTable.AllCommands.Contains(command.Name))
        {
            return ImapResult.Bad("Unknown command " + Printable(command.DisplayName));
        }

        if (command.IsUid && !ImapStateTable.UidCommands.Contains(command.Name))
        {
            return ImapResult.Bad($"UID {command.Name} is not a command");
        }

        if (!ImapStateTable.IsAllowed(State, command.IsUid ? "UID" : command.Name)
            || (command.IsUid && !ImapStateTable.IsAllowed(State, command.Name)))
        {
            return ImapResult.Bad(ImapStateTable.Refusal(State, command.IsUid ? "UID" : command.Name));
        }

        if (!ImapCommandHandlers.TryGet(command.Name, out var handler))
        {
            return ImapResult.Bad(command.DisplayName + " is not implemented");
        }

        try
        {
            return await handler.HandleAsync(this, command).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT");
        }
        catch (MailboxNotFoundException)
        {
            return ImapResult.No("The mailbox is not available", "UNAVAILABLE");
        }
        catch (FolderOperationException ex)
        {
            return ImapResult.No(ex.Message, ex.Reason switch
            {
                FolderError.AlreadyExists => "ALREADYEXISTS",
                FolderError.HasChildren => "INUSE",
                _ => "CANNOT",
            });
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException or ObjectDisposedException))
        {
            ImapLog.CommandFailed(_services.Logger, Id, command.DisplayName, ex);
            return ImapResult.No("Internal error; the command did nothing or only part of it", "SERVERBUG");
        }
    }

    /// <summary>The backend's per-command access check; a failing backend doesn't end the session.</summary>
    internal async ValueTask<bool> IsSessionAllowedAsync(Guid mailbox)
    {
        try
        {
            return await Backend.IsSessionAllowedAsync(Connection, mailbox, Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ImapLog.BackendFailed(_services.Logger, Id, "IsSessionAllowedAsync", ex);
            return true;
        }
    }

    /// <summary>Counts a BAD; false (after <c>* BYE</c>) once there were too many.</summary>
    private bool CountBad()
    {
        if (++_badCommands <= Options.MaxBadCommands)
        {
            return true;
        }

        ImapLog.SessionAborted(_services.Logger, Id, RemoteEndPoint, "too many protocol errors");
        Writer.Untagged("BYE Too many protocol errors");
        return false;
    }

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(c => c is < ' ' or > '~') ? "(unprintable)" : text;

    private void TryWrite(string untagged)
    {
        try
        {
            Writer.Untagged(untagged);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
            ImapLog.ConnectionLost(_services.Logger, Id);
        }
    }

    private async ValueTask FinalFlushAsync()
    {
        if (!await SessionIo.FinalFlushAsync(Transport.Output, _services.Time).ConfigureAwait(false))
        {
            ImapLog.ConnectionLost(_services.Logger, Id);
        }
    }
}
