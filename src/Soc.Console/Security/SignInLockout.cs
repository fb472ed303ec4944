namespace Soc.Console.Security;

/// <summary>
/// Sign-in lockout: after <see cref="MaxFailures"/> wrong passwords in a row an account is locked for
/// <see cref="LockMinutes"/>, which turns online guessing from thousands of tries an hour into a few dozen.
/// The count survives restarts (it lives in the store) and resets on a good sign-in.
/// </summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;
    public const int LockMinutes = 15;

    public static TimeSpan LockFor => TimeSpan.FromMinutes(LockMinutes);
}
