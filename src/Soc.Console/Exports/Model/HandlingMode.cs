namespace Soc.Console.Exports.Model;

/// <summary>Who handled an incident, as Mẫu 05 counts it.</summary>
public enum HandlingMode
{
    InHouse,
    DomesticSupport,
    ForeignSupport,
}
