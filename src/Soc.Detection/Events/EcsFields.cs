namespace Soc.Detection.Events;

/// <summary>ECS field names used across Soc, so a typo is a compile error rather than a silent miss.</summary>
public static class EcsFields
{
    public const string Timestamp = "@timestamp";
    public const string Message = "message";
    public const string Tags = "tags";
    public const string EventOriginal = "event.original";
    public const string EventId = "event.id";
    public const string EventDataset = "event.dataset";
    public const string EventModule = "event.module";
    public const string EventKind = "event.kind";
    public const string EventCategory = "event.category";
    public const string EventType = "event.type";
    public const string EventOutcome = "event.outcome";
    public const string EventAction = "event.action";
    public const string EventCreated = "event.created";
    public const string EventIngested = "event.ingested";
    public const string EventTimezone = "event.timezone";
    public const string HostName = "host.name";
    public const string HostHostname = "host.hostname";
    public const string LogFilePath = "log.file.path";
    public const string LogOffset = "log.offset";
    public const string LogLevel = "log.level";
    public const string LogSyslogPriority = "log.syslog.priority";
    public const string LogSyslogFacilityCode = "log.syslog.facility.code";
    public const string LogSyslogFacilityName = "log.syslog.facility.name";
    public const string LogSyslogSeverityCode = "log.syslog.severity.code";
    public const string LogSyslogSeverityName = "log.syslog.severity.name";
    public const string LogSyslogAppName = "log.syslog.appname";
    public const string LogSyslogHostname = "log.syslog.hostname";
    public const string LogSyslogProcId = "log.syslog.procid";
    public const string LogSyslogMsgId = "log.syslog.msgid";
    public const string LogSyslogVersion = "log.syslog.version";
    public const string ProcessName = "process.name";
    public const string ProcessPid = "process.pid";
    public const string SourceIp = "source.ip";
    public const string SourceAddress = "source.address";
    public const string SourcePort = "source.port";
    public const string DestinationIp = "destination.ip";
    public const string DestinationPort = "destination.port";
    public const string UserName = "user.name";
    public const string ObserverIngress = "observer.ingress.interface.name";
    public const string AgentId = "agent.id";
    public const string AgentType = "agent.type";
    public const string OrganizationId = "organization.id";

    /// <summary>Tag added to every event whose parser could not read the line; the event still keeps <see cref="EventOriginal"/>.</summary>
    public const string ParseFailureTag = "_parse_failure";
}
