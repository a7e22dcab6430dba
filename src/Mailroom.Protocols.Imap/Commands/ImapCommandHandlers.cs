using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Mailroom.Protocols.Imap;

/// <summary>The name → handler lookup, built once by discovering every <see cref="IImapCommandHandler"/> in this assembly.</summary>
public static class ImapCommandHandlers
{
    private static readonly FrozenDictionary<string, IImapCommandHandler> ByName = Discover();

    /// <summary>Every handler, in name order (CAPABILITY asks each for its atoms).</summary>
    public static IReadOnlyList<IImapCommandHandler> All { get; } = [.. ByName.Values.OrderBy(h => h.Name, StringComparer.Ordinal)];

    public static bool TryGet(string name, [NotNullWhen(true)] out IImapCommandHandler? handler) => ByName.TryGetValue(name, out handler);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Handlers live in this assembly and are kept by it.")]
    private static FrozenDictionary<string, IImapCommandHandler> Discover()
    {
        var handlers = new Dictionary<string, IImapCommandHandler>(StringComparer.Ordinal);
        foreach (var type in typeof(ImapCommandHandlers).Assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface || !typeof(IImapCommandHandler).IsAssignableFrom(type)
                || type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not { } constructor)
            {
                continue;
            }

            var handler = (IImapCommandHandler)constructor.Invoke(null);
            if (!ImapStateTable.AllCommands.Contains(handler.Name))
            {
                throw new InvalidOperationException($"{type.Name} handles {handler.Name}, which ImapStateTable does not list.");
            }

            if (!handlers.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException($"Two handlers for {handler.Name}: {handlers[handler.Name].GetType().Name} and {type.Name}.");
            }
        }

        return handlers.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
