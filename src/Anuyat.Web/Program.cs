using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Cli;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Admin;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Audit;
using Anuyat.Web.Features.Calendar;
using Anuyat.Web.Features.Catalog;
using Anuyat.Web.Features.Documents;
using Anuyat.Web.Features.Filing;
using Anuyat.Web.Features.Notifications;
using Anuyat.Web.Features.Organisation;
using Anuyat.Web.Features.Payments;
using Anuyat.Web.Features.Privacy;
using Anuyat.Web.Features.Stats;
using Anuyat.Web.Platform;

try
{
    var builder = WebApplication.CreateBuilder(AdminCommands.WebArguments(args));
    builder.AddPlatform();
    AdminCommands.ConfigureLogging(builder, args);
    builder.AddOrganisation();
    builder.AddCalendar();
    builder.AddAccounts();
    builder.AddApplications();
    builder.AddFiling();
    builder.AddDocuments();
    builder.AddCatalog();
    builder.AddAudit();
    builder.AddNotifications();
    builder.AddPayments();
    builder.AddStats();
    builder.AddAdmin();
    builder.AddPrivacy();

    // Last, so it wraps every log provider configured above: national IDs, e-mails and phones are masked.
    builder.Services.AddPersonalDataRedaction();

    var app = builder.Build();

    if (AdminCommands.IsCommand(args))
    {
        return await AdminCommands.RunAsync(app, args);
    }

    StartupPreparation.BuildModelInBackground(app.Services);
    app.UsePlatform();
    app.MapOrganisation();
    app.MapAccounts();
    app.MapApplications();
    app.MapDocuments();
    app.MapCatalog();
    app.MapNotifications();
    app.MapPayments();
    app.MapStats();
    app.MapAdmin();
    app.MapPrivacy();
    app.MapPlatformEndpoints();

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // One clear line naming what is wrong; no stack trace for a configuration mistake.
    await Console.Error.WriteLineAsync($"anuyat: cannot start: {e.Message}");
    return 1;
}
