namespace Anuyat.Domain.Common;

/// <summary>The outcome of a use case: a value, or a typed business error. Bugs are exceptions, not results.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result holds error '{Error!.Code}', not a value.");

#pragma warning disable CA1000, CA2225 // Result<T>.Success(...) reads better than a non-generic factory; the conversions are the point.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(DomainError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(DomainError error) => Failure(error);
#pragma warning restore CA1000, CA2225
}
