namespace Soc.Collector.Inputs.Files;

/// <summary>Where reading starts in files found on an input's very first scan (no checkpoint yet).</summary>
public enum StartPosition
{
    /// <summary>Ship what the files already hold.</summary>
    Beginning,

    /// <summary>Ship only lines written from now on. Files that appear later are always read from their beginning.</summary>
    End,
}
