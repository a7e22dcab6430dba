using System.Reflection;

namespace Mailroom.Protocols.Imap;

/// <summary>ID (RFC 2971): the client's fields are read and ignored; the server names itself.</summary>
internal sealed class IdHandler : IImapCommandHandler
{
    private static readonly string Version =
        typeof(IdHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    public string Name => "ID";

    public IEnumerable<string> Capabilities(ImapSession session) => ["ID"];

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (args.TryList(out var fields))
        {
            // RFC 2971 §3.3: at most 30 field-value pairs, fields at most 30 octets, values at most 1024.
            if (fields.Count % 2 != 0 || fields.Count > 60 || fields.Any(f => !f.IsString && !f.IsNil))
            {
                return ValueTask.FromResult(ImapResult.Bad("Syntax: ID (field value …) or ID NIL"));
            }
        }
        else if (!args.TryKeyword("NIL"))
        {
            return ValueTask.FromResult(ImapResult.Bad("Syntax: ID (field value …) or ID NIL"));
        }

        if (!args.AtEnd)
        {
            return ValueTask.FromResult(ImapResult.Bad("Syntax: ID (field value …) or ID NIL"));
        }

        session.Writer.StartUntagged().Atom("ID (").String("name").Space().String("Mailroom").Space()
            .String("version").Space().String(Version).Space().String("vendor").Space().String("Mailroom").CloseList().EndLine();
        return ValueTask.FromResult(ImapResult.Ok("ID completed"));
    }
}
