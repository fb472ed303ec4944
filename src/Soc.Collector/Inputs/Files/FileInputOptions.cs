using System.Text.RegularExpressions;

namespace Soc.Collector.Inputs.Files;

/// <summary>One file tailing input (an <c>inputs:</c> entry of type file).</summary>
public sealed class FileInputOptions
{
    /// <summary>Stable name; also names the checkpoint file, so renaming an input re-reads its files.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute path patterns (<c>*</c>, <c>?</c>), e.g. <c>/var/log/nginx/*.log</c>.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>
    /// Patterns to leave out, e.g. <c>/var/log/nginx/*.gz</c>. To lose nothing on copytruncate rotation, let
    /// <see cref="Paths"/> match the rotated copy (<c>app.log*</c>) and exclude the compressed generations.
    /// </summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>Source type the center parses by: <c>nginx.access</c>, <c>system.auth</c>, <c>auditd</c>, ...</summary>
    public string SourceType { get; set; } = "";

    /// <summary>IANA time zone of timestamps in these files that carry none.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Folder for the checkpoint file (<c>{DataDirectory}/checkpoints/{Name}.json</c>).</summary>
    public string DataDirectory { get; set; } = "";

    public StartPosition StartPosition { get; set; } = StartPosition.Beginning;

    public int PollIntervalMilliseconds { get; set; } = 250;

    /// <summary>Longer lines (or joined multi-line entries) keep their first bytes and are marked truncated.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// A last line without newline is held until it ends; after this many seconds without growth it is shipped as
    /// it is. 0 = hold until the newline comes (or the file is closed after rotation).
    /// </summary>
    public int PartialLineTimeoutSeconds { get; set; }

    /// <summary>
    /// Regex that a line starting a new entry matches (e.g. <c>^\d{4}-\d\d-\d\d</c> or <c>^\[</c>); other lines are
    /// continuations joined to the entry before with <c>\n</c> (stack traces). Empty = one record per line.
    /// </summary>
    public string? MultilineStartPattern { get; set; }

    /// <summary>A multi-line entry is shipped when the next one starts, or after this many seconds without a new line.</summary>
    public int MultilineTimeoutSeconds { get; set; } = 2;

    /// <summary>A file that no longer matches (rotated away, deleted) is read until it has not grown for this long, then closed.</summary>
    public int RotatedFileGraceSeconds { get; set; } = 30;

    /// <summary>How often offsets are saved while lines flow; re-reading after a crash repeats at most this much (same ids).</summary>
    public int CheckpointIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Checkpoint entries of files not seen for this long are forgotten.</summary>
    public int ForgetMissingFilesAfterHours { get; set; } = 24;

    /// <summary>Every problem with these options, so a config check can report all of them at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var prefix = $"file input '{Name}': ";
        if (string.IsNullOrWhiteSpace(Name) || Name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.StartsWith('.'))
        {
            errors.Add(prefix + "name must be a non-empty file name (it names the checkpoint file)");
        }

        if (Paths is null || Paths.Count == 0)
        {
            errors.Add(prefix + "paths is empty");
        }

        foreach (var pattern in (Paths ?? []).Concat(Exclude ?? []))
        {
            if (string.IsNullOrWhiteSpace(pattern) || !pattern.StartsWith('/'))
            {
                errors.Add(prefix + $"pattern '{pattern}' is not an absolute path");
            }
        }

        if (string.IsNullOrWhiteSpace(SourceType))
        {
            errors.Add(prefix + "source_type is empty");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            errors.Add(prefix + $"time zone '{TimeZone}' is unknown");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add(prefix + "data_directory is empty");
        }

        if (!string.IsNullOrEmpty(MultilineStartPattern))
        {
            try
            {
                _ = new Regex(MultilineStartPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                errors.Add(prefix + $"multiline_start_pattern is not a valid regex: {e.Message}");
            }
        }

        if (PollIntervalMilliseconds is < 10 or > 60_000)
        {
            errors.Add(prefix + "poll_interval_milliseconds must be between 10 and 60000");
        }

        if (MaxMessageBytes is < 256 or > 16 * 1024 * 1024)
        {
            errors.Add(prefix + "max_message_bytes must be between 256 and 16777216");
        }

        if (PartialLineTimeoutSeconds < 0 || MultilineTimeoutSeconds < 0 || RotatedFileGraceSeconds < 0 || CheckpointIntervalMilliseconds < 0)
        {
            errors.Add(prefix + "timeouts and intervals must not be negative");
        }

        if (ForgetMissingFilesAfterHours < 1)
        {
            errors.Add(prefix + "forget_missing_files_after_hours must be at least 1");
        }

        return errors;
    }
}
