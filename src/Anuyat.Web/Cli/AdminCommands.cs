using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Catalog;
using Anuyat.Infrastructure.Organisation;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Cli;

/// <summary>
/// The admin command line: <c>dotnet run --project src/Anuyat.Web -- COMMAND …</c>. Each command uses the same
/// configuration as the server (ANUYAT_DATA, Database__Provider, ConnectionStrings__Anuyat), prints its result on
/// standard output, and on failure prints one line to standard error and exits non-zero.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Commands = ["token", "db", "catalog", "audit", "demo", "stats", "backup", "sandbox"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    /// <summary>The arguments the web host should see: none of the command's own.</summary>
    public static string[] WebArguments(string[] args) => IsCommand(args) ? [] : args;

    public static void ConfigureLogging(WebApplicationBuilder builder, string[] args)
    {
        if (IsCommand(args))
        {
            // Standard output carries the command's result only; warnings and errors go to standard error.
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter((string? _, LogLevel level) => level >= LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            var options = CommandLine.Parse(args);
            return options.Verb switch
            {
                "token create" => await TokenCreateAsync(app, options),
                "db migrate" => await DbMigrateAsync(app),
                "catalog validate" => CatalogValidate(app, options),
                "db harden" => await WithScopeAsync(app, s => AuditCommands.HardenAsync(s.GetRequiredService<AnuyatDbContext>(), options.Required("--app-role"), Console.Out, Console.Error)),
                "audit verify" => await WithScopeAsync(app, s => AuditCommands.VerifyAsync(s.GetRequiredService<AnuyatDbContext>(), s.GetRequiredService<DataDirectory>(), Console.Out, Console.Error)),
                "audit checkpoint" => await WithScopeAsync(app, s => AuditCommands.CheckpointAsync(s.GetRequiredService<AuditCheckpoints>(), Console.Out)),
                "stats rebuild" => await WithScopeAsync(app, s => StatsCommands.RebuildAsync(s.GetRequiredService<RollupRebuilder>(), Console.Out)),
                "stats verify" => await WithScopeAsync(app, s => StatsCommands.VerifyAsync(s.GetRequiredService<RollupRebuilder>(), Console.Out, Console.Error)),
                "backup create" => await BackupCommands.CreateAsync(app, options.Required("--out")),
                "backup restore" => await BackupCommands.RestoreAsync(app, options.Required("--from")),
                "sandbox reset" => await SandboxResetAsync(app),
                "demo generate" => await WithScopeAsync(app, s => DemoCommands.GenerateAsync(s, options, Console.Out, Console.Error)),
                _ => Fail($"unknown command '{options.Verb}'. Commands: token create, db migrate, db harden, audit verify, audit checkpoint, catalog validate, demo generate, stats rebuild, stats verify, backup create, backup restore, sandbox reset."),
            };
        }
        catch (CommandLineException e)
        {
            return Fail(e.Message);
        }
    }

    private static async Task<int> TokenCreateAsync(WebApplication app, CommandLine options)
    {
        var email = options.Required("--email");
        var roleText = options.Required("--role");
        if (!Roles.TryParse(roleText, out var role))
        {
            return Fail($"--role: expected citizen, officer, approver, admin or strategy, not '{roleText}'.");
        }

        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();
        var account = await provisioning.EnsureAsync(email, role, options.Optional("--district"), options.Optional("--section"));
        if (!account.IsSuccess)
        {
            return Fail(account.Error!.Message.En + ".");
        }

        var days = options.Optional("--days");
        TimeSpan? lifetime = null;
        if (days is not null)
        {
            if (!int.TryParse(days, out var d) || d < 1 || d > 365)
            {
                return Fail("--days: a whole number from 1 to 365.");
            }

            lifetime = TimeSpan.FromDays(d);
        }

        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        // Made on the server's own command line: the actor is the system, not the account.
        var (_, plain) = await tokens.CreateAsync(account.Value.Id, options.Optional("--name") ?? "token create", lifetime, actor: AuditActor.System);
        Console.WriteLine(plain);
        return 0;
    }

    /// <summary><c>sandbox reset</c>: empties the training sandbox and seeds it again; refuses unless Sandbox:Enabled=true.</summary>
    private static async Task<int> SandboxResetAsync(WebApplication app)
    {
        if (!Features.Admin.SandboxMode.IsEnabled(app.Configuration))
        {
            return Fail("sandbox reset: this is not the training sandbox (set Sandbox:Enabled=true and its own ANUYAT_DATA).");
        }

        return await WithScopeAsync(app, async s =>
        {
            var made = await Features.Admin.Sandbox.SandboxReset.ResetAsync(s, app.Logger, CancellationToken.None);
            Console.WriteLine($"ok sandbox reset, {made} synthetic applications");
            return 0;
        });
    }

    private static async Task<int> DbMigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
        await DatabaseMigrator.MigrateAsync(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).Count();
        Console.WriteLine($"ok {applied} migrations applied");
        return 0;
    }

    /// <summary>
    /// <c>catalog validate [DIR]</c>: checks every definition and the rollout without touching the database; prints
    /// <c>ok N services</c>, or every problem as <c>file: path: message</c> and exits non-zero.
    /// </summary>
    private static int CatalogValidate(WebApplication app, CommandLine options)
    {
        var root = app.Configuration["Anuyat:ContentRoot"];
        var folder = options.Positional.Count > 0 ? Path.GetFullPath(options.Positional[0]) : ReferenceFiles.Locate("catalog", root);
        var districts = OrganisationFiles.ReadDistricts(ReferenceFiles.Locate("reference", root));
        var load = CatalogFiles.Load(folder, districts.Select(d => d.Code).ToList());
        if (!load.IsValid)
        {
            foreach (var problem in load.Problems)
            {
                Console.WriteLine(problem);
            }

            return Fail($"catalog: {load.Problems.Count} problem(s) in {folder}.");
        }

        Console.WriteLine($"ok {load.Definitions.Select(d => d.Code).Distinct().Count()} services ({load.Definitions.Count} versions)");
        return 0;
    }

    private static async Task<int> WithScopeAsync(WebApplication app, Func<IServiceProvider, Task<int>> command)
    {
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await command(scope.ServiceProvider);
    }

    /// <summary>Commands see the same schema and reference data the server would.</summary>
    private static Task PrepareAsync(WebApplication app) =>
        StartupPreparation.PrepareAsync(app.Services, app.Configuration, app.Environment, app.Logger, CancellationToken.None);

    private static int Fail(string reason)
    {
        Console.Error.WriteLine($"anuyat: {reason}");
        return 2;
    }
}
