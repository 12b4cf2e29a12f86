using System.Collections.Concurrent;
using GraphQL;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Api.Schema.Types;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>
/// The root citizen reads. Each reads only the columns the caller may see (and, for a single record, only those it
/// asked for), applies the row rules before returning a row, and leaves field decisions to the middleware.
/// </summary>
public sealed class CitizenQueries(IDbContextFactory<RegistryDbContext> contexts, PreparedReads reads, SchemaRules rules, CitizenPseudonym pseudonym)
{
    public const int MaxPageSize = 500;

    // A grant scoped to a unit reads the residence columns too: the row rule checks the record against its unit.
    private static readonly ulong ResidenceColumns = CitizenColumns.Mask(CitizenCatalogue.Residence);

    // An identity check reads what it compares, and the residence for the row rule, whatever the caller selects.
    private static readonly ulong ComparedColumns =
        CitizenColumns.Mask([.. CitizenCatalogue.Get("fullName").ClearColumns, .. CitizenCatalogue.Get("dateOfBirth").ClearColumns]) | ResidenceColumns;

    private readonly (IEntityType Citizen, ISqlGenerationHelper Sql) _model = CitizenModel(contexts);

    // One statement per column set in use.
    private readonly ConcurrentDictionary<ulong, CitizenByIdStatement> _lookups = new();

    public async Task<CitizenSource?> FindAsync(IResolveFieldContext context, string personalId)
    {
        var (caller, citizenRef) = BeginRecordRead(context, personalId);
        context.ReachCitizen(citizenRef);

        var row = await LookupAsync(personalId, RequestedColumns(context, caller), context.CancellationToken);
        if (row is null)
        {
            RefuseWhenScoped(context, caller, citizenRef);
            return null;
        }

        return CheckRow(caller, row) is ErrorCode refusal ? throw context.Refuse(refusal, citizenRef) : new CitizenSource(row, citizenRef);
    }

    public async Task<Connection<CitizenSource>> SearchAsync(IResolveFieldContext context, CitizenFilter? filter, IReadOnlyList<CitizenOrder>? order, int first, string? after)
    {
        var caller = context.RequireDataCaller();
        if (!caller.Type.IsStateAgency())
        {
            throw context.Refuse(ErrorCode.QueryNotPermitted);
        }

        if (first is < 0 or > MaxPageSize)
        {
            throw RegistryError.At(ErrorCode.InvalidArgument, context, $"first must be between 0 and {MaxPageSize}.");
        }

        var offset = after is null ? 0 : OffsetCursor.Decode(after) ?? throw RegistryError.At(ErrorCode.InvalidCursor, context);
        var columns = ReadableColumns(caller);

        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var query = (filter ?? CitizenFilter.None).Apply(db.Citizens.AsNoTracking());
        if (caller.Grant.ScopeUnitCode is { } scope)
        {
            query = query.Where(CitizenCatalogue.LivesIn(scope));
        }

        var rows = await CitizenOrder.Apply(query, order ?? []).Skip(offset).Take(first + 1)
            .Select(CitizenColumns.Projection(columns)).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select((row, i) => new Edge<CitizenSource>(new CitizenSource(row, pseudonym.Of(row.PersonalId)), OffsetCursor.Encode(offset + i + 1))).ToList();
        var compared = string.Join(", ", (filter?.ComparedFields() ?? []).Concat((order ?? []).Select(key => key.Key.ComparedField)).Distinct());
        foreach (var edge in page)
        {
            context.ReachCitizen(edge.Node.CitizenRef, compared);
        }

        return new Connection<CitizenSource>(page, rows.Count > first, offset > 0);
    }

    public async Task<IdentityMatch?> VerifyAsync(IResolveFieldContext context, string personalId, string? fullName, DateOnly? dateOfBirth)
    {
        var (caller, citizenRef) = BeginRecordRead(context, personalId);
        context.ReachCitizen(citizenRef, string.Join(", ", Compared(fullName, dateOfBirth)));

        var row = await LookupAsync(personalId, ComparedColumns, context.CancellationToken);
        if (row is null)
        {
            RefuseWhenScoped(context, caller, citizenRef);
        }
        else if (CheckRow(caller, row) is ErrorCode refusal)
        {
            throw context.Refuse(refusal, citizenRef);
        }

        return new IdentityMatch(
            row is not null,
            row is not null && fullName is not null && string.Equals(row.FullName, fullName.Trim(), StringComparison.Ordinal),
            row is not null && dateOfBirth is not null && row.DateOfBirth == dateOfBirth,
            citizenRef);
    }

    private static IEnumerable<string> Compared(string? fullName, DateOnly? dateOfBirth)
    {
        yield return "personalId";
        if (fullName is not null)
        {
            yield return "fullName";
        }

        if (dateOfBirth is not null)
        {
            yield return "dateOfBirth";
        }
    }

    /// <summary>
    /// An id not found: for a scoped caller the answer of an id outside its scope (SPEC §3), so a lookup reveals
    /// nothing about who exists beyond the scope; for any other caller, nothing to refuse.
    /// </summary>
    private static void RefuseWhenScoped(IResolveFieldContext context, DataCaller caller, string citizenRef)
    {
        if (caller.Grant.ScopeUnitCode is not null)
        {
            throw context.Refuse(ErrorCode.OutOfJurisdiction, citizenRef);
        }
    }

    private Task<Citizen?> LookupAsync(string personalId, ulong columns, CancellationToken cancellationToken)
    {
        var statement = _lookups.GetOrAdd(columns, static (mask, model) => CitizenByIdStatement.For(model.Citizen, model.Sql, CitizenColumns.PropertiesOf(mask)), _model);
        return reads.ReadAsync(connection => connection.ReadFirstAsync(statement.Sql, [personalId], statement.ReadRow, cancellationToken), cancellationToken);
    }

    private static (IEntityType, ISqlGenerationHelper) CitizenModel(IDbContextFactory<RegistryDbContext> contexts)
    {
        using var db = contexts.CreateDbContext();
        return (db.Model.FindEntityType(typeof(Citizen))!, db.GetService<ISqlGenerationHelper>());
    }

    /// <summary>What every read of one record checks first: a data caller, a well-formed id, and a citizen's own record only.</summary>
    private (DataCaller Caller, string CitizenRef) BeginRecordRead(IResolveFieldContext context, string personalId)
    {
        var caller = context.RequireDataCaller();
        if (!PersonalId.IsWellFormed(personalId))
        {
            throw RegistryError.At(ErrorCode.InvalidPersonalId, context);
        }

        var citizenRef = pseudonym.Of(personalId);
        return caller.Type == OrganizationType.Citizen && caller.OwnPersonalId != personalId
            ? throw context.Refuse(ErrorCode.NotOwnRecord, citizenRef)
            : (caller, citizenRef);
    }

    /// <summary>Columns of the Citizen fields the request selects, as the caller may read them (denied fields read nothing).</summary>
    private ulong RequestedColumns(IResolveFieldContext context, DataCaller caller)
    {
        var columns = caller.Grant.ScopeUnitCode is null ? CitizenColumns.Key : ResidenceColumns;
        if (context.SubFields is not { } subFields)
        {
            return columns;
        }

        foreach (var (_, fieldType) in subFields.Values)
        {
            if (CitizenGraphType.CatalogueEntryOf(fieldType) is { } entry && SchemaRules.RuleOf(fieldType) is { } rule)
            {
                columns |= CitizenColumns.For(entry, caller.Decide(rule));
            }
        }

        return columns;
    }

    /// <summary>Columns of every Citizen field the caller may read, for lists (where selections vary per page).</summary>
    private ulong ReadableColumns(DataCaller caller) =>
        CitizenCatalogue.Fields.Aggregate(CitizenColumns.Key, (columns, field) =>
            rules.Table.Find(field.Coordinate) is { } rule ? columns | CitizenColumns.For(field, caller.Decide(rule)) : columns);

    private static ErrorCode? CheckRow(DataCaller caller, Citizen row)
    {
        var outcome = RowRule.Check(caller.Type, caller.OwnPersonalId, caller.Grant.ScopeUnitCode, new CitizenRow(
            row.PersonalId,
            row.PermanentProvinceCode is { } p ? new UnitPath(p, row.PermanentDistrictCode, row.PermanentCommuneCode) : null,
            row.CurrentProvinceCode is { } c ? new UnitPath(c, row.CurrentDistrictCode, row.CurrentCommuneCode) : null));
        return outcome switch
        {
            RowOutcome.Allowed => null,
            RowOutcome.NotOwnRecord => ErrorCode.NotOwnRecord,
            RowOutcome.OutOfJurisdiction => ErrorCode.OutOfJurisdiction,
        };
    }
}
