using Anuyat.Domain.Calendar;
using Anuyat.Infrastructure.Admin;
using Anuyat.Infrastructure.Calendar;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Web.Features.Calendar;

/// <summary>The government holiday calendar (reference/holidays/YYYY.csv) and the business days it defines.</summary>
public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Configuration["Anuyat:ContentRoot"];
        builder.Services.AddSingleton(_ => new ReferenceHolidays(HolidayFiles.Read(ReferenceFiles.Locate("reference", contentRoot))));

        // The console's holiday changes (Features/Admin/Calendar) are laid over the files in place; see ConsoleOverlays.
        builder.Services.AddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<ReferenceHolidays>().Calendar));
        return builder;
    }
}
