using System.Threading.Tasks;
using MergePS.Emulator.Data;
using MergePS.Emulator.Serialization;

namespace MergePS.Emulator.Api;

/// <summary>GET /{resource}/{id}: the record (deleted ones too), shells only with include_shell_data.</summary>
public static class RetrieveHandler
{
    public static Task Handle(ApiRequest request)
    {
        ModelSchema? model = request.Category.Schema(request.Resource?.Model ?? request.Operation.ResponseModel);
        if (model is not null && SyntheticEmployees.TryRetrieve(request, model, WriteHandler.RecordId(request), out Task synthetic))
        {
            return synthetic;
        }

        Row? row = model is null ? null : request.Data.Table(model.Name)?.Find(WriteHandler.RecordId(request));
        if (model is null || row is null || row.Shell && !request.Flag("include_shell_data"))
        {
            return JsonResponse.Detail(request.Http, 404, "Not found.");
        }

        WriteOptions output = request.Output();
        return JsonResponse.Write(request.Http, 200, w => RowWriter.Write(w, model, row, output));
    }
}
