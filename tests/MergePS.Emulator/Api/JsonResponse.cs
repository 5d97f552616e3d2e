using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MergePS.Emulator.Api;

/// <summary>Writes JSON bodies through a Utf8JsonWriter into one buffer, then to the response with
/// its length, so clients never see chunked half-pages.</summary>
public static class JsonResponse
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,

        // Like DRF (UNICODE_JSON): quotes escaped as \", non-ASCII names written as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task Write(HttpContext http, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(writer);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.WrittenCount;
        return http.Response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>DRF's error shape: <c>{"detail": "..."}</c>.</summary>
    public static Task Detail(HttpContext http, int status, string detail) =>
        Write(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", detail);
            w.WriteEndObject();
        });

    /// <summary>DRF's validation shape: <c>{"param": ["message"]}</c>.</summary>
    public static Task FieldErrors(HttpContext http, IReadOnlyDictionary<string, List<string>> errors) =>
        Write(http, 400, w =>
        {
            w.WriteStartObject();
            foreach (var (name, messages) in errors)
            {
                w.WriteStartArray(name);
                foreach (string message in messages)
                {
                    w.WriteStringValue(message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });

    public static Task Empty(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
