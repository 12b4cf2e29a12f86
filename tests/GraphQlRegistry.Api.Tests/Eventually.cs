namespace GraphQlRegistry.Api.Tests;

/// <summary>For what the server does after it answers (a log commit, a request line): reads until done, for up to 10 s.</summary>
public static class Eventually
{
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var attempt = 0; attempt < 100 && !done(value); attempt++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    public static Task<T> ReadAsync<T>(Func<T> read, Func<T, bool> done) => ReadAsync(() => Task.FromResult(read()), done);
}
