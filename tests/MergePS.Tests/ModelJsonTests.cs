using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Hris;
using MergePS.Json;
using MergePS.Models;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public class ModelJsonTests
{
    private static Employee ReadEmployee(string json)
        => JsonSerializer.Deserialize(json, HrisJsonContext.Default.Employee) ?? throw new InvalidOperationException("null employee");

    public class Nulls
    {
        [Fact]
        public void Reads_an_employee_whose_every_field_is_null()
        {
            const string json = """
                {
                  "id": null, "remote_id": null, "created_at": null, "modified_at": null, "employee_number": null,
                  "company": null, "first_name": null, "last_name": null, "preferred_name": null, "display_full_name": null,
                  "username": null, "groups": null, "work_email": null, "personal_email": null, "mobile_phone_number": null,
                  "employments": null, "home_location": null, "work_location": null, "manager": null, "team": null,
                  "pay_group": null, "ssn": null, "gender": null, "ethnicity": null, "marital_status": null,
                  "date_of_birth": null, "hire_date": null, "start_date": null, "remote_created_at": null,
                  "employment_status": null, "termination_date": null, "avatar": null, "custom_fields": null,
                  "remote_was_deleted": null, "field_mappings": null, "remote_data": null
                }
                """;

            Employee employee = ReadEmployee(json);

            Assert.Null(employee.Id);
            Assert.Null(employee.CreatedAt);
            Assert.Null(employee.Company);
            Assert.Null(employee.Groups);
            Assert.Null(employee.Employments);
            Assert.Null(employee.Manager);
            Assert.Null(employee.HireDate);
            Assert.Null(employee.RemoteWasDeleted);
            Assert.Null(employee.CustomFields);
            Assert.Null(employee.RemoteData);
            Assert.Null(employee.AdditionalProperties);
        }

        [Fact]
        public void Reads_an_empty_object()
        {
            Employee employee = ReadEmployee("{}");

            Assert.Null(employee.Id);
            Assert.Null(employee.Manager);
            Assert.Null(employee.AdditionalProperties);
        }

        [Fact]
        public void Drops_null_items_from_a_list_of_relations()
        {
            Employee employee = ReadEmployee("""{"groups": [null, "g1", null]}""");

            Assert.Equal(new object[] { "g1" }, employee.Groups);
        }

        [Fact]
        public void Reads_a_null_employment_pay_rate()
        {
            Employment? employment = JsonSerializer.Deserialize("""{"id":"x","pay_rate":null,"pay_group":null}""", HrisJsonContext.Default.Employment);

            Assert.NotNull(employment);
            Assert.Null(employment.PayRate);
            Assert.Null(employment.PayGroup);
        }
    }

    public class UnknownFields
    {
        [Fact]
        public void Keeps_fields_the_module_does_not_know_in_additional_properties()
        {
            Employee employee = ReadEmployee("""
                {"id":"e1","first_name":"Ada","favourite_colour":"teal","badge":{"level":3,"tags":["a","b"]},"seniority_score":42.5,"flag":null}
                """);

            Assert.Equal("e1", employee.Id);
            Assert.Equal("Ada", employee.FirstName);
            Dictionary<string, JsonElement>? extra = employee.AdditionalProperties;
            Assert.NotNull(extra);
            Assert.Equal(new[] { "badge", "favourite_colour", "flag", "seniority_score" }, extra.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal("teal", extra["favourite_colour"].GetString());
            Assert.Equal(3, extra["badge"].GetProperty("level").GetInt32());
            Assert.Equal("b", extra["badge"].GetProperty("tags")[1].GetString());
            Assert.Equal(42.5m, extra["seniority_score"].GetDecimal());
            Assert.Equal(JsonValueKind.Null, extra["flag"].ValueKind);
            Assert.DoesNotContain("first_name", extra.Keys);
        }

        [Fact]
        public void Writes_unknown_fields_back_out()
        {
            Employee employee = ReadEmployee("""{"id":"e1","favourite_colour":"teal"}""");

            string json = JsonSerializer.Serialize(employee, HrisJsonContext.Default.Employee);

            Assert.Contains("\"favourite_colour\":\"teal\"", json);
            Assert.Contains("\"id\":\"e1\"", json);
        }

        [Fact]
        public void Keeps_unknown_fields_of_an_expanded_relation()
        {
            Employee employee = ReadEmployee("""{"id":"e1","manager":{"id":"m1","new_field":true}}""");

            Employee manager = Assert.IsType<Employee>(employee.Manager);
            Assert.NotNull(manager.AdditionalProperties);
            Assert.True(manager.AdditionalProperties["new_field"].GetBoolean());
            Assert.Null(employee.AdditionalProperties);
        }
    }

    public class Expandables
    {
        [Fact]
        public void Reads_a_relation_sent_as_an_id_as_a_string()
        {
            Employee employee = ReadEmployee("""{"id":"e1","manager":"8f9a6b3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c","company":"c1"}""");

            Assert.Equal("8f9a6b3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c", Assert.IsType<string>(employee.Manager));
            Assert.Equal("c1", Assert.IsType<string>(employee.Company));
        }

        [Fact]
        public void Reads_an_expanded_relation_as_its_model()
        {
            Employee employee = ReadEmployee("""
                {"id":"e1","manager":{"id":"m1","first_name":"Grace","manager":"m0","groups":["g9"]},
                 "company":{"id":"c1","legal_name":"Acme Ltd"},
                 "work_location":{"id":"l1","city":"Leeds"}}
                """);

            Employee manager = Assert.IsType<Employee>(employee.Manager);
            Assert.Equal("m1", manager.Id);
            Assert.Equal("Grace", manager.FirstName);
            Assert.Equal("m0", Assert.IsType<string>(manager.Manager));
            Assert.Equal(new object[] { "g9" }, manager.Groups);
            Company company = Assert.IsType<Company>(employee.Company);
            Assert.Equal("Acme Ltd", company.LegalName);
            Location location = Assert.IsType<Location>(employee.WorkLocation);
            Assert.Equal("Leeds", location.City);
        }

        [Fact]
        public void Reads_a_list_of_ids_as_strings()
        {
            Employee employee = ReadEmployee("""{"groups":["g1","g2","g3"]}""");

            Assert.NotNull(employee.Groups);
            Assert.Equal(new[] { "g1", "g2", "g3" }, employee.Groups.Cast<string>().ToArray());
            Assert.All(employee.Groups, g => Assert.IsType<string>(g));
        }

        [Fact]
        public void Reads_a_list_of_expanded_objects_as_models()
        {
            Employee employee = ReadEmployee("""
                {"groups":[{"id":"g1","name":"Engineering","type":"DEPARTMENT"},{"id":"g2","name":"Leeds","type":"BRANCH"}],
                 "employments":[{"id":"em1","job_title":"Engineer","pay_rate":"85000.50","employee":"e1"}]}
                """);

            Assert.NotNull(employee.Groups);
            Group[] groups = employee.Groups.Select(g => Assert.IsType<Group>(g)).ToArray();
            Assert.Equal(new[] { "g1", "g2" }, groups.Select(g => g.Id).ToArray());
            Assert.Equal(new[] { "Engineering", "Leeds" }, groups.Select(g => g.Name).ToArray());
            Assert.NotNull(employee.Employments);
            Employment employment = Assert.IsType<Employment>(Assert.Single(employee.Employments));
            Assert.Equal(85000.50m, employment.PayRate);
            Assert.Equal("e1", Assert.IsType<string>(employment.Employee));
        }

        [Fact]
        public void Reads_a_list_mixing_ids_and_objects()
        {
            Employee employee = ReadEmployee("""{"groups":["g1",{"id":"g2","name":"Ops"}]}""");

            Assert.NotNull(employee.Groups);
            Assert.Equal(2, employee.Groups.Count);
            Assert.Equal("g1", Assert.IsType<string>(employee.Groups[0]));
            Assert.Equal("Ops", Assert.IsType<Group>(employee.Groups[1]).Name);
        }

        [Fact]
        public void Rejects_a_relation_that_is_neither_an_id_nor_an_object()
        {
            var error = Assert.Throws<JsonException>(() => ReadEmployee("""{"manager":42}"""));

            Assert.Contains("Employee", error.Message);
        }

        [Fact]
        public void Rejects_a_list_of_relations_that_is_not_a_list()
        {
            Assert.Throws<JsonException>(() => ReadEmployee("""{"groups":"g1"}"""));
        }

        [Fact]
        public void Writes_both_shapes_back_as_they_came()
        {
            Employee employee = ReadEmployee("""{"id":"e1","manager":"m1","team":{"id":"t1","name":"Core"},"groups":["g1",{"id":"g2"}]}""");

            string json = JsonSerializer.Serialize(employee, HrisJsonContext.Default.Employee);

            Assert.Contains("\"manager\":\"m1\"", json);
            Assert.Contains("\"team\":{\"id\":\"t1\",\"name\":\"Core\"}", json);
            Assert.Contains("\"groups\":[\"g1\",{\"id\":\"g2\"}]", json);
        }
    }

    public class Values
    {
        [Fact]
        public void Reads_an_enum_value_the_catalogue_does_not_know_as_a_string()
        {
            Employee employee = ReadEmployee("""{"employment_status":"ON_LEAVE","gender":"PREFER_NOT_TO_SAY_V2","marital_status":"CIVIL_UNION"}""");

            Assert.Equal("ON_LEAVE", employee.EmploymentStatus);
            Assert.Equal("PREFER_NOT_TO_SAY_V2", employee.Gender);
            Assert.Equal("CIVIL_UNION", employee.MaritalStatus);
        }

        [Theory]
        [InlineData("\"85000.50\"")]
        [InlineData("85000.50")]
        [InlineData("\"8.500050E4\"")]
        public void Reads_a_number_sent_as_a_string_or_a_number(string payRate)
        {
            Employment? employment = JsonSerializer.Deserialize($"{{\"pay_rate\":{payRate}}}", HrisJsonContext.Default.Employment);

            Assert.NotNull(employment);
            Assert.Equal(85000.50m, employment.PayRate);
        }

        [Fact]
        public void Reads_a_boolean_and_a_long()
        {
            Employee employee = ReadEmployee("""{"remote_was_deleted":true}""");
            DebugModeLog? log = JsonSerializer.Deserialize("""{"log_id":"l1","log_summary":{"status_code":"404"}}""", HrisJsonContext.Default.DebugModeLog);

            Assert.True(employee.RemoteWasDeleted);
            Assert.NotNull(log);
            Assert.Equal(404L, log.LogSummary?.StatusCode);
        }

        [Fact]
        public void Keeps_the_offset_of_a_date()
        {
            Employee employee = ReadEmployee("""
                {"hire_date":"2023-06-01T09:30:00+02:00","start_date":"2023-06-05T00:00:00Z","created_at":"2024-02-29T23:59:59.123456-08:00"}
                """);

            Assert.Equal(new DateTimeOffset(2023, 6, 1, 9, 30, 0, TimeSpan.FromHours(2)), employee.HireDate);
            Assert.Equal(TimeSpan.FromHours(2), employee.HireDate!.Value.Offset);
            Assert.Equal(new DateTime(2023, 6, 1, 7, 30, 0, DateTimeKind.Utc), employee.HireDate.Value.UtcDateTime);
            Assert.Equal(new DateTimeOffset(2023, 6, 5, 0, 0, 0, TimeSpan.Zero), employee.StartDate);
            Assert.Equal(TimeSpan.FromHours(-8), employee.CreatedAt!.Value.Offset);
            Assert.Equal(new DateTime(2024, 3, 1, 7, 59, 59, DateTimeKind.Utc).AddTicks(1234560), employee.CreatedAt.Value.UtcDateTime);
        }

        [Fact]
        public void Reads_a_date_without_a_time()
        {
            Employee employee = ReadEmployee("""{"date_of_birth":"1990-05-17"}""");

            Assert.NotNull(employee.DateOfBirth);
            Assert.Equal(new DateTime(1990, 5, 17), employee.DateOfBirth.Value.Date);
        }

        [Fact]
        public void Reads_custom_fields_and_remote_data_as_raw_json()
        {
            Employee employee = ReadEmployee("""
                {"custom_fields":{"shirt_size":"M","badge":7},"remote_data":[{"path":"/people/1","data":{"x":[1,2]}}]}
                """);

            Assert.NotNull(employee.CustomFields);
            Assert.Equal("M", employee.CustomFields["shirt_size"].GetString());
            Assert.Equal(7, employee.CustomFields["badge"].GetInt32());
            RemoteData remote = Assert.Single(employee.RemoteData!);
            Assert.Equal("/people/1", remote.Path);
            Assert.Equal(2, remote.Data!.Value.GetProperty("x")[1].GetInt32());
        }

        [Fact]
        public void Names_an_employee_by_its_id()
        {
            Assert.Equal("e1", ReadEmployee("""{"id":"e1"}""").ToString());
        }
    }

    public class Pages
    {
        [Fact]
        public void Reads_a_page_of_employees()
        {
            Page<Employee>? page = JsonSerializer.Deserialize(
                """{"next":"cD0x","previous":"cD0w","results":[{"id":"e1","manager":"e0"},{"id":"e2","manager":{"id":"e1"}}]}""",
                HrisJsonContext.Default.PageEmployee);

            Assert.NotNull(page);
            Assert.Equal("cD0x", page.Next);
            Assert.Equal("cD0w", page.Previous);
            Assert.Equal(new[] { "e1", "e2" }, page.Results.Select(e => e.Id).ToArray());
            Assert.Equal("e0", page.Results[0].Manager);
            Assert.Equal("e1", Assert.IsType<Employee>(page.Results[1].Manager).Id);
        }

        [Fact]
        public void Reads_a_page_without_results_as_empty()
        {
            Page<Employee>? page = JsonSerializer.Deserialize("""{"next":null}""", HrisJsonContext.Default.PageEmployee);

            Assert.NotNull(page);
            Assert.Empty(page.Results);
        }

        [Fact]
        public async Task Reads_every_edge_case_through_the_client()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("""
                {"id":"e1","manager":{"id":"m1"},"groups":["g1",{"id":"g2"}],"employment_status":"ON_LEAVE",
                 "hire_date":"2023-06-01T09:30:00+02:00","mystery":[1],"team":null}
                """);

            Employee employee = await test.GetEmployeeAsync(cancellationToken: CancellationToken.None);

            Assert.Equal("m1", Assert.IsType<Employee>(employee.Manager).Id);
            Assert.Equal("g1", employee.Groups![0]);
            Assert.Equal("g2", Assert.IsType<Group>(employee.Groups[1]).Id);
            Assert.Equal("ON_LEAVE", employee.EmploymentStatus);
            Assert.Equal(TimeSpan.FromHours(2), employee.HireDate!.Value.Offset);
            Assert.Equal(1, employee.AdditionalProperties!["mystery"][0].GetInt32());
            Assert.Null(employee.Team);
        }
    }
}
