using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Anuyat.Web.Tests.Idempotency;

/// <summary>Idempotency-Key on a real POST (the upload API): the side effect counted is the uploaded_files rows.</summary>
public sealed class IdempotencyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Post_SameKeySameBodyTwice_OneSideEffectAndTheFirstResponseReplayed(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Pdf($"/Title ({Guid.NewGuid():N})");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, bytes, key);
        var second = await PostAsync(client, bytes, key); // a new multipart boundary, as a real client's retry would have

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType?.ToString(), second.Content.Headers.ContentType?.ToString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await UploadCountAsync(app, account.Id));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Post_SameKeyOtherBody_422KeyReusedAndNoSecondSideEffect(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, Corpus.Pdf("/Title (one)"), key);

        var response = await PostAsync(client, Corpus.Pdf("/Title (two)"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://anuyat.example/problems/idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(1, await UploadCountAsync(app, account.Id));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Post_NoKey_EachRequestRuns(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Pdf();

        var first = await PostAsync(client, bytes, key: null);
        var second = await PostAsync(client, bytes, key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await UploadCountAsync(app, account.Id));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Post_SameKeyDifferentAccounts_EachHasItsOwnKey(Db db)
    {
        var app = await SharedApps.Get(db);
        var (alice, aliceAccount) = await TestAccounts.ApiClientAsync(app);
        var (bob, bobAccount) = await TestAccounts.ApiClientAsync(app);
        var key = "shared-" + Guid.NewGuid();

        var a = await PostAsync(alice, Corpus.Png("alice"), key);
        var b = await PostAsync(bob, Corpus.Png("bob"), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (a.StatusCode, b.StatusCode));
        Assert.Equal((1, 1), (await UploadCountAsync(app, aliceAccount.Id), await UploadCountAsync(app, bobAccount.Id)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Post_ConcurrentDuplicates_ExactlyOneRuns(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Pdf($"/Title ({Guid.NewGuid():N})");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(client, bytes, key)));

        Assert.Equal(1, await UploadCountAsync(app, account.Id));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("https://anuyat.example/problems/idempotency-in-progress", problem.GetProperty("type").GetString());
            Assert.Equal("1", conflict.Headers.GetValues("Retry-After").Single());
        }

        var retry = await PostAsync(client, bytes, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(1, await UploadCountAsync(app, account.Id));
    }

    [Theory]
    [InlineData(Db.Sqlite, "key with spaces")]
    [InlineData(Db.Postgres, "key with spaces")]
    [InlineData(Db.Sqlite, "this-key-is-far-too-long-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData(Db.Sqlite, "มีภาษาไทย")]
    public async Task Post_MalformedKey_400AndNothingRuns(Db db, string key)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads") { Content = UploadsApiTests.Multipart(Corpus.Pdf(), "a.pdf") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(0, await UploadCountAsync(app, account.Id));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task PurgeExpired_After24Hours_RecordGoneAndKeyRunsAgain(Db db)
    {
        var app = await SharedApps.Get(db);
        var caller = "account:" + Guid.NewGuid().ToString("N");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await app.WithScopeAsync(async s =>
        {
            var store = new IdempotencyStore(s.GetRequiredService<AnuyatDbContext>(), clock);
            var begin = await store.BeginAsync(caller, "k1", new string('a', 64));
            await store.CompleteAsync(begin.Record!, 201, "application/json", null, "{}"u8.ToArray());
            return 0;
        });

        var decisions = await app.WithScopeAsync(async s =>
        {
            var store = new IdempotencyStore(s.GetRequiredService<AnuyatDbContext>(), clock);
            clock.Advance(TimeSpan.FromHours(23));
            var within = (await store.BeginAsync(caller, "k1", new string('a', 64))).Decision;
            var purgedEarly = await store.PurgeExpiredAsync();
            clock.Advance(TimeSpan.FromHours(1));
            await store.PurgeExpiredAsync();
            var left = await s.GetRequiredService<AnuyatDbContext>().IdempotencyRecords.CountAsync(r => r.Caller == caller);
            var after = (await store.BeginAsync(caller, "k1", new string('b', 64))).Decision;
            return (within, purgedEarly, left, after);
        });

        Assert.Equal(IdempotencyDecision.Replay, decisions.within);
        Assert.Equal(0, decisions.left);
        Assert.Equal(IdempotencyDecision.Run, decisions.after);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads") { Content = UploadsApiTests.Multipart(bytes, "plan.pdf") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static Task<int> UploadCountAsync(AnuyatApp app, Guid accountId) =>
        app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().UploadedFiles.CountAsync(f => f.AccountId == accountId));
}
