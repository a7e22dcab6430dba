namespace Mailroom.Protocols.Imap;

/// <summary>
/// A session's message sequence numbers (RFC 9051 §2.3.1.2): the UIDs of its selected mailbox in ascending order,
/// position = sequence number. Stored as runs of consecutive UIDs (first UID, length, messages before the run), so a
/// freshly filled 100,000-message folder costs one run, not 100,000 objects; the worst case (every other UID gone)
/// is 12 bytes per message. Lookups are binary searches over runs; expunges rebuild the runs once per batch.
/// Not thread-safe: only its session touches it.
/// </summary>
public sealed class UidMap
{
    private uint[] _first = new uint[4];
    private uint[] _length = new uint[4];
    private uint[] _before = new uint[4];
    private int _runs;

    /// <summary>Messages in the view (the last EXISTS sent).</summary>
    public uint Count { get; private set; }

    /// <summary>Runs in use (for memory tests and diagnostics).</summary>
    public int RunCount => _runs;

    /// <summary>The highest UID in the view, 0 when empty.</summary>
    public uint MaxUid => _runs == 0 ? 0 : _first[_runs - 1] + _length[_runs - 1] - 1;

    /// <summary>Adds a UID above every UID in the view (new messages arrive in UID order).</summary>
    public void Append(uint uid)
    {
        if (uid == 0 || uid <= MaxUid && _runs > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(uid), uid, "UIDs are appended in ascending order.");
        }

        if (_runs > 0 && _first[_runs - 1] + _length[_runs - 1] == uid)
        {
            _length[_runs - 1]++;
        }
        else
        {
            EnsureCapacity(_runs + 1);
            _first[_runs] = uid;
            _length[_runs] = 1;
            _before[_runs] = Count;
            _runs++;
        }

        Count++;
    }

    /// <summary>Adds the UIDs <paramref name="first"/> to <paramref name="last"/>, all above every UID in the view.</summary>
    public void AppendRange(uint first, uint last)
    {
        if (first == 0 || last < first || (_runs > 0 && first <= MaxUid))
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "A range above every UID in the view.");
        }

        if (_runs > 0 && _first[_runs - 1] + _length[_runs - 1] == first)
        {
            _length[_runs - 1] += last - first + 1;
        }
        else
        {
            EnsureCapacity(_runs + 1);
            _first[_runs] = first;
            _length[_runs] = last - first + 1;
            _before[_runs] = Count;
            _runs++;
        }

        Count += last - first + 1;
    }

    /// <summary>The UID at sequence number <paramref name="sequence"/> (1-based), or 0 when out of range.</summary>
    public uint UidAt(uint sequence)
    {
        if (sequence == 0 || sequence > Count)
        {
            return 0;
        }

        // The last run whose first message comes before this sequence number.
        int low = 0, high = _runs - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_before[mid] < sequence)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _first[low] + (sequence - 1 - _before[low]);
    }

    /// <summary>The sequence number of <paramref name="uid"/>, or 0 when it is not in the view.</summary>
    public uint SequenceOf(uint uid)
    {
        var run = RunOf(uid);
        return run < 0 ? 0 : _before[run] + (uid - _first[run]) + 1;
    }

    public bool Contains(uint uid) => RunOf(uid) >= 0;

    /// <summary>
    /// Removes <paramref name="sortedUids"/> (ascending; UIDs not in the view are skipped) in one pass and returns,
    /// for each removed UID, the sequence number it had when removed in ascending order, which is what the n-th
    /// <c>* n EXPUNGE</c> must carry (RFC 9051 §7.4.1: each EXPUNGE renumbers the messages after it).
    /// </summary>
    public List<(uint Uid, uint Sequence)> RemoveAll(IReadOnlyList<uint> sortedUids)
    {
        var removed = new List<(uint, uint)>();
        foreach (var uid in sortedUids)
        {
            var sequence = SequenceOf(uid);
            if (sequence != 0)
            {
                removed.Add((uid, sequence - (uint)removed.Count));
            }
        }

        if (removed.Count == 0)
        {
            return removed;
        }

        var first = new List<uint>(_runs + removed.Count);
        var length = new List<uint>(_runs + removed.Count);
        var next = 0;
        for (var run = 0; run < _runs; run++)
        {
            var start = _first[run];
            var end = start + _length[run]; // exclusive
            while (next < removed.Count && removed[next].Item1 < end)
            {
                var uid = removed[next++].Item1;
                if (uid > start)
                {
                    first.Add(start);
                    length.Add(uid - start);
                }

                start = uid + 1;
            }

            if (start < end)
            {
                first.Add(start);
                length.Add(end - start);
            }
        }

        _runs = first.Count;
        _first = new uint[Math.Max(4, _runs)];
        _length = new uint[_first.Length];
        _before = new uint[_first.Length];
        uint before = 0;
        for (var i = 0; i < _runs; i++)
        {
            _first[i] = first[i];
            _length[i] = length[i];
            _before[i] = before;
            before += length[i];
        }

        Count = before;
        return removed;
    }

    /// <summary>All UIDs as ranges (first, last), ascending.</summary>
    public IEnumerable<(uint First, uint Last)> Ranges()
    {
        for (var i = 0; i < _runs; i++)
        {
            yield return (_first[i], _first[i] + _length[i] - 1);
        }
    }

    private int RunOf(uint uid)
    {
        if (_runs == 0 || uid < _first[0])
        {
            return -1;
        }

        int low = 0, high = _runs - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_first[mid] <= uid)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return uid - _first[low] < _length[low] ? low : -1;
    }

    private void EnsureCapacity(int runs)
    {
        if (runs <= _first.Length)
        {
            return;
        }

        var size = Math.Max(runs, _first.Length * 2);
        Array.Resize(ref _first, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _before, size);
    }
}
