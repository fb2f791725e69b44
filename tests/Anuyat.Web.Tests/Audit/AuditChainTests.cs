using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Cli;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Audit;

public sealed class AuditChainTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_CleanChain_IsOkWithCountAndCommandExitsZero(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 5);

        var (code, output, error) = await RunVerifyAsync(database);

        Assert.Equal(0, code);
        Assert.Equal("ok 5 entries", output.Trim());
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_FieldChangedBySql_FailsNamingTheEntry(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 5);
        await database.ExecuteAsync("UPDATE audit_events SET summary_en = 'Nothing happened' WHERE sequence = 3");

        var (code, _, error) = await RunVerifyAsync(database);

        Assert.NotEqual(0, code);
        Assert.StartsWith("broken at entry 3: its contents do not match its hash", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_ChangedDetailsAndRehashedRow_FailsAtTheNextEntry(Db db)
    {
        // A careful attacker recomputes the changed row's hash; the next entry's previous-hash still gives it away.
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 4);
        await using (var context = database.NewContext())
        {
            var row = await context.AuditEvents.SingleAsync(e => e.Sequence == 2);
            row.Details = """{"note":"rewritten"}""";
            row.Hash = AuditHashing.Compute(row);
            await context.SaveChangesAsync();
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Ok);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("previous-hash", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_RowDeletedBySql_FailsNamingTheMissingEntry(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 5);
        await database.ExecuteAsync("DELETE FROM audit_events WHERE sequence = 2");

        var (code, _, error) = await RunVerifyAsync(database);

        Assert.NotEqual(0, code);
        Assert.Equal("broken at entry 2: entry missing (the sequence jumps from 1 to 3); a row was deleted", error.Trim());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_TwoRowsSequenceNumbersSwapped_FailsAtTheFirstOfThem(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 5);
        await database.ExecuteAsync("UPDATE audit_events SET sequence = -1 WHERE sequence = 3");
        await database.ExecuteAsync("UPDATE audit_events SET sequence = 3 WHERE sequence = 4");
        await database.ExecuteAsync("UPDATE audit_events SET sequence = 4 WHERE sequence = -1");

        var (code, _, error) = await RunVerifyAsync(database);

        Assert.NotEqual(0, code);
        Assert.StartsWith("broken at entry 3:", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Verify_LastRowsDeletedAfterSignedCheckpoint_FailsNamingTheEntry(Db db)
    {
        // Removing rows from the end leaves a valid shorter chain; only the signed checkpoint can tell.
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 4);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var output = new StringWriter();
            Assert.Equal(0, await AuditCommands.CheckpointAsync(scope.ServiceProvider.GetRequiredService<AuditCheckpoints>(), output));
            Assert.StartsWith("ok checkpoint at entry 4 written to ", output.ToString(), StringComparison.Ordinal);
        }

        Assert.True((await VerifyAsync(database)).Ok);
        await database.ExecuteAsync("DELETE FROM audit_events WHERE sequence = 4");

        var (code, _, error) = await RunVerifyAsync(database);

        Assert.NotEqual(0, code);
        Assert.StartsWith("broken at entry 4: entry missing, but a signed checkpoint covers 4 entries", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Checkpoint_ExportedFile_IsSignedByTheServerKeyOverLastSequenceAndHash(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 3);
        await using var scope = database.Services.CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();

        var made = await checkpoints.CreateAsync();

        Assert.NotNull(made);
        var head = await scope.ServiceProvider.GetRequiredService<AnuyatDbContext>().AuditEvents.SingleAsync(e => e.Sequence == 3);
        var publicKey = checkpoints.PublicKey();
        var note = CheckpointNote.ParseAndVerify(await File.ReadAllTextAsync(made.Value.File), publicKey);
        Assert.NotNull(note);
        Assert.Equal((3L, head.Hash), (note.Sequence, note.Hash));
        Assert.True(File.Exists(Path.Combine(database.Data.Keys, AuditSigningKey.PublicKeyFile)));

        // One changed digit in the exported note and the signature no longer holds.
        var forged = (await File.ReadAllTextAsync(made.Value.File)).Replace("\n3\n", "\n2\n", StringComparison.Ordinal);
        Assert.Null(CheckpointNote.ParseAndVerify(forged, publicKey));

        // Signing again without new entries makes nothing new.
        Assert.Null(await checkpoints.CreateAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Append_ConcurrentlyFromSeveralTasks_ChainStaysLinearAndVerifies(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        const int tasks = 6;
        const int each = 8;

        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
                trail.Append(AuditActor.System, "test.concurrent", "test", $"{t}-{i}", new("ทดสอบ", "Test"));
                if (i % 2 == 0)
                {
                    // Two entries in one unit of work chain in the order they were appended.
                    trail.Append(AuditActor.System, "test.concurrent-second", "test", $"{t}-{i}", new("ทดสอบ", "Test"));
                }

                await scope.ServiceProvider.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
            }
        })));

        var result = await VerifyAsync(database);
        var expected = tasks * (each + (each / 2));
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(expected, result.Count);
        await using var context = database.NewContext();
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), await context.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Append_ChangeRolledBack_LeavesNoEntry(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 2);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            var strategy = context.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync();
                scope.ServiceProvider.GetRequiredService<AuditTrail>().Append(AuditActor.System, "test.rolled-back", "test", "x", new("ทดสอบ", "Test"));
                await context.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        }

        await AppendAsync(database, 1);

        var result = await VerifyAsync(database);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(3, result.Count);
        await using var check = database.NewContext();
        Assert.False(await check.AuditEvents.AnyAsync(e => e.Action == "test.rolled-back"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ApiToken_CreatedAndRevoked_WritesTwoEntriesWithoutTheTokenAndTheChainVerifies(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works");

        var (tokenId, plain) = await app.WithScopeAsync(async s =>
        {
            var (token, text) = await s.GetRequiredService<ApiTokenService>().CreateAsync(account.Id, "audit test");
            Assert.True(await s.GetRequiredService<ApiTokenService>().RevokeAsync(account.Id, token.Id));
            return (token.Id, text);
        });

        var entries = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "account" && e.SubjectId == account.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["account.token-created", "account.token-revoked"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((account.Id.ToString(), "officer"), (e.ActorId, e.ActorRole)));
        Assert.All(entries, e => Assert.Contains(tokenId.ToString(), e.Details, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(plain, e.Details, StringComparison.Ordinal));
        Assert.Equal("A new API token was created", entries[0].SummaryEn);

        var result = await app.WithScopeAsync(s => AuditVerifier.VerifyAsync(s.GetRequiredService<AnuyatDbContext>()));
        Assert.True(result.Ok, result.ToString());
        Assert.True(result.Count >= 2);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task CheckpointIfDue_EveryFiveEntries_SignsOnlyWhenFiveWereAdded(Db db)
    {
        await using var database = await IsolatedDatabase.CreateAsync(db);
        await AppendAsync(database, 3);
        await using var scope = database.Services.CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();

        Assert.Null(await checkpoints.CreateIfDueAsync(5));
        await AppendAsync(database, 2);
        var made = await checkpoints.CreateIfDueAsync(5);

        Assert.Equal(5, made?.Sequence);
        Assert.Null(await checkpoints.CreateIfDueAsync(5));
        Assert.True(File.Exists(Path.Combine(database.Directory, "audit-checkpoints", "checkpoint-0000000005.txt")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ApiToken_RevokeAll_RevokesEveryTokenWithOneEntryByTheActor(Db db)
    {
        var app = await SharedApps.Get(db);
        var account = await TestAccounts.CreateAsync(app);
        await TestAccounts.TokenAsync(app, account);
        await TestAccounts.TokenAsync(app, account);

        var revoked = await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().RevokeAllAsync(account.Id, AuditActor.System));

        Assert.Equal(2, revoked);
        var entry = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(e => e.SubjectId == account.Id.ToString() && e.Action == "account.tokens-revoked-all"));
        Assert.Equal(("system", """{"count":2}"""), (entry.ActorId, entry.Details));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().ApiTokens.AnyAsync(t => t.AccountId == account.Id && t.RevokedAt == null)));
    }

    [Fact]
    public async Task Harden_Postgres_AppRoleMayOnlyInsertAndNobodyMayUpdateOrDelete()
    {
        await using var database = await IsolatedDatabase.CreateAsync(Db.Postgres);
        await AppendAsync(database, 2);
        await database.ExecuteAsync("DO $$ BEGIN CREATE ROLE anuyat_app_test; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        await using (var context = database.NewContext())
        {
            var output = new StringWriter();
            Assert.Equal(0, await AuditCommands.HardenAsync(context, "anuyat_app_test", output, new StringWriter()));
        }

        await using var check = database.NewContext();
        var privileges = await check.Database.SqlQueryRaw<bool>(
            "SELECT has_table_privilege('anuyat_app_test', 'audit_events', p) AS \"Value\" FROM unnest(ARRAY['INSERT','SELECT','UPDATE','DELETE','TRUNCATE']) AS p").ToListAsync();
        Assert.Equal([true, true, false, false, false], privileges);
        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync("UPDATE audit_events SET summary_en = 'x' WHERE sequence = 1"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync("DELETE FROM audit_events WHERE sequence = 2"));

        // Appending still works after hardening.
        await AppendAsync(database, 1);
        Assert.True((await VerifyAsync(database)).Ok);
    }

    private static async Task AppendAsync(IsolatedDatabase database, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = database.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Append(
                AuditActor.Account(Guid.NewGuid(), "officer"),
                "test.step",
                "application",
                $"APP-{i}",
                new($"ขั้นตอนที่ {i}", $"Step {i}"),
                new { step = i },
                new AuditScope("1001", "public-works"));
            await scope.ServiceProvider.GetRequiredService<AnuyatDbContext>().SaveChangesAsync();
        }
    }

    private static async Task<AuditVerification> VerifyAsync(IsolatedDatabase database)
    {
        await using var context = database.NewContext();
        return await AuditVerifier.VerifyAsync(context, AuditSigningKey.TryReadPublicKey(database.Data));
    }

    private static async Task<(int Code, string Output, string Error)> RunVerifyAsync(IsolatedDatabase database)
    {
        await using var context = database.NewContext();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AuditCommands.VerifyAsync(context, database.Data, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
