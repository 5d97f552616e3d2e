BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot '../../tools/build/Common.ps1')
    Reset-Emulator
    $env:MERGE_RETRY_BASE_DELAY_MS = '5'

    function Stop-InRunspace([string] $Script, [int] $AfterMilliseconds) {
        # Runs $Script in its own runspace, stops it like Ctrl+C would, and returns how long Stop() took.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$env:MERGEPS_TEST_MODULE'; Connect-Merge -ApiKey '$ApiKey' -BaseUri '$ApiBase' -AccountToken hris-token-1; $Script")
        $async = $ps.BeginInvoke()
        Start-Sleep -Milliseconds $AfterMilliseconds
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Stop()
        $state = $ps.InvocationStateInfo.State
        $ps.Dispose()
        [pscustomobject]@{ Elapsed = $clock.Elapsed; State = $state }
    }
}

AfterAll {
    Clear-EmulatorFaults
    Remove-Item Env:MERGE_RETRY_BASE_DELAY_MS -ErrorAction SilentlyContinue
    Disconnect-Merge
}

Describe 'Retries' {
    BeforeEach { Connect-TestSession; Clear-EmulatorRequests }
    AfterEach { Clear-EmulatorFaults }

    It 'retries <Kind> on reads and still returns the page' -TestCases @(
        @{ Kind = '429' }, @{ Kind = '408' }, @{ Kind = '500' }, @{ Kind = '502' }, @{ Kind = '503' }, @{ Kind = '504' },
        @{ Kind = 'reset' }, @{ Kind = 'truncated' }
    ) {
        Set-EmulatorFaults @{ count = 2; kinds = @($Kind); retryAfter = '0' }
        $items = @(Get-MergeEmployee -First 5 -Verbose 4>&1)
        $records = @($items | Where-Object { $_ -is [MergePS.Hris.Employee] })
        $verbose = @($items | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $records.Count | Should -Be 5
        (Get-EmulatorRequests).Count | Should -Be 3
        @($verbose | Where-Object Message -Match 'retry \d of').Count | Should -Be 2
        (Get-MergeContext).Retries | Should -Be 2
    }

    It 'honours Retry-After given in seconds' {
        Set-EmulatorFaults @{ count = 1; kinds = @('429'); retryAfter = '1' }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-MergeEmployee -First 1
        $clock.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 950
        $context = Get-MergeContext
        $context.Throttles | Should -Be 1
        $context.LastRetryAfter | Should -Be ([TimeSpan]::FromSeconds(1))
        $context.LastThrottleAt | Should -Not -BeNullOrEmpty
    }

    It 'honours Retry-After given as an HTTP date' {
        $date = [DateTimeOffset]::UtcNow.AddSeconds(2).ToString('r')
        Set-EmulatorFaults @{ count = 1; kinds = @('429'); retryAfter = $date }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-MergeEmployee -First 1
        $clock.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 900
    }

    It 'warns when throttling repeats' {
        Set-EmulatorFaults @{ count = 3; kinds = @('429'); retryAfter = '0' }
        $null = Get-MergeEmployee -First 1 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -BeGreaterThan 0
        "$($warnings[0])" | Should -Match 'throttling'
    }

    It 'gives up after -MaxRetries with MergePS.ServerError' {
        Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -MaxRetries 2
        Set-EmulatorFaults @{ count = 10; kinds = @('503') }
        { Get-MergeEmployee -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.ServerError,MergePS.Commands.GetMergeEmployeeCommand'
        (Get-EmulatorRequests).Count | Should -Be 3
    }

    It 'does not retry a create on 500, so nothing is created twice' {
        Set-EmulatorFaults @{ count = 1; kinds = @('500'); pathContains = 'time-off' }
        $employee = (Get-MergeEmployee -First 1).Id
        { New-MergeTimeOff -Employee $employee -RequestType VACATION -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.ServerError,MergePS.Commands.NewMergeTimeOffCommand'
        @(Get-EmulatorRequests | Where-Object method -eq 'POST').Count | Should -Be 1
    }

    It 'retries a create that was throttled' {
        Set-EmulatorFaults @{ count = 1; kinds = @('429'); retryAfter = '0'; pathContains = 'time-off' }
        $employee = (Get-MergeEmployee -First 1).Id
        $created = New-MergeTimeOff -Employee $employee -RequestType VACATION
        $created.Id | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequests | Where-Object method -eq 'POST').Count | Should -Be 2
    }

    It 'times out a slow response with MergePS.Timeout' {
        Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -TimeoutSeconds 1 -MaxRetries 0
        Set-EmulatorFaults @{ count = 1; kinds = @('slow'); slowMs = 3000 }
        { Get-MergeEmployee -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.Timeout,MergePS.Commands.GetMergeEmployeeCommand'
    }

    It 'does not follow a redirect to another host' {
        Set-EmulatorFaults @{ count = 1; kinds = @('302') }
        { Get-MergeEmployee -First 1 } | Should -Throw -ErrorId 'MergePS.Redirected,MergePS.Commands.GetMergeEmployeeCommand'
        (Get-EmulatorRequests).Count | Should -Be 1
    }
}

Describe 'Paging that cannot lose data' {
    BeforeEach { Connect-TestSession -Token 'hris-token-1'; Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -MaxRetries 0 }
    AfterEach { Clear-EmulatorFaults }

    It 'carries the failed page''s cursor on the error, and -Cursor resumes with no gap or repeat' {
        $all = @(Get-EmulatorAll 'hris/v1/employees')
        $script:seen = 0
        $first = @(Get-MergeEmployee -PageSize 10 -ErrorVariable failures -ErrorAction SilentlyContinue | ForEach-Object {
            if (++$script:seen -eq 15) { Set-EmulatorFaults @{ count = 1; kinds = @('503') } }
            $_
        })
        $first.Count | Should -Be 20
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'MergePS.ServerError,MergePS.Commands.GetMergeEmployeeCommand'
        $cursor = $failures[0].Exception.Cursor
        $cursor | Should -Not -BeNullOrEmpty
        $failures[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($cursor))
        $rest = @(Get-MergeEmployee -PageSize 10 -Cursor $cursor)
        $ids = @($first.Id) + @($rest.Id)
        $ids.Count | Should -Be $all.Count
        ($ids | Sort-Object) | Should -Be ($all.id | Sort-Object)
    }
}

Describe 'Chaos: 20,000 records under 10% faults' {
    BeforeAll {
        $chaos = Start-TestEmulator @('--employees', '20000')
        $chaosApi = "$($chaos.Url)/api"
        # Read the chaos emulator directly, before any fault is switched on.
        $expected = [System.Collections.Generic.List[string]]::new()
        $url = "$chaosApi/hris/v1/employees?page_size=100"
        $headers = @{ Authorization = "Bearer $ApiKey"; 'X-Account-Token' = 'hris-token-1' }
        while ($url) {
            $page = Invoke-RestMethod -Uri $url -Headers $headers
            foreach ($row in $page.results) { $expected.Add($row.id) }
            $url = if ($page.next) { "$chaosApi/hris/v1/employees?page_size=100&cursor=$([Uri]::EscapeDataString($page.next))" }
        }
    }

    AfterAll { Stop-MergeEmulator $chaos }

    It 'streams every record exactly once' {
        $expected.Count | Should -BeGreaterOrEqual 20000
        Set-EmulatorFaults -Url $chaos.Url @{ rate = 0.1; kinds = @('429', '500', '502', '503', '504', 'reset', 'truncated', 'slow'); retryAfter = '0'; slowMs = 100; seed = 7 }
        $session = Connect-Merge -ApiKey $ApiKey -BaseUri $chaosApi -AccountToken hris-token-1 -MaxRetries 10 -PassThru
        $ids = [System.Collections.Generic.List[string]]::new()
        Get-MergeEmployee -Session $session | ForEach-Object { $ids.Add($_.Id) }
        Get-EmulatorFaultCount -Url $chaos.Url | Should -BeGreaterThan 10
        $session.Statistics.Retries | Should -BeGreaterThan 10
        $ids.Count | Should -Be $expected.Count
        [System.Linq.Enumerable]::Count([System.Linq.Enumerable]::Distinct($ids)) | Should -Be $expected.Count
        $missing = [System.Linq.Enumerable]::Except([string[]]$expected, [string[]]$ids)
        @($missing).Count | Should -Be 0
    }
}

Describe 'Cancellation' {
    AfterEach { Clear-EmulatorFaults }

    It 'stops a request in flight within a second' {
        Set-EmulatorFaults @{ latencyMs = 10000 }
        $result = Stop-InRunspace 'Get-MergeEmployee -First 1' 1500
        $result.Elapsed.TotalMilliseconds | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
    }

    It 'stops a retry wait within a second' {
        Set-EmulatorFaults @{ count = 5; kinds = @('429'); retryAfter = '30' }
        $result = Stop-InRunspace 'Get-MergeEmployee -First 1' 1500
        $result.Elapsed.TotalMilliseconds | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
    }

    It 'stops a page loop within a second' {
        Set-EmulatorFaults @{ latencyMs = 100 }
        $result = Stop-InRunspace 'Get-MergeEmployee -PageSize 1 | ForEach-Object { $_ }' 1500
        $result.Elapsed.TotalMilliseconds | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
    }
}
