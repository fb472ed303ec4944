namespace Soc.Detection.Parsing;

/// <summary>Which leniency a BSD-syslog line gets; the two differ only in how the text after the time stamp is split.</summary>
public enum Rfc3164Mode
{
    /// <summary>
    /// Syslog received over the network, read the way rsyslog's legacy parser reads it: optional PRI (default 13),
    /// optional time stamp, a host name only when the token is host-name shaped, a tag ending at the first space or colon.
    /// </summary>
    Network,

    /// <summary>
    /// Lines from /var/log files (auth.log, syslog, secure), read the way Filebeat's system module reads them:
    /// a time stamp is required; <c>host program[pid]: message</c> where the program may contain spaces
    /// (<c>syslogd 1.4.1</c>); when that shape is absent, everything after the time stamp is the message.
    /// </summary>
    File,
}
