BeforeDiscovery {
    $catalog = Get-Content -Raw (Join-Path $PSScriptRoot '../../catalog/hris.json') | ConvertFrom-Json
    $resources = foreach ($resource in $catalog.resources) {
        $list = $resource.operations | Where-Object kind -eq 'list'
        if ($list) {
            @{ Name = $resource.name; Noun = $resource.noun; Model = $resource.model; Cmdlet = "Get-Merge$($resource.noun)"
               Filters = @($list.query.name | Where-Object { $_ -notin 'cursor', 'page_size' }) }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Reset-Emulator
    Connect-TestSession
    function ConvertTo-ParameterName([string] $Wire) {
        (($Wire -split '_') | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) }) -join ''
    }
}

AfterAll { Disconnect-Merge }

Describe '<Cmdlet> lists and retrieves <Name>' -ForEach $resources {
    BeforeAll {
        $expected = @(Get-EmulatorAll "hris/v1/$Name")
    }

    It 'streams exactly the records the API holds, each once, typed as MergePS.Hris.<Model>' {
        $items = @(& $Cmdlet)
        $items.Count | Should -Be $expected.Count
        $items.Count | Should -BeGreaterThan 0
        ($items.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        ($items.Id | Sort-Object -Unique).Count | Should -Be $items.Count
        $items[0].PSObject.TypeNames[0] | Should -Be "MergePS.Hris.$Model"
    }

    It 'retrieves one record by -Id and by piping' {
        $id = $expected[0].id
        $one = & $Cmdlet -Id $id
        $one.Id | Should -Be $id
        $one.RemoteId | Should -Be $expected[0].remote_id
        $piped = @($expected[0], $expected[-1] | ForEach-Object { [pscustomobject]@{ Id = $_.id } } | & $Cmdlet)
        $piped.Id | Should -Be @($expected[0].id, $expected[-1].id)
    }

    It 'exposes every filter of the endpoint as a parameter' {
        $parameters = (Get-Command $Cmdlet).Parameters.Keys
        foreach ($filter in $Filters) {
            $parameters | Should -Contain (ConvertTo-ParameterName $filter) -Because "$Name accepts $filter"
        }
    }

    It 'reports an unknown id as MergePS.NotFound and goes on with the next' {
        $good = $expected[0].id
        $results = @(@('00000000-0000-0000-0000-000000000000', $good) | & $Cmdlet -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Id | Should -Be @($good)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "MergePS.NotFound,$((Get-Command $Cmdlet).ImplementingType.FullName)"
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be '00000000-0000-0000-0000-000000000000'
    }
}

Describe 'Paging' {
    BeforeAll { $all = @(Get-EmulatorAll 'hris/v1/employees') }

    It 'fetches page after page with -PageSize and loses or repeats nothing' {
        Clear-EmulatorRequests
        $items = @(Get-MergeEmployee -PageSize 7)
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be ([math]::Ceiling($all.Count / 7))
        ($items.Id | Sort-Object) | Should -Be ($all.id | Sort-Object)
        foreach ($request in $requests) { Get-QueryValue $request.query 'page_size' | Should -Be '7' }
        Get-QueryValue $requests[0].query 'cursor' | Should -BeNullOrEmpty
        Get-QueryValue $requests[1].query 'cursor' | Should -Not -BeNullOrEmpty
    }

    It 'makes one request of page_size 5 for -First 5' {
        Clear-EmulatorRequests
        $items = @(Get-MergeEmployee -First 5)
        $items.Count | Should -Be 5
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 1
        Get-QueryValue $requests[0].query 'page_size' | Should -Be '5'
        $items.Id | Should -Be $all[0..4].id
    }

    It 'skips with -Skip and still returns -First items' {
        $items = @(Get-MergeEmployee -Skip 3 -First 4)
        $items.Id | Should -Be $all[3..6].id
    }

    It 'stops requesting when Select-Object -First is satisfied' {
        Clear-EmulatorRequests
        $items = @(Get-MergeEmployee -PageSize 10 | Select-Object -First 3)
        $items.Count | Should -Be 3
        (Get-EmulatorRequests).Count | Should -Be 1
    }

    It 'resumes from -Cursor with no gap and no repeat' {
        $first = Invoke-EmulatorApi 'hris/v1/employees?page_size=20'
        $rest = @(Get-MergeEmployee -PageSize 20 -Cursor $first.next)
        (@($first.results.id) + @($rest.Id) | Sort-Object) | Should -Be ($all.id | Sort-Object)
    }

    It 'rejects a page size above 100 before sending anything' {
        Clear-EmulatorRequests
        { Get-MergeEmployee -PageSize 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MergePS.Commands.GetMergeEmployeeCommand'
        (Get-EmulatorRequests).Count | Should -Be 0
    }
}

Describe 'Employee filters' {
    BeforeAll { $all = @(Get-EmulatorAll 'hris/v1/employees') }

    It 'filters by -EmploymentStatus, accepting any case' {
        $inactive = @(Get-MergeEmployee -EmploymentStatus inactive)
        $inactive.Count | Should -BeGreaterThan 0
        $inactive.Count | Should -BeLessThan $all.Count
        $inactive.EmploymentStatus | Sort-Object -Unique | Should -Be 'INACTIVE'
        ($inactive.Id | Sort-Object) | Should -Be (@($all | Where-Object employment_status -eq 'INACTIVE').id | Sort-Object)
    }

    It 'filters by -ManagerId, -CompanyId and -TeamId' {
        $manager = ($all | Where-Object manager | Group-Object manager | Sort-Object Count -Descending | Select-Object -First 1).Name
        $reports = @(Get-MergeEmployee -ManagerId $manager)
        ($reports.Id | Sort-Object) | Should -Be (@($all | Where-Object manager -eq $manager).id | Sort-Object)

        $company = $all[0].company
        (@(Get-MergeEmployee -CompanyId $company).Id | Sort-Object) | Should -Be (@($all | Where-Object company -eq $company).id | Sort-Object)

        $team = ($all | Where-Object team | Select-Object -First 1).team
        (@(Get-MergeEmployee -TeamId $team).Id | Sort-Object) | Should -Be (@($all | Where-Object team -eq $team).id | Sort-Object)
    }

    It 'filters by -WorkEmail' {
        $target = $all[10]
        $found = @(Get-MergeEmployee -WorkEmail $target.work_email)
        $found.Id | Should -Be @($target.id)
    }

    It 'sends -StartedAfter and -ModifiedAfter as ISO 8601 UTC and filters on them' {
        $cut = [datetime]::SpecifyKind([datetime]'2024-06-01T00:00:00', 'Utc')
        Clear-EmulatorRequests
        $started = @(Get-MergeEmployee -StartedAfter $cut)
        Get-QueryValue (Get-EmulatorRequests)[0].query 'started_after' | Should -Be '2024-06-01T00:00:00.0000000Z'
        $expected = @($all | Where-Object { $_.start_date -and ([datetimeoffset]$_.start_date) -gt $cut }).id
        ($started.Id | Sort-Object) | Should -Be ($expected | Sort-Object)

        $modified = @(Get-MergeEmployee -ModifiedAfter $cut)
        $expectedModified = @($all | Where-Object { ([datetimeoffset]$_.modified_at) -gt $cut }).id
        ($modified.Id | Sort-Object) | Should -Be ($expectedModified | Sort-Object)
    }

    It 'hides records deleted in the source unless -IncludeDeletedData' {
        $withDeleted = @(Get-MergeEmployee -IncludeDeletedData)
        $withDeleted.Count | Should -BeGreaterThan $all.Count
        @($withDeleted | Where-Object RemoteWasDeleted).Count | Should -Be ($withDeleted.Count - $all.Count)
        @($all | Where-Object remote_was_deleted).Count | Should -Be 0
    }

    It 'fills RemoteData only with -IncludeRemoteData' {
        (Get-MergeEmployee -First 1).RemoteData | Should -BeNullOrEmpty
        (Get-MergeEmployee -First 1 -IncludeRemoteData).RemoteData | Should -Not -BeNullOrEmpty
    }

    It 'returns related records as objects with -Expand' {
        $withManager = @(Get-MergeEmployee -Expand manager, company -First 50 | Where-Object Manager)
        $withManager.Count | Should -BeGreaterThan 0
        $withManager[0].Manager | Should -BeOfType ([MergePS.Hris.Employee])
        $withManager[0].Company | Should -BeOfType ([MergePS.Hris.Company])
        $plain = Get-MergeEmployee -Id $withManager[0].Id
        $plain.Manager | Should -BeOfType ([string])
        $plain.Manager | Should -Be $withManager[0].Manager.Id
        Clear-EmulatorRequests
        $null = Get-MergeEmployee -Expand manager, company -First 1
        Get-QueryValue (Get-EmulatorRequests)[0].query 'expand' | Should -Be 'manager,company'
    }

    It 'expands lists of relations' {
        $employee = Get-MergeEmployee -Expand employments, groups -First 20 | Where-Object { $_.Employments.Count -gt 0 } | Select-Object -First 1
        $employee.Employments[0] | Should -BeOfType ([MergePS.Hris.Employment])
    }

    It 'completes -Expand values from the catalogue' {
        $completions = TabExpansion2 -inputScript 'Get-MergeEmployee -Expand ma' -cursorColumn 'Get-MergeEmployee -Expand ma'.Length
        $completions.CompletionMatches.CompletionText | Should -Be @('manager')
    }
}

Describe 'Pipelines between HRIS cmdlets' {
    It 'lists the employments of piped employees' {
        $employees = @(Get-MergeEmployee -First 3)
        $employments = @($employees | Get-MergeEmployment)
        $employments.Count | Should -BeGreaterThan 0
        $employments.Employee | Sort-Object -Unique | Should -BeIn $employees.Id
        $expected = foreach ($e in $employees) { Get-EmulatorAll "hris/v1/employments?employee_id=$($e.Id)" }
        ($employments.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
    }

    It 'lists the members of a piped team' {
        $team = Get-MergeTeam -First 20 | Where-Object { @(Get-EmulatorAll "hris/v1/employees?team_id=$($_.Id)").Count -gt 0 } | Select-Object -First 1
        $members = @($team | Get-MergeEmployee)
        $members.Count | Should -BeGreaterThan 0
        $members.Team | Sort-Object -Unique | Should -Be $team.Id
    }
}

Describe 'The emulator interprets every HRIS filter' {
    It 'has no unmapped HRIS filter' {
        $unmapped = @(Invoke-RestMethod "$EmulatorUrl/_emulator/unmapped-filters" | Where-Object { $_.path -like '/hris/*' })
        $unmapped | Should -BeNullOrEmpty
    }
}
