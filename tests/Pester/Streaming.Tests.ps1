# Prefetching the next page and reading several accounts at once.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Reset-Emulator
}

AfterAll { Disconnect-Merge }

Describe 'Fan-out over accounts' {
    BeforeAll {
        Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase
        Set-MergeAccount -Name acme -AccountToken 'hris-token-1'
        Set-MergeAccount -Name beta -AccountToken 'hris-token-2'
        Set-MergeAccount -Name gamma -AccountToken 'hris-token-3'
        $expected = @{}
        foreach ($pair in @(@('acme', 'hris-token-1'), @('beta', 'hris-token-2'), @('gamma', 'hris-token-3'))) {
            $expected[$pair[0]] = @(Get-EmulatorAll 'hris/v1/employees' -Token $pair[1]).id
        }
    }

    It 'reads every account with -Account * and tags each record with its account' {
        Clear-EmulatorRequests
        $items = @(Get-MergeEmployee -Account * -ThrottleLimit 3)
        $items.Count | Should -Be ($expected.acme.Count + $expected.beta.Count + $expected.gamma.Count)
        foreach ($name in 'acme', 'beta', 'gamma') {
            (@($items | Where-Object MergeAccount -eq $name).Id | Sort-Object) | Should -Be ($expected[$name] | Sort-Object)
        }

        $tokens = (Get-EmulatorRequests).headers.'X-Account-Token' | Sort-Object -Unique
        $tokens | Should -Be @('hris-token-1', 'hris-token-2', 'hris-token-3')
    }

    It 'reads only the named accounts and wildcards' {
        $items = @(Get-MergeEmployee -Account acme, 'g*')
        ($items.MergeAccount | Sort-Object -Unique) | Should -Be @('acme', 'gamma')
    }

    It 'honours -First across accounts' {
        @(Get-MergeEmployee -Account * -First 7).Count | Should -Be 7
    }

    It 'refuses several accounts where one is needed' {
        { Get-MergeEmployee -Id 'x' -Account * } | Should -Throw -ErrorId 'MergePS.InvalidArgument,MergePS.Commands.GetMergeEmployeeCommand'
    }
}

Describe 'Prefetch' {
    AfterEach { Clear-EmulatorFaults }

    It 'asks for the next page while a slow consumer is still on the current one' {
        Connect-TestSession
        Clear-EmulatorRequests
        $consumed = [System.Collections.Generic.List[datetime]]::new()
        Get-MergeEmployee -PageSize 5 -First 10 | ForEach-Object { Start-Sleep -Milliseconds 30; $consumed.Add([datetime]::UtcNow) }
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 2
        ([datetime]$requests[1].time).ToUniversalTime() | Should -BeLessThan $consumed[4]
    }

    It 'writes the last page when a prefetch read it while the consumer was still on the page before' {
        Connect-TestSession
        $expected = @(Get-EmulatorAll 'hris/v1/employees').id
        # Slow on each page's first record (the prefetch starts) and on its last (the prefetch, the
        # last page included, completes before the page is done).
        $n = 0
        $ids = Get-MergeEmployee -PageSize 100 | ForEach-Object { if ((++$n % 100) -in 0, 1) { Start-Sleep -Milliseconds 50 }; $_.Id }
        @($ids).Count | Should -Be $expected.Count
        @($ids | Sort-Object -Unique).Count | Should -Be $expected.Count
    }

    It 'fetches strictly in turn with -NoPrefetch' {
        Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -NoPrefetch
        Clear-EmulatorRequests
        $consumed = [System.Collections.Generic.List[datetime]]::new()
        Get-MergeEmployee -PageSize 5 -First 10 | ForEach-Object { Start-Sleep -Milliseconds 30; $consumed.Add([datetime]::UtcNow) }
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 2
        ([datetime]$requests[1].time).ToUniversalTime() | Should -BeGreaterThan $consumed[4]
    }

    It 'keeps a per-account request budget with -MaxRequestsPerMinute' {
        Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -MaxRequestsPerMinute 3
        Clear-EmulatorRequests
        $job = Start-ThreadJob { param($m, $b, $k) Import-Module $m; Connect-Merge -ApiKey $k -BaseUri $b -AccountToken hris-token-1 -MaxRequestsPerMinute 3; Get-MergeEmployee -PageSize 1 -First 5 } -ArgumentList $env:MERGEPS_TEST_MODULE, $ApiBase, $ApiKey
        Start-Sleep -Seconds 3
        (Get-EmulatorRequests).Count | Should -Be 3
        $job | Stop-Job -PassThru | Remove-Job -Force
    }
}

Describe 'Progress' {
    AfterEach { Clear-EmulatorFaults }

    It 'shows records, pages and rate on a long listing, honours $ProgressPreference, and completes' {
        Set-EmulatorFaults @{ latencyMs = 150 }
        $script = "Import-Module '$env:MERGEPS_TEST_MODULE'; Connect-Merge -ApiKey '$ApiKey' -BaseUri '$ApiBase' -AccountToken hris-token-1; "
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript($script + '$ProgressPreference = "Continue"; Get-MergeEmployee -PageSize 5 -First 60 | Measure-Object | ForEach-Object Count')
            $ps.Invoke() | Should -Be 60
            $records = @($ps.Streams.Progress | Where-Object Activity -like '*employees*')
            $records.Count | Should -BeGreaterThan 0
            $records[0].StatusDescription | Should -Match '\d+ records in \d+ pages \(\d+/s\)'
            $records[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }

        $quiet = [powershell]::Create()
        try {
            $null = $quiet.AddScript($script + '$ProgressPreference = "SilentlyContinue"; Get-MergeEmployee -PageSize 5 -First 60 | Measure-Object | ForEach-Object Count')
            $quiet.Invoke() | Should -Be 60
            @($quiet.Streams.Progress).Count | Should -Be 0
        }
        finally { $quiet.Dispose() }
    }
}
