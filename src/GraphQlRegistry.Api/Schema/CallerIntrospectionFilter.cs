using System.Collections.Concurrent;
using GraphQL.Introspection;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Http;
using GraphQlRegistry.Api.Schema.Directives;

namespace GraphQlRegistry.Api.Schema;

/// <summary>
/// Introspection in the caller's view (<c>Registry:Security:Introspection = Caller</c>): a type, field or enum value is
/// shown exactly when the caller's own SDL (<see cref="CallerSchema"/>) holds it, so a client generated from
/// introspection holds exactly what <c>/graphql/sdl</c> shows. The caller is the request's <see cref="ICallerFeature"/>.
/// </summary>
public sealed class CallerIntrospectionFilter(IHttpContextAccessor http, CallerSchema callerSchema) : ISchemaFilter
{
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly HashSet<string> RuleDirectives =
        [EntitledDirective.DirectiveName, WhenPartialDirective.DirectiveName, ComparesDirective.DirectiveName, AccessLoggedDirective.DirectiveName];

    private readonly ConcurrentDictionary<string, HashSet<string>> _views = new(StringComparer.Ordinal);

    public Task<bool> AllowType(IGraphType type) =>
        Task.FromResult(IsIntrospection(type.Name) || BuiltInScalars.Contains(type.Name) || Visible().Contains(type.Name));

    public Task<bool> AllowField(IGraphType parent, IFieldType field) =>
        Task.FromResult(IsIntrospection(parent.Name) || Visible().Contains($"{parent.Name}.{field.Name}"));

    public Task<bool> AllowArgument(IFieldType field, QueryArgument argument) => Task.FromResult(true);

    public Task<bool> AllowEnumValue(EnumerationGraphType parent, EnumValueDefinition enumValue) =>
        Task.FromResult(IsIntrospection(parent.Name) || Visible().Contains($"{parent.Name}.{enumValue.Name}"));

    public Task<bool> AllowDirective(Directive directive) => Task.FromResult(!RuleDirectives.Contains(directive.Name));

    private static bool IsIntrospection(string name) => name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>What the current caller's SDL holds, computed once per kind of caller view; nothing without a caller.</summary>
    private HashSet<string> Visible() =>
        http.HttpContext?.Features.Get<ICallerFeature>()?.Resolution.Caller is { } caller
            ? _views.GetOrAdd(ViewKey(caller), _ => Names(callerSchema.DocumentFor(caller)))
            : [];

    private static string ViewKey(Caller caller) => caller switch
    {
        DataCaller data => $"data:{data.Type}:{data.Grant.Authority}:{data.Grant.Fields.Bits}",
        _ => caller.GetType().Name,
    };

    private static HashSet<string> Names(GraphQLDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in document.Definitions.OfType<GraphQLTypeDefinition>())
        {
            var name = type.Name.StringValue;
            names.Add(name);
            var members = type switch
            {
                GraphQLObjectTypeDefinition obj => (obj.Fields?.Items ?? []).Select(f => f.Name.StringValue),
                GraphQLInputObjectTypeDefinition input => (input.Fields?.Items ?? []).Select(f => f.Name.StringValue),
                GraphQLEnumTypeDefinition enumType => (enumType.Values?.Items ?? []).Select(v => v.Name.StringValue),
                _ => [],
            };
            names.UnionWith(members.Select(member => $"{name}.{member}"));
        }

        return names;
    }
}
