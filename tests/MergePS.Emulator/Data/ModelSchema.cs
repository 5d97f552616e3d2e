using System;
using System.Collections.Generic;
using MergePS.Catalog;

namespace MergePS.Emulator.Data;

/// <summary>A catalogue model with its fields indexed by position: rows are arrays in this order.</summary>
public sealed class ModelSchema
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public ModelSchema(Model model)
    {
        Name = model.Name;
        FreeForm = model.FreeForm;
        var fields = new FieldSchema[model.Fields.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = new FieldSchema(model.Fields[i], i);
            _byName[fields[i].Name] = i;
        }

        Fields = fields;
        HasId = _byName.ContainsKey("id");

        // Models without an id (accounting Address) still need one to be retrieved and expanded:
        // it lives in a slot after the fields, which the serializer never writes.
        Id = HasId ? IndexOf("id") : fields.Length;
        Slots = HasId ? fields.Length : fields.Length + 1;
        RemoteId = IndexOf("remote_id");
        CreatedAt = IndexOf("created_at");
        ModifiedAt = IndexOf("modified_at");
        RemoteWasDeleted = IndexOf("remote_was_deleted");
        RemoteData = IndexOf("remote_data");
        FieldMappings = IndexOf("field_mappings");
    }

    public string Name { get; }

    public bool FreeForm { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Length of a row's value array: the fields, plus the hidden id slot when the model has no id.</summary>
    public int Slots { get; }

    public bool HasId { get; }

    public int Id { get; }

    public int RemoteId { get; }

    public int CreatedAt { get; }

    public int ModifiedAt { get; }

    public int RemoteWasDeleted { get; }

    public int RemoteData { get; }

    public int FieldMappings { get; }

    public int IndexOf(string name) => _byName.TryGetValue(name, out int index) ? index : -1;

    public FieldSchema? Field(string name) => _byName.TryGetValue(name, out int index) ? Fields[index] : null;
}
