using GraphQL;
using GraphQL.DataLoader;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>
/// Batches relative look-ups of one request: every father, mother, spouse and household head asked for at one level
/// of the response is read in a single query of two columns (id and name), never one query per row.
/// </summary>
public sealed class RelativeLoader(IDbContextFactory<RegistryDbContext> contexts, CitizenPseudonym pseudonym)
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelativeValue> _loaded = new(StringComparer.Ordinal);

    /// <summary>The relative with this id, batched with the request's other relatives; null when there is none.</summary>
    public static object? Load(IResolveFieldContext context, string? personalId) =>
        personalId is null ? null : context.RequestContext().Relatives.Load(personalId);

    private IDataLoaderResult Load(string personalId)
    {
        if (!_loaded.ContainsKey(personalId))
        {
            _pending.Add(personalId);
        }

        return new PendingRelative(this, personalId);
    }

    private async Task<RelativeValue?> GetAsync(string personalId, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            await DispatchAsync(cancellationToken);
        }

        return _loaded.GetValueOrDefault(personalId);
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var ids = _pending.ToArray();
        _pending.Clear();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var relatives = await db.Citizens.AsNoTracking()
            .Where(c => ids.Contains(c.PersonalId))
            .Select(c => new { c.PersonalId, c.FullName })
            .ToListAsync(cancellationToken);
        foreach (var relative in relatives)
        {
            _loaded[relative.PersonalId] = new RelativeValue(relative.PersonalId, relative.FullName, pseudonym.Of(relative.PersonalId));
        }
    }

    private sealed class PendingRelative(RelativeLoader loader, string personalId) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            await loader.GetAsync(personalId, cancellationToken);
    }
}
