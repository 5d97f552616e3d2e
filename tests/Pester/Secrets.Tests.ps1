# The API key and account tokens never reach any stream, transcript, error or serialisation.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot '../../tools/build/Common.ps1')
    $alphabet = [char[]]'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
    $secretKey = 'sk_' + -join (1..64 | ForEach-Object { $alphabet | Get-Random })
    $secretToken = 'tok_' + -join (1..64 | ForEach-Object { $alphabet | Get-Random })
    $private = Start-TestEmulator @('--api-key', $secretKey)
    $privateApi = "$($private.Url)/api"
    # The emulator knows only its seeded tokens; the random one exercises the 401 path.
    $knownToken = 'hris-token-1'
    $transcript = Join-Path $TestDrive 'transcript.txt'
}

AfterAll {
    Stop-MergeEmulator $private
    Disconnect-Merge
}

Describe 'Secret hygiene' {
    It 'never shows the key or tokens with -Verbose -Debug under a transcript' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            $captured = & {
                Connect-Merge -ApiKey $secretKey -BaseUri $privateApi -MaxRetries 3 -Verbose -Debug -PassThru
                Set-MergeAccount -Name other -AccountToken $secretToken -Verbose -Debug -PassThru
                Set-MergeAccount -Name main -AccountToken $knownToken -Verbose -Debug -PassThru
                Get-MergeContext | Format-List * | Out-String
                Get-MergeEmployee -First 3 -Verbose -Debug
                # A token Merge refuses ends the command (MergePS.Unauthorized); its record is printed too.
                try { Get-MergeEmployee -First 1 -Account other -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String }
                Get-MergeEmployee -Id 'missing' -Verbose -Debug -ErrorAction Continue
                try { Get-MergeEmployee -First 1 -AccountToken $secretToken } catch { $_ | Format-List * -Force | Out-String }
                New-MergeTimeOff -Model @{ employee_note = 'x' } -WhatIf -Verbose -Debug
                Get-MergeWriteSchema -Resource TimeOff -Verbose -Debug
                Get-MergeGroupType -Verbose -Debug
                Hide-MergeRecord -Resource Employee -Id 'x' -Reason GDPR -WhatIf -Verbose -Debug
                # Platform, raw-request and webhook families.
                Get-MergeAccountDetail -Verbose -Debug
                Get-MergeLinkedAccount -First 2 -Verbose -Debug
                Get-MergeSyncStatus -Verbose -Debug
                Get-MergeIssue -First 1 -Verbose -Debug
                New-MergeLinkToken -EndUserEmailAddress 'a@b.example' -EndUserOrganizationName 'Acme' -EndUserOriginId 'o-1' -Categories hris -WhatIf -Verbose -Debug
                Invoke-MergeRequest -Method GET -Path 'hris/v1/employees' -All -Verbose -Debug | Select-Object -First 2
                Invoke-MergePassthrough -Method GET -Path '/employees' -Verbose -Debug
                Test-MergeWebhookSignature -Body '{"a":1}' -Signature 'abc' -Key $secretToken
                Set-EmulatorFaults -Url $private.Url @{ count = 2; kinds = @('503', '429'); retryAfter = '0' }
                Get-MergeEmployee -First 1 -Verbose -Debug
                $Error | Out-String
            } *>&1 | Out-String
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $captured | Should -Match 'Authorization: \[redacted\]'
        $captured | Should -Match 'X-Account-Token: \[redacted\]'
        $everything = $captured + (Get-Content -Raw $transcript)
        foreach ($secret in $secretKey, $secretToken, $knownToken) {
            $everything.Contains($secret) | Should -BeFalse -Because "'$($secret.Substring(0, 6))…' must never be printed"
        }
    }

    It 'keeps secrets out of ToString, ConvertTo-Json and Export-Clixml of the session' {
        $session = Connect-Merge -ApiKey $secretKey -BaseUri $privateApi -AccountToken $secretToken -PassThru
        $clixml = Join-Path $TestDrive 'session.xml'
        $session | Export-Clixml -Path $clixml -Depth 5 -WarningAction SilentlyContinue
        $texts = @(
            "$session"
            ($session | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue)
            (Get-Content -Raw $clixml)
            ($session | Format-List * | Out-String)
            ($session.Accounts | Format-List * | Out-String)
            (Get-MergeContext | ConvertTo-Json)
        )
        foreach ($text in $texts) {
            $text.Contains($secretKey) | Should -BeFalse
            $text.Contains($secretToken) | Should -BeFalse
        }
    }

    It 'keeps secrets out of error records' {
        Connect-Merge -ApiKey $secretKey -BaseUri $privateApi -AccountToken $secretToken -MaxRetries 0
        $record = $null
        try { Get-MergeEmployee -First 1 -ErrorAction Stop } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $text = ($record | Format-List * -Force | Out-String) + $record.Exception.ToString() + ($record.Exception | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $text.Contains($secretKey) | Should -BeFalse
        $text.Contains($secretToken) | Should -BeFalse
    }
}
