namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>The database engines every HTTP and persistence test runs on.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}
