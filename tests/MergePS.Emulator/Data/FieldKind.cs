namespace MergePS.Emulator.Data;

/// <summary>The element kind of a field, from its catalogue type expression.</summary>
public enum FieldKind
{
    String,
    Uuid,
    DateTime,
    Date,
    Int,
    Number,
    Bool,
    Email,
    Uri,
    Object,
    Any,
    Enum,
    Model,
    Expand,
}
