using System.Globalization;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// How the settled level's runs merge, decided over the runs as the writer reads them inside its transaction; pure.
/// Size-tiered: a run's tier is how many times <see cref="FanIn"/> its rows exceed the settle batch, and a tier that
/// holds <see cref="FanIn"/> idle runs merges them into one new run. A merge moves its rows one slice of the key space
/// at a time, in the writer's commits, so that no commit pays for a whole merge. Pseudonyms are HMACs, so their keys
/// are uniform and a slice of a fraction of the key space moves about that fraction of the rows; the last slice moves
/// all that the sources still hold, so a key that is not hexadecimal, or text ordered otherwise, still moves.
/// </summary>
public static class CitizenIndexCompaction
{
    /// <summary>Runs merged at once: more means fewer rewrites of each row, and more runs for a reader to look in.</summary>
    public const int FanIn = 8;

    private const int KeyDigits = 16;
    private static readonly UInt128 KeySpace = (UInt128)ulong.MaxValue + 1;

    /// <summary>
    /// What to do now: merges to start (a tier's idle runs, lowest tier first), then at most one slice of about
    /// <paramref name="rows"/> rows of the smallest merge in progress, counting the merges just started.
    /// </summary>
    public static CompactionStep Plan(IReadOnlyCollection<CitizenIndexRun> runs, int batch, long rows)
    {
        var nextRun = NextRun(runs);
        var starts = runs.Where(IsIdle)
            .GroupBy(r => TierOf(r.Rows, batch))
            .Where(tier => tier.Count() >= FanIn)
            .OrderBy(tier => tier.Key)
            .Select(tier => new MergeStart(nextRun++, tier.Sum(r => r.Rows), tier.Select(r => r.Run).Order().ToArray()))
            .ToArray();

        var inProgress = runs.Where(r => r.MergedBelow is not null).Select(r => (r.Run, r.Rows, From: r.MergedBelow!))
            .Concat(starts.Select(s => (Run: s.Target, s.Rows, From: "")))
            .OrderBy(m => m.Rows).ThenBy(m => m.Run)
            .ToArray();
        var slice = inProgress.Length == 0 ? (MergeSlice?)null : SliceOf(inProgress[0].Run, inProgress[0].Rows, inProgress[0].From, rows);
        return new CompactionStep(starts, slice);
    }

    /// <summary>The id of the next run: above every run, so a new run's rows go to the end of the b-tree.</summary>
    public static long NextRun(IReadOnlyCollection<CitizenIndexRun> runs) => runs.Count == 0 ? 1 : runs.Max(r => r.Run) + 1;

    /// <summary>The tier of a run of <paramref name="rows"/> rows: 0 below <c>batch × FanIn</c>, one more for each further factor.</summary>
    public static int TierOf(long rows, int batch)
    {
        var tier = 0;
        for (var bound = (decimal)batch * FanIn; rows >= bound; bound *= FanIn)
        {
            tier++;
        }

        return tier;
    }

    private static bool IsIdle(CitizenIndexRun run) => run.MergingInto is null && run.MergedBelow is null;

    /// <summary>From <paramref name="from"/>, the share of the key space that holds about <paramref name="rows"/> of the merge's rows.</summary>
    private static MergeSlice SliceOf(long target, long mergeRows, string from, long rows)
    {
        // Whatever lies below the bound has left the sources, so moving all that remains from "" is always right.
        if (PositionOf(from) is not { } start)
        {
            return new MergeSlice(target, "", null);
        }

        if (rows >= mergeRows)
        {
            return new MergeSlice(target, from, null);
        }

        var width = (KeySpace * (UInt128)rows + (UInt128)mergeRows - 1) / (UInt128)mergeRows;
        var until = start + width;
        return until >= KeySpace ? new MergeSlice(target, from, null) : new MergeSlice(target, from, ((ulong)until).ToString("x16", CultureInfo.InvariantCulture));
    }

    private static UInt128? PositionOf(string bound) =>
        bound.Length == 0 ? 0
        : bound.Length == KeyDigits && ulong.TryParse(bound, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var position)
            && bound == position.ToString("x16", CultureInfo.InvariantCulture) ? position
        : null;
}

/// <summary>Merges to start and the slice to move, in that order, in one transaction.</summary>
public sealed record CompactionStep(IReadOnlyList<MergeStart> Starts, MergeSlice? Slice);

/// <summary>A new run <paramref name="Target"/> that will receive the rows of <paramref name="Sources"/>.</summary>
public sealed record MergeStart(long Target, long Rows, IReadOnlyList<long> Sources);

/// <summary>
/// Move the keys from <paramref name="From"/> (inclusive) up to <paramref name="Until"/> (exclusive) from the merge's
/// sources into <paramref name="Target"/>; when <paramref name="Until"/> is null, the merge's last slice, move all
/// that the sources still hold. Bounds are 16 lowercase hexadecimal digits or "" (the start), never text read from
/// elsewhere, so they can be written into SQL as they are.
/// </summary>
public readonly record struct MergeSlice(long Target, string From, string? Until);
