# Bad input never crashes a cmdlet: each row gives its documented ErrorId (about_MergePS_Errors).
BeforeDiscovery {
    $cases = @(
        # Connecting
        @{ Name = 'unknown region'; Id = 'MergePS.InvalidRegion'; Script = { Connect-Merge -ApiKey 'k-12345' -Region 'Mars' } }
        @{ Name = 'empty region'; Id = 'MergePS.InvalidRegion'; Script = { Connect-Merge -ApiKey 'k-12345' -Region '' } }
        @{ Name = 'base URI that is not a URI'; Id = 'MergePS.InvalidBaseUri'; Script = { Connect-Merge -ApiKey 'k-12345' -BaseUri 'not a uri' } }
        @{ Name = 'ftp base URI'; Id = 'MergePS.InvalidBaseUri'; Script = { Connect-Merge -ApiKey 'k-12345' -BaseUri 'ftp://127.0.0.1/api' } }
        @{ Name = 'base URI with a query'; Id = 'MergePS.InvalidBaseUri'; Script = { Connect-Merge -ApiKey 'k-12345' -BaseUri 'https://api.merge.dev/api?x=1' } }
        @{ Name = 'plain http to a remote host'; Id = 'MergePS.InsecureBaseUri'; Script = { Connect-Merge -ApiKey 'k-12345' -BaseUri 'http://api.example.com/api' } }
        @{ Name = 'empty API key'; Id = 'MergePS.InvalidApiKey'; Script = { Connect-Merge -ApiKey '' } }
        @{ Name = 'blank API key'; Id = 'MergePS.InvalidApiKey'; Script = { Connect-Merge -ApiKey "  `t " } }
        @{ Name = 'region and base URI together'; Id = 'MergePS.InvalidArgument'; Script = { Connect-Merge -ApiKey 'k-12345' -Region EU -BaseUri 'https://x.test/api' } }
        @{ Name = 'missing MERGE_API_KEY'; Id = 'MergePS.MissingEnvironment'; Script = { Remove-Item Env:MERGE_API_KEY -ErrorAction SilentlyContinue; Connect-Merge -FromEnvironment } }
        @{ Name = 'non-numeric MERGE_TIMEOUT_SECONDS'; Id = 'MergePS.InvalidArgument'; Script = { $env:MERGE_TIMEOUT_SECONDS = 'soon'; try { Connect-Merge -ApiKey 'k-12345' } finally { Remove-Item Env:MERGE_TIMEOUT_SECONDS } } }
        @{ Name = 'negative MERGE_MAX_RETRIES'; Id = 'MergePS.InvalidArgument'; Script = { $env:MERGE_MAX_RETRIES = '-3'; try { Connect-Merge -ApiKey 'k-12345' } finally { Remove-Item Env:MERGE_MAX_RETRIES } } }
        # Session and accounts
        @{ Name = 'no session'; Id = 'MergePS.NotConnected'; Session = 'none'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'no account'; Id = 'MergePS.NoAccount'; Session = 'noaccount'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'unknown account name'; Id = 'MergePS.UnknownAccount'; Script = { Get-MergeEmployee -First 1 -Account 'nope' } }
        @{ Name = 'empty per-call account token'; Id = 'MergePS.InvalidAccountToken'; Script = { Get-MergeEmployee -First 1 -AccountToken '' } }
        @{ Name = 'empty account token'; Id = 'MergePS.InvalidAccountToken'; Script = { Set-MergeAccount -AccountToken ' ' } }
        @{ Name = 'selecting an unknown account'; Id = 'MergePS.UnknownAccount'; Script = { Set-MergeAccount -Name 'ghost' } }
        @{ Name = 'wrong account token'; Id = 'MergePS.Unauthorized'; Script = { Get-MergeEmployee -First 1 -AccountToken 'not-a-token' } }
        # Ids, filters and paging
        @{ Name = 'blank id'; Id = 'MergePS.InvalidArgument'; Script = { Get-MergeEmployee -Id '   ' } }
        @{ Name = 'unknown id'; Id = 'MergePS.NotFound'; Script = { Get-MergeEmployee -Id 'no-such-employee' } }
        @{ Name = 'id with path characters'; Id = 'MergePS.NotFound'; Script = { Get-MergeEmployee -Id '../../linked-accounts' } }
        @{ Name = 'garbage cursor'; Id = 'MergePS.NotFound'; Script = { Get-MergeEmployee -Cursor '%%%not-a-cursor' } }
        @{ Name = 'page size 0'; Id = 'ParameterArgumentValidationError'; Script = { Get-MergeEmployee -PageSize 0 } }
        @{ Name = 'page size 101'; Id = 'ParameterArgumentValidationError'; Script = { Get-MergeEmployee -PageSize 101 } }
        @{ Name = 'a date that is not a date'; Id = 'CannotConvertArgumentNoMessage'; Script = { Get-MergeEmployee -CreatedAfter 'yesterday-ish' } }
        @{ Name = 'model that is not an object'; Id = 'MergePS.InvalidArgument'; Script = { New-MergeTimeOff -Model 'just text' -Confirm:$false } }
        @{ Name = 'model holding a SecureString'; Id = 'MergePS.InvalidArgument'; Script = { New-MergeTimeOff -Model @{ note = (ConvertTo-SecureString 'x' -AsPlainText -Force) } -Confirm:$false } }
        @{ Name = 'unknown resource'; Id = 'MergePS.InvalidArgument'; Script = { Get-MergeWriteSchema -Resource 'Spaceship' } }
        @{ Name = 'resource without that operation'; Id = 'MergePS.InvalidArgument'; Script = { Hide-MergeRecord -Resource 'Company' -Id 'x' -Reason GDPR -Confirm:$false } }
        # What a server may send
        @{ Name = 'server 400'; Id = 'MergePS.BadRequest'; Fault = '400'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 401'; Id = 'MergePS.Unauthorized'; Fault = '401'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 403'; Id = 'MergePS.Forbidden'; Fault = '403'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 404'; Id = 'MergePS.NotFound'; Fault = '404'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 408'; Id = 'MergePS.Timeout'; Fault = '408'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 429'; Id = 'MergePS.RateLimited'; Fault = '429'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 500'; Id = 'MergePS.ServerError'; Fault = '500'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'server 503'; Id = 'MergePS.ServerError'; Fault = '503'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'HTML error page'; Id = 'MergePS.ServerError'; Fault = 'html'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'huge error body'; Id = 'MergePS.ServerError'; Fault = 'huge'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'body that is not JSON'; Id = 'MergePS.InvalidResponse'; Fault = 'notjson'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'truncated JSON'; Id = 'MergePS.InvalidResponse'; Fault = 'truncated'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'empty body'; Id = 'MergePS.InvalidResponse'; Fault = 'empty'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'connection reset mid-body'; Id = 'MergePS.ConnectionFailed'; Fault = 'reset'; Script = { Get-MergeEmployee -First 1 } }
        @{ Name = 'redirect to another host'; Id = 'MergePS.Redirected'; Fault = '302'; Script = { Get-MergeEmployee -First 1 } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Reset-Emulator
}

AfterAll {
    Clear-EmulatorFaults
    Disconnect-Merge
}

Describe 'Bad input gives its documented ErrorId' {
    It '<Name> gives <Id>' -ForEach $cases {
        switch ($Session) {
            'none' { Disconnect-Merge }
            'noaccount' { Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -MaxRetries 0 }
            default { Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -MaxRetries 0 }
        }

        if ($Fault) { Set-EmulatorFaults @{ count = 1; kinds = @($Fault); retryAfter = '0' } }
        try {
            $record = $null
            try {
                & $Script -ErrorAction Stop | Out-Null
            }
            catch {
                $record = $_
            }

            $record | Should -Not -BeNullOrEmpty -Because 'the input must be refused'
            $record.FullyQualifiedErrorId.Split(',')[0] | Should -Be $Id
            $record.Exception | Should -Not -BeOfType ([System.NullReferenceException])
            if ($Id -like 'MergePS.*') {
                $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
                $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
            }
        }
        finally {
            Clear-EmulatorFaults
        }
    }
}

Describe 'Error records carry what a script needs' {
    BeforeAll { Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken hris-token-1 -MaxRetries 0 }

    It 'sets the target, the status, the server message and a category from the status' {
        $record = $null
        try { Get-MergeEmployee -Id 'missing-id' -ErrorAction Stop } catch { $record = $_ }
        $record.TargetObject | Should -Be 'missing-id'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.Exception.StatusCode | Should -Be 404
        $record.Exception.ResponseBody | Should -Match 'Not found'
        $record.Exception.Message | Should -Match 'Not found'
    }

    It 'keeps going after one bad id among many' {
        $good = @(Get-MergeEmployee -First 2).Id
        $result = @($good[0], 'missing-id', $good[1] | Get-MergeEmployee -ErrorVariable failures -ErrorAction SilentlyContinue)
        $result.Id | Should -Be $good
        $failures.Count | Should -Be 1
    }

    It 'truncates a huge error body in the message' {
        Set-EmulatorFaults @{ count = 1; kinds = @('huge') }
        $record = $null
        try { Get-MergeEmployee -First 1 -ErrorAction Stop } catch { $record = $_ }
        $record.Exception.Message.Length | Should -BeLessThan 1000
        Clear-EmulatorFaults
    }
}
