BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Connect-Merge' {
    AfterEach { Disconnect-Merge }

    It 'maps region <Region> to <Expected>' -TestCases @(
        @{ Region = 'US'; Expected = 'https://api.merge.dev/api/' }
        @{ Region = 'EU'; Expected = 'https://api-eu.merge.dev/api/' }
        @{ Region = 'APAC'; Expected = 'https://api-ap.merge.dev/api/' }
        @{ Region = 'Sandbox'; Expected = 'https://api-sandbox.merge.dev/api/' }
    ) {
        Connect-Merge -ApiKey 'key-1234567890' -Region $Region
        (Get-MergeContext).BaseUri | Should -Be $Expected
        (Get-MergeContext).Region | Should -Be $Region
    }

    It 'defaults to the US host' {
        Connect-Merge -ApiKey 'key-1234567890'
        (Get-MergeContext).BaseUri | Should -Be 'https://api.merge.dev/api/'
    }

    It 'accepts plain http only to loopback' {
        Connect-Merge -ApiKey 'key-1234567890' -BaseUri 'http://127.0.0.1:9/api'
        (Get-MergeContext).BaseUri | Should -Be 'http://127.0.0.1:9/api/'
        { Connect-Merge -ApiKey 'key-1234567890' -BaseUri 'http://api.example.com/api' } |
            Should -Throw -ErrorId 'MergePS.InsecureBaseUri,MergePS.Commands.ConnectMergeCommand'
    }

    It 'rejects <Case> with <ErrorId>' -TestCases @(
        @{ Case = 'an unknown region'; Arguments = @{ ApiKey = 'k1234'; Region = 'Mars' }; ErrorId = 'MergePS.InvalidRegion' }
        @{ Case = 'a relative base URI'; Arguments = @{ ApiKey = 'k1234'; BaseUri = '/api' }; ErrorId = 'MergePS.InvalidBaseUri' }
        @{ Case = 'an ftp base URI'; Arguments = @{ ApiKey = 'k1234'; BaseUri = 'ftp://127.0.0.1/api' }; ErrorId = 'MergePS.InvalidBaseUri' }
        @{ Case = 'both region and base URI'; Arguments = @{ ApiKey = 'k1234'; Region = 'EU'; BaseUri = 'https://x.test/api' }; ErrorId = 'MergePS.InvalidArgument' }
        @{ Case = 'a blank key'; Arguments = @{ ApiKey = '   ' }; ErrorId = 'MergePS.InvalidApiKey' }
    ) {
        { Connect-Merge @Arguments } | Should -Throw -ErrorId "$ErrorId,MergePS.Commands.ConnectMergeCommand"
    }

    It 'takes the key from a PSCredential password' {
        $credential = [pscredential]::new('merge', (ConvertTo-SecureString 'cred-key-4321' -AsPlainText -Force))
        Connect-Merge -Credential $credential -BaseUri $ApiBase
        (Get-MergeContext).ApiKey | Should -Be '****4321'
    }

    It 'reads MERGE_API_KEY, MERGE_ACCOUNT_TOKEN and MERGE_BASE_URI with -FromEnvironment' {
        $env:MERGE_API_KEY = $ApiKey
        $env:MERGE_ACCOUNT_TOKEN = 'hris-token-1'
        $env:MERGE_BASE_URI = $ApiBase
        try {
            Connect-Merge -FromEnvironment
            $context = Get-MergeContext
            $context.BaseUri | Should -Be "$ApiBase/"
            $context.Account | Should -Be 'default'
            @(Get-MergeEmployee -First 1).Count | Should -Be 1
        }
        finally {
            Remove-Item Env:MERGE_API_KEY, Env:MERGE_ACCOUNT_TOKEN, Env:MERGE_BASE_URI
        }
    }

    It 'reads MERGE_REGION with -FromEnvironment' {
        $env:MERGE_API_KEY = 'env-key-5555'
        $env:MERGE_REGION = 'EU'
        try {
            Connect-Merge -FromEnvironment
            (Get-MergeContext).BaseUri | Should -Be 'https://api-eu.merge.dev/api/'
        }
        finally {
            Remove-Item Env:MERGE_API_KEY, Env:MERGE_REGION
        }
    }

    It 'fails with MergePS.MissingEnvironment when MERGE_API_KEY is unset' {
        Remove-Item Env:MERGE_API_KEY -ErrorAction SilentlyContinue
        { Connect-Merge -FromEnvironment } | Should -Throw -ErrorId 'MergePS.MissingEnvironment,MergePS.Commands.ConnectMergeCommand'
    }

    It 'returns the session with -PassThru and shows the key only as its last four characters' {
        $session = Connect-Merge -ApiKey 'sk_live_supersecret_9f3a' -BaseUri $ApiBase -PassThru
        $session | Should -BeOfType ([MergePS.Client.MergeSession])
        $session.ApiKeyHint | Should -Be '****9f3a'
        "$session" | Should -Not -Match 'supersecret'
        ($session | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue) | Should -Not -Match 'supersecret'
        (Get-MergeContext | Out-String) | Should -Not -Match 'supersecret'
    }
}

Describe 'Disconnect-Merge' {
    It 'leaves later calls failing with MergePS.NotConnected' {
        Connect-TestSession
        Disconnect-Merge
        { Get-MergeEmployee -First 1 } | Should -Throw -ErrorId 'MergePS.NotConnected,MergePS.Commands.GetMergeEmployeeCommand'
        { Get-MergeContext } | Should -Throw -ErrorId 'MergePS.NotConnected,MergePS.Commands.GetMergeContextCommand'
    }
}

Describe 'Sessions per runspace' {
    It 'does not share the default session with another runspace' {
        Connect-TestSession
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:MERGEPS_TEST_MODULE'; try { Get-MergeContext -ErrorAction Stop; 'connected' } catch { `$_.FullyQualifiedErrorId }")
            $ps.Invoke() | Should -Be 'MergePS.NotConnected,MergePS.Commands.GetMergeContextCommand'
        }
        finally {
            $ps.Dispose()
        }

        (Get-MergeContext).Account | Should -Be 'default'
        Disconnect-Merge
    }

    It 'lets -Session address a session that is not the default' {
        Connect-TestSession
        $other = Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase -AccountToken 'hris-token-2' -PassThru
        Connect-TestSession
        Clear-EmulatorRequests
        $null = Get-MergeEmployee -First 1 -Session $other
        (Get-EmulatorRequests)[-1].headers.'X-Account-Token' | Should -Be 'hris-token-2'
        Disconnect-Merge
    }
}

Describe 'Set-MergeAccount and headers' {
    BeforeAll { Connect-TestSession -Token $null }
    AfterAll { Disconnect-Merge }

    It 'fails with MergePS.NoAccount naming Set-MergeAccount when no account is set' {
        $err = { Get-MergeEmployee -First 1 } | Should -Throw -ErrorId 'MergePS.NoAccount,MergePS.Commands.GetMergeEmployeeCommand' -PassThru
        $err.ErrorDetails.RecommendedAction | Should -Match 'Set-MergeAccount'
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'sends Authorization and X-Account-Token exactly as Merge documents' {
        Set-MergeAccount -AccountToken 'hris-token-1'
        Clear-EmulatorRequests
        $null = Get-MergeEmployee -PageSize 50 -First 120
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 3
        foreach ($request in $requests) {
            $request.headers.Authorization | Should -Be "Bearer $ApiKey"
            $request.headers.'X-Account-Token' | Should -Be 'hris-token-1'
            $request.headers.'User-Agent' | Should -Match '^MergePS/\d'
        }
    }

    It 'keeps named accounts and switches between them' {
        Set-MergeAccount -Name first -AccountToken 'hris-token-1'
        Set-MergeAccount -Name second -AccountToken 'hris-token-2'
        (Get-MergeContext).Account | Should -Be 'second'
        (Get-MergeContext).Accounts | Should -Contain 'first'
        Set-MergeAccount -Name first
        (Get-MergeContext).Account | Should -Be 'first'
        { Set-MergeAccount -Name nosuch -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.UnknownAccount,MergePS.Commands.SetMergeAccountCommand'
    }

    It 'overrides the account for one call with -Account and -AccountToken' {
        Set-MergeAccount -Name first -AccountToken 'hris-token-1'
        Set-MergeAccount -Name second -AccountToken 'hris-token-2' -NoSelect
        Clear-EmulatorRequests
        $null = Get-MergeEmployee -First 1 -Account second
        $null = Get-MergeEmployee -First 1 -AccountToken 'hris-token-3'
        $null = Get-MergeEmployee -First 1
        (Get-EmulatorRequests).headers.'X-Account-Token' | Should -Be @('hris-token-2', 'hris-token-3', 'hris-token-1')
        { Get-MergeEmployee -First 1 -Account nosuch } | Should -Throw -ErrorId 'MergePS.UnknownAccount,MergePS.Commands.GetMergeEmployeeCommand'
    }

    It 'stops with MergePS.Unauthorized for a token Merge does not know' {
        $err = { Get-MergeEmployee -First 1 -AccountToken 'no-such-token' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'MergePS.Unauthorized,MergePS.Commands.GetMergeEmployeeCommand'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.StatusCode | Should -Be 401
        "$err" | Should -Not -Match 'no-such-token'
    }

    It 'stops with MergePS.Unauthorized for a wrong API key' {
        $bad = Connect-Merge -ApiKey 'wrong-key-0000' -BaseUri $ApiBase -AccountToken 'hris-token-1' -PassThru
        { Get-MergeEmployee -First 1 -Session $bad } | Should -Throw -ErrorId 'MergePS.Unauthorized,MergePS.Commands.GetMergeEmployeeCommand'
    }
}
