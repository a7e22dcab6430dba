using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// LIST (RFC 9051 §6.3.9) with LIST-EXTENDED (RFC 5258: selection SUBSCRIBED, RECURSIVEMATCH, SPECIAL-USE; return
/// SUBSCRIBED, CHILDREN, SPECIAL-USE), SPECIAL-USE attributes (RFC 6154) and LIST-STATUS (RFC 5819).
/// \HasChildren/\HasNoChildren are always sent (IMAP4rev2 requires them), and so are special-use attributes.
/// </summary>
internal sealed class ListHandler : IImapCommandHandler
{
    private const string Syntax = "Syntax: LIST [(selection)] reference pattern [RETURN (options)]";

    public string Name => "LIST";

    public IEnumerable<string> Capabilities(ImapSession session) => ["LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE", "CHILDREN"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (!TryParse(session, command, out var request, out var error))
        {
            return ImapResult.Bad(error ?? Syntax);
        }

        var folders = await session.Store.ListFoldersAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
        if (request.Patterns is [""] && request.Selection == Selection.None)
        {
            // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the reference's root.
            session.Writer.Untagged("LIST (\\Noselect) \"/\" \"\"");
            return ImapResult.Ok("LIST completed");
        }

        var subscribed = request.NeedsSubscriptions
            ? new HashSet<string>((await session.Store.ListSubscriptionsAsync(session.Mailbox, session.Aborted).ConfigureAwait(false)).Select(ImapMailboxNames.ToImap), StringComparer.OrdinalIgnoreCase)
            : [];
        var byName = folders.ToDictionary(f => ImapMailboxNames.ToImap(f.Name), StringComparer.OrdinalIgnoreCase);
        var patterns = request.Patterns.Select(p => new ListPattern(request.Reference, p)).ToList();
        var names = byName.Keys.Concat(request.Selection.HasFlag(Selection.Subscribed) ? subscribed : [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!patterns.Any(p => p.Matches(name)))
            {
                continue;
            }

            byName.TryGetValue(name, out var folder);
            var isSubscribed = subscribed.Contains(name);
            var childSubscribed = request.Selection.HasFlag(Selection.RecursiveMatch) && !isSubscribed
                && subscribed.Any(s => s.StartsWith(name + ImapMailboxNames.Delimiter, StringComparison.OrdinalIgnoreCase));
            if (request.Selection.HasFlag(Selection.Subscribed) && !isSubscribed && !childSubscribed
                || request.Selection.HasFlag(Selection.SpecialUse) && folder?.SpecialUse is null)
            {
                continue;
            }

            WriteList(session, request, name, folder, folders, isSubscribed, childSubscribed);
            if (request.StatusItems is { } items && folder is not null)
            {
                await StatusItems.WriteAsync(session, folder, items).ConfigureAwait(false);
            }
        }

        return ImapResult.Ok("LIST completed");
    }

    private static void WriteList(ImapSession session, ListRequest request, string name, MailFolder? folder, IReadOnlyList<MailFolder> folders,
        bool isSubscribed, bool childSubscribed)
    {
        var attributes = new List<string>();
        if (folder is null)
        {
            attributes.Add("\\NonExistent");
        }
        else
        {
            var prefix = folder.Name + ImapMailboxNames.Delimiter;
            attributes.Add(folders.Any(f => f.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? "\\HasChildren" : "\\HasNoChildren");
            if (folder.SpecialUse is { } specialUse)
            {
                attributes.Add(specialUse);
            }
        }

        if (isSubscribed && request.ReportSubscribed)
        {
            attributes.Add("\\Subscribed");
        }

        var writer = session.Writer.StartUntagged().Atom("LIST (").Atom(string.Join(' ', attributes)).Atom(") \"/\" ").Mailbox(name);
        if (childSubscribed)
        {
            writer.Atom(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
        }

        writer.EndLine();
    }

    private static bool TryParse(ImapSession session, ImapCommand command, out ListRequest request, out string? error)
    {
        request = new ListRequest();
        error = null;
        var args = command.Reader();
        if (args.Peek is { Kind: ImapTokenKind.List } && args.TryList(out var selection))
        {
            foreach (var option in selection)
            {
                request.Selection |= option.Kind != ImapTokenKind.Atom ? Selection.Invalid : option.Text.ToUpperInvariant() switch
                {
                    "SUBSCRIBED" => Selection.Subscribed,
                    "RECURSIVEMATCH" => Selection.RecursiveMatch,
                    "SPECIAL-USE" => Selection.SpecialUse,
                    "REMOTE" => Selection.None, // RFC 5258 §3.1: no remote mailboxes here, so nothing to add
                    _ => Selection.Invalid,
                };
            }

            // RFC 5258 §3.1: RECURSIVEMATCH alone is an error; unknown options too.
            if (request.Selection.HasFlag(Selection.Invalid)
                || request.Selection.HasFlag(Selection.RecursiveMatch) && !request.Selection.HasFlag(Selection.Subscribed))
            {
                error = "Invalid LIST selection options";
                return false;
            }
        }

        if (!args.TryMailbox(session.Utf8, out var reference))
        {
            return false;
        }

        request.Reference = reference;
        if (args.Peek is { Kind: ImapTokenKind.List } && args.TryList(out var patternList))
        {
            var patternReader = new ImapArgumentReader(patternList);
            while (patternReader.TryMailbox(session.Utf8, out var pattern))
            {
                request.Patterns.Add(pattern);
            }

            if (!patternReader.AtEnd || request.Patterns.Count == 0)
            {
                return false;
            }
        }
        else if (args.TryMailbox(session.Utf8, out var pattern))
        {
            request.Patterns.Add(pattern);
        }
        else
        {
            return false;
        }

        if (args.TryKeyword("RETURN"))
        {
            if (!args.TryList(out var options) || !TryParseReturn(options, request))
            {
                error = "Invalid LIST return options";
                return false;
            }
        }

        return args.AtEnd;
    }

    private static bool TryParseReturn(IReadOnlyList<ImapToken> options, ListRequest request)
    {
        var reader = new ImapArgumentReader(options);
        while (!reader.AtEnd)
        {
            if (reader.TryKeyword("SUBSCRIBED"))
            {
                request.ReturnSubscribed = true;
            }
            else if (reader.TryKeyword("CHILDREN") || reader.TryKeyword("SPECIAL-USE"))
            {
                // Always sent.
            }
            else if (reader.TryKeyword("STATUS"))
            {
                if (!reader.TryList(out var items) || !StatusItems.TryParse(items, out var names))
                {
                    return false;
                }

                request.StatusItems = names;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    [Flags]
    private enum Selection
    {
        None = 0,
        Subscribed = 1,
        RecursiveMatch = 2,
        SpecialUse = 4,
        Invalid = 8,
    }

    private sealed class ListRequest
    {
        public Selection Selection { get; set; }

        public string Reference { get; set; } = string.Empty;

        public List<string> Patterns { get; } = [];

        public bool ReturnSubscribed { get; set; }

        public List<string>? StatusItems { get; set; }

        public bool ReportSubscribed => ReturnSubscribed || Selection.HasFlag(Selection.Subscribed);

        public bool NeedsSubscriptions => ReportSubscribed;
    }
}
