namespace Soc.Console.Exports.Forms;

/// <summary>How a form field is filled and printed.</summary>
public enum FormFieldKind
{
    /// <summary>Free text, one or more lines.</summary>
    Text,

    /// <summary>One option from <see cref="FormField.Options"/>; other text prints as "Khác".</summary>
    Choice,

    /// <summary>Several options (one per line of the value); other lines print as "Khác".</summary>
    Multi,

    /// <summary>Có / Không.</summary>
    YesNo,

    /// <summary>Rows of cells under <see cref="FormField.Columns"/>, filled from a table source.</summary>
    Table,
}
