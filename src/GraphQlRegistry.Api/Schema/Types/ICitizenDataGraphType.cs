namespace GraphQlRegistry.Api.Schema.Types;

/// <summary>
/// Marks a graph type that serves citizen data. The SDL must mark it <c>@accessLogged</c>; this marker is how start-up
/// catches an SDL that forgot to, which would otherwise leave its fields unjudged and unlogged.
/// </summary>
public interface ICitizenDataGraphType;
