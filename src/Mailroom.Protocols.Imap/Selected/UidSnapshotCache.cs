using System.Collections.Concurrent;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// The UIDs of recently selected folders as runs, shared by an engine's sessions, so a SELECT of a folder nobody
/// changed since needs no UID query. A snapshot is keyed by the folder's UIDNEXT and HIGHESTMODSEQ: appends raise the
/// first and expunges (and moves out) the second, so a folder whose pair is unchanged has exactly the same UIDs below
/// its UIDNEXT. Bounded by folder count and by runs per folder (a badly fragmented folder is not kept).
/// </summary>
public sealed class UidSnapshotCache
{
    public const int MaxFolders = 1024;

    public const int MaxRunsPerFolder = 4096;

    private readonly ConcurrentDictionary<long, Snapshot> snapshots = new();

    public bool TryGet(long folderId, uint uidNext, ulong highestModSeq, out IReadOnlyList<(uint First, uint Last)> runs)
    {
        if (snapshots.TryGetValue(folderId, out var snapshot) && snapshot.UidNext == uidNext && snapshot.HighestModSeq == highestModSeq)
        {
            runs = snapshot.Runs;
            return true;
        }

        runs = [];
        return false;
    }

    public void Store(long folderId, uint uidNext, ulong highestModSeq, UidMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.RunCount > MaxRunsPerFolder)
        {
            snapshots.TryRemove(folderId, out _);
            return;
        }

        if (snapshots.Count >= MaxFolders)
        {
            snapshots.Clear(); // crude but bounded; a miss only costs the UID query it saves
        }

        snapshots[folderId] = new Snapshot(uidNext, highestModSeq, [.. map.Ranges()]);
    }

    /// <summary>SELECT's other answers (first unseen UID, keywords), valid under the same key: flag changes raise HIGHESTMODSEQ too.</summary>
    public bool TryGetSelectData(long folderId, uint uidNext, ulong highestModSeq, out uint? firstUnseen, out IReadOnlyList<string> keywords)
    {
        if (snapshots.TryGetValue(folderId, out var snapshot) && snapshot.UidNext == uidNext && snapshot.HighestModSeq == highestModSeq
            && snapshot.Keywords is { } known)
        {
            (firstUnseen, keywords) = (snapshot.FirstUnseen, known);
            return true;
        }

        (firstUnseen, keywords) = (null, []);
        return false;
    }

    /// <summary>Adds SELECT's other answers to the folder's snapshot if it is still the one under this key.</summary>
    public void StoreSelectData(long folderId, uint uidNext, ulong highestModSeq, uint? firstUnseen, IReadOnlyList<string> keywords)
    {
        if (snapshots.TryGetValue(folderId, out var snapshot) && snapshot.UidNext == uidNext && snapshot.HighestModSeq == highestModSeq)
        {
            snapshots.TryUpdate(folderId, snapshot with { FirstUnseen = firstUnseen, Keywords = [.. keywords] }, snapshot);
        }
    }

    private sealed record Snapshot(uint UidNext, ulong HighestModSeq, (uint First, uint Last)[] Runs)
    {
        public uint? FirstUnseen { get; init; }

        public string[]? Keywords { get; init; }
    }
}
