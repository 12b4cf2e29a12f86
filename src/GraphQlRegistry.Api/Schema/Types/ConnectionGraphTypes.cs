using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;

namespace GraphQlRegistry.Api.Schema.Types;

/// <summary>An edge of the GraphQL Cursor Connections spec: a node and the cursor to page on from it.</summary>
public abstract class EdgeGraphType<TNode, TNodeGraphType> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
    }
}

/// <summary>A connection of the GraphQL Cursor Connections spec, with <c>nodes</c> beside <c>edges</c> for clients that need no cursors.</summary>
public abstract class ConnectionGraphType<TNode, TNodeGraphType, TEdgeGraphType> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : IGraphType
{
    protected ConnectionGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
