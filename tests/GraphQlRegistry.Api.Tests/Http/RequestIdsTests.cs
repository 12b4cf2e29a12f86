using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Http;
using Microsoft.AspNetCore.Http;

namespace GraphQlRegistry.Api.Tests.Http;

public sealed class RequestIdsTests
{
    // A random hex id holds a run of twelve digits about once in fifteen: 500 draws would meet one many times over.
    [Fact]
    public void Assign_NeverDrawsAnIdThatRedactionWouldCut()
    {
        for (var i = 0; i < 500; i++)
        {
            var http = new DefaultHttpContext();
            var id = RequestIds.Assign(http);

            Assert.Equal(id, CallerText.Clean(id, id.Length));
            Assert.Equal(id, http.Response.Headers[RequestIds.Header].ToString());
            Assert.Matches("^[0-9a-f]{32}$", id);
        }
    }
}
