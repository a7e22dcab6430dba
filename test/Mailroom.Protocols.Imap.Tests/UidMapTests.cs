using FsCheck;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Imap.Tests;

public sealed class UidMapTests
{
    [Fact]
    public void AHundredThousandConsecutiveUidsAreOneRun()
    {
        var map = new UidMap();
        for (uint uid = 1; uid <= 100_000; uid++)
        {
            map.Append(uid);
        }

        Assert.Equal(1, map.RunCount);
        Assert.Equal(100_000u, map.Count);
        Assert.Equal(54_321u, map.UidAt(54_321));
        Assert.Equal(100_000u, map.SequenceOf(100_000));
    }

    [Fact]
    public void AppendRangeIsAppendingEachUid()
    {
        var one = new UidMap();
        var each = new UidMap();
        foreach (var (first, last) in new (uint, uint)[] { (1, 5), (6, 6), (9, 12), (20, 20) })
        {
            one.AppendRange(first, last);
            for (var uid = first; uid <= last; uid++)
            {
                each.Append(uid);
            }
        }

        Assert.Equal(each.Ranges(), one.Ranges());
        Assert.Equal((each.Count, each.RunCount), (one.Count, one.RunCount));
        Assert.Equal(10u, one.SequenceOf(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.AppendRange(20, 25));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.AppendRange(30, 29));
    }

    [Fact]
    public void UidSnapshotsAnswerOnlyForTheSameUidNextAndHighestModSeq()
    {
        var cache = new UidSnapshotCache();
        var map = new UidMap();
        map.AppendRange(1, 100);
        map.AppendRange(200, 300);
        cache.Store(7, 301, 42, map);

        Assert.True(cache.TryGet(7, 301, 42, out var runs));
        Assert.Equal([(1u, 100u), (200u, 300u)], runs);
        Assert.False(cache.TryGet(7, 302, 42, out _)); // a message arrived
        Assert.False(cache.TryGet(7, 301, 43, out _)); // something was expunged (or flagged)
        Assert.False(cache.TryGet(8, 301, 42, out _));

        var fragmented = new UidMap();
        for (uint uid = 1; uid <= (UidSnapshotCache.MaxRunsPerFolder + 1) * 2; uid += 2)
        {
            fragmented.Append(uid);
        }

        cache.Store(7, 9999, 44, fragmented);
        Assert.False(cache.TryGet(7, 9999, 44, out _));
        Assert.False(cache.TryGet(7, 301, 42, out _)); // replaced, not kept stale
    }

    [Fact]
    public void ExpungeReportsSequenceNumbersAsEachRemovalRenumbers()
    {
        var map = new UidMap();
        foreach (var uid in new uint[] { 3, 4, 5, 9, 10, 20 })
        {
            map.Append(uid);
        }

        var removed = map.RemoveAll([4, 7, 10, 20]);
        // 4 was message 2; 10 was message 5, then 4 after the first removal; 20 was 6, then 4.
        Assert.Equal([(4u, 2u), (10u, 4u), (20u, 4u)], removed);
        Assert.Equal([3u, 5u, 9u], Enumerable.Range(1, (int)map.Count).Select(s => map.UidAt((uint)s)));
        Assert.Equal(0u, map.SequenceOf(4));
        Assert.Equal(0u, map.UidAt(4));
    }

    [Property(MaxTest = 300)]
    public bool BehavesLikeASortedList(PositiveInt[] gaps, int[] removals)
    {
        var map = new UidMap();
        var model = new List<uint>();
        uint uid = 0;
        foreach (var gap in gaps ?? [])
        {
            uid += (uint)Math.Min(gap.Get, 5);
            map.Append(uid);
            model.Add(uid);
        }

        var remove = (removals ?? []).Where(_ => model.Count > 0).Select(r => model[Math.Abs(r % model.Count)]).Distinct().Order().ToList();
        var expected = new List<(uint, uint)>();
        var shrinking = model.ToList();
        foreach (var gone in remove)
        {
            expected.Add((gone, (uint)shrinking.IndexOf(gone) + 1));
            shrinking.Remove(gone);
        }

        return map.RemoveAll(remove).SequenceEqual(expected)
            && map.Count == shrinking.Count
            && shrinking.Select((u, i) => map.UidAt((uint)i + 1) == u && map.SequenceOf(u) == i + 1).All(ok => ok)
            && remove.All(r => !map.Contains(r));
    }
}
