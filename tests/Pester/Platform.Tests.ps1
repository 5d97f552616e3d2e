# The cross-category ("platform") cmdlets against the emulator: real values, the requests the emulator
# saw (paths, query, bodies), that org-level calls carry no X-Account-Token and account-scoped ones do,
# and that -WhatIf sends nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-Sent([string] $PathLike, [string] $Method) {
        # The /api requests since the last clear whose path matches (a wildcard pattern) and method.
        @(Get-EmulatorRequests | Where-Object { $_.path -like $PathLike -and (-not $Method -or $_.method -eq $Method) })
    }

    function Get-Header($Request, [string] $Name) {
        $property = $Request.headers.PSObject.Properties | Where-Object Name -EQ $Name
        if ($property) { $property.Value }
    }

    function Get-EmulatorAccountList {
        # Assigned first: Invoke-RestMethod writes a JSON array as one object.
        $accounts = Invoke-RestMethod "$EmulatorUrl/_emulator/accounts"
        $accounts
    }

    function Get-EmulatorAccount([string] $Token) {
        Get-EmulatorAccountList | Where-Object account_token -EQ $Token
    }

    function Invoke-Org([string] $Path) {
        # An org-level read straight from the emulator.
        Invoke-RestMethod -Uri "$ApiBase/$Path" -Headers @{ Authorization = "Bearer $ApiKey" }
    }

    function New-TestLinkToken([string] $OriginId, [string[]] $Categories = @('hris')) {
        New-MergeLinkToken -EndUserEmailAddress "$OriginId@example.test" -EndUserOrganizationName "Org $OriginId" -EndUserOriginId $OriginId -Categories $Categories
    }

    function Complete-Link([string] $LinkToken, [string] $Category) {
        # What Merge Link does when the end user finishes: the emulator creates the account and a public token.
        $body = @{ link_token = $LinkToken }
        if ($Category) { $body.category = $Category }
        Invoke-RestMethod -Method Post -Uri "$EmulatorUrl/_emulator/link" -ContentType 'application/json' -Body ($body | ConvertTo-Json)
    }

    Reset-Emulator
    Connect-TestSession
}

AfterAll {
    Disconnect-Merge
    Reset-Emulator
}

Describe 'Get-MergeLinkedAccount (org level)' {
    BeforeAll { $all = @(Get-EmulatorAccountList) }
    BeforeEach { Clear-EmulatorRequests }

    It 'lists every linked account of the organization, typed, without an account token' {
        $accounts = @(Get-MergeLinkedAccount)
        ($accounts.Id | Sort-Object) | Should -Be ($all.id | Sort-Object)
        $accounts[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AccountDetailsAndActions'
        $accounts[0].Integration.Name | Should -Not -BeNullOrEmpty
        $sent = Get-Sent '/api/hris/v1/linked-accounts' 'GET'
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty -Because 'linked-accounts is org level'
        Get-Header $sent[0] 'Authorization' | Should -Be "Bearer $ApiKey"
    }

    It 'sends every filter: <Case>' -TestCases @(
        @{ Case = 'category'; Arguments = @{ Category = 'ats' }; Query = @{ category = 'ats' }; ExpectedPath = '/api/ats/v1/linked-accounts' }
        @{ Case = 'status'; Arguments = @{ Status = 'complete' }; Query = @{ status = 'COMPLETE' } }
        @{ Case = 'organization'; Arguments = @{ EndUserOrganizationName = 'Acme Corporation' }; Query = @{ end_user_organization_name = 'Acme Corporation' } }
        @{ Case = 'email'; Arguments = @{ EndUserEmailAddress = 'it-admin@acme.example' }; Query = @{ end_user_email_address = 'it-admin@acme.example' } }
        @{ Case = 'integration'; Arguments = @{ IntegrationName = 'BambooHR' }; Query = @{ integration_name = 'BambooHR' } }
        @{ Case = 'one origin id'; Arguments = @{ EndUserOriginId = 'acme-hris-1' }; Query = @{ end_user_origin_id = 'acme-hris-1' } }
        @{ Case = 'several origin ids'; Arguments = @{ EndUserOriginId = 'acme-hris-1', 'globex-hris-2' }; Query = @{ end_user_origin_ids = 'acme-hris-1,globex-hris-2' } }
        @{ Case = 'test accounts'; Arguments = @{ IsTestAccount = $true }; Query = @{ is_test_account = 'true' } }
    ) {
        $expected = @($all)
        foreach ($key in $Query.Keys) {
            switch ($key) {
                'category' { $expected = @($expected | Where-Object category -EQ $Query[$key]) }
                'status' { $expected = @($expected | Where-Object status -EQ $Query[$key]) }
                'end_user_organization_name' { $expected = @($expected | Where-Object end_user_organization_name -EQ $Query[$key]) }
                'end_user_email_address' { $expected = @($expected | Where-Object end_user_email_address -EQ $Query[$key]) }
                'integration_name' { $expected = @($expected | Where-Object integration -EQ $Query[$key]) }
                'end_user_origin_id' { $expected = @($expected | Where-Object end_user_origin_id -EQ $Query[$key]) }
                'end_user_origin_ids' { $expected = @($expected | Where-Object end_user_origin_id -In ($Query[$key] -split ',')) }
                'is_test_account' { $expected = @() }
            }
        }

        $accounts = @(Get-MergeLinkedAccount @Arguments)
        ($accounts.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        $sent = @(Get-Sent '/api/*/v1/linked-accounts' 'GET')
        $sent.Count | Should -Be 1
        $sent[0].path | Should -Be $(if ($Arguments.Category) { $ExpectedPath } else { '/api/hris/v1/linked-accounts' })
        foreach ($key in $Query.Keys) { Get-QueryValue $sent[0].query $key | Should -Be $Query[$key] }
    }

    It 'sends one -Id as id (with include_duplicates) and several as ids' {
        $one = @(Get-MergeLinkedAccount -Id $all[4].id -IncludeDuplicates)
        $one.Id | Should -Be @($all[4].id)
        $two = @(Get-MergeLinkedAccount -Id $all[0].id, $all[7].id)
        ($two.Id | Sort-Object) | Should -Be (@($all[0].id, $all[7].id) | Sort-Object)
        $sent = @(Get-Sent '/api/hris/v1/linked-accounts' 'GET')
        Get-QueryValue $sent[0].query 'id' | Should -Be $all[4].id
        Get-QueryValue $sent[0].query 'include_duplicates' | Should -Be 'true'
        Get-QueryValue $sent[1].query 'ids' | Should -Be "$($all[0].id),$($all[7].id)"
    }

    It 'pages with -PageSize, stops early with -First and skips with -Skip' {
        $paged = @(Get-MergeLinkedAccount -PageSize 7)
        $paged.Count | Should -Be $all.Count
        (Get-Sent '/api/hris/v1/linked-accounts').Count | Should -Be ([math]::Ceiling($all.Count / 7))
        Clear-EmulatorRequests
        $first = @(Get-MergeLinkedAccount -First 3 -Skip 2)
        $first.Id | Should -Be @($paged[2..4].Id)
        $sent = @(Get-Sent '/api/hris/v1/linked-accounts')
        $sent.Count | Should -Be 1
        Get-QueryValue $sent[0].query 'page_size' | Should -Be '5'
    }
}

Describe 'Get-MergeAccountDetail and the account category' {
    BeforeEach { Clear-EmulatorRequests }

    It 'returns the current account''s details with its token and remembers category and id' {
        $expected = Get-EmulatorAccount 'hris-token-1'
        $details = Get-MergeAccountDetail
        $details.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AccountDetails'
        $details.Id | Should -Be $expected.id
        $details.Category | Should -Be 'hris'
        $details.Integration | Should -Be $expected.integration
        $sent = @(Get-Sent '/api/*/v1/account-details' 'GET')
        Get-Header $sent[0] 'X-Account-Token' | Should -Be 'hris-token-1'
        Set-MergeAccount -Name default -PassThru | ForEach-Object { $_.Category; $_.LinkedAccountId } | Should -Be @('hris', $expected.id)
    }

    It 'learns another account''s category from account-details once, then goes straight to it' {
        Set-MergeAccount -Name crmacct -AccountToken 'crm-token-2' -NoSelect
        $first = @(Get-MergeSyncStatus -Account crmacct)
        $first[0].ModelId | Should -BeLike 'crm.*'
        $discovery = @(Get-Sent '/api/*/v1/account-details' 'GET')
        $discovery.path | Should -Contain '/api/crm/v1/account-details'
        $discovery[0].path | Should -Be '/api/hris/v1/account-details' -Because 'HRIS is tried first'
        Clear-EmulatorRequests
        @(Get-MergeSyncStatus -Account crmacct).Count | Should -Be $first.Count
        $again = @(Get-EmulatorRequests)
        $again.path | Should -Not -Contain '/api/crm/v1/account-details'
        $again.path | Should -Contain '/api/crm/v1/sync-status'
    }

    It 'goes to -Category without discovery' {
        @(Get-MergeSyncStatus -AccountToken 'ats-token-1' -Category ats).Count | Should -BeGreaterThan 0
        (Get-EmulatorRequests).path | Should -Be @('/api/ats/v1/sync-status')
    }

    It 'rejects a -Category that is no Merge category' {
        { Get-MergeSyncStatus -Category nope } | Should -Throw -ErrorId 'MergePS.InvalidArgument,MergePS.Commands.GetMergeSyncStatusCommand'
    }
}

Describe 'New-MergeLinkToken (org level)' {
    BeforeEach { Clear-EmulatorRequests }

    It 'sends every body field and returns the link token' {
        $arguments = @{
            EndUserEmailAddress           = 'ada@example.test'
            EndUserOrganizationName       = 'Analytical Engines'
            EndUserOriginId               = 'ae-42'
            Categories                    = 'hris', 'ATS'
            Integration                   = 'bamboohr'
            LinkExpiryMinutes             = 720
            MagicLink                     = $true
            HideAdminMagicLink            = $true
            CommonModels                  = @(@{ model_id = 'hris.Employee'; enabled_actions = @('READ'); disabled_fields = @('ssn') })
            CategoryCommonModelScopes     = @{ hris = @(@{ model_name = 'Employee'; model_permissions = @{ READ = @{ is_enabled = $true } } }) }
            Language                      = 'DE'
            DisableSyncs                  = $true
            IntegrationSpecificConfig     = @{ region = 'eu' }
            CompletedAccountInitialScreen = 'selective_sync'
            LinkedDestinationId           = '7d9f2a3e-0000-4000-8000-000000000001'
            CredentialId                  = '7d9f2a3e-0000-4000-8000-000000000002'
            EkmEnabled                    = $true
        }
        $token = New-MergeLinkToken @arguments
        $token.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.LinkToken'
        $token.LinkTokenValue | Should -Match '^link-'
        $token.IntegrationName | Should -Be 'BambooHR'
        $token.MagicLinkUrl | Should -BeLike "*$($token.LinkTokenValue)"
        $sent = @(Get-Sent '/api/hris/v1/link-token' 'POST')
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty -Because 'link-token is org level'
        $body = $sent[0].body | ConvertFrom-Json
        $body.end_user_email_address | Should -Be 'ada@example.test'
        $body.end_user_organization_name | Should -Be 'Analytical Engines'
        $body.end_user_origin_id | Should -Be 'ae-42'
        $body.categories | Should -Be @('hris', 'ats')
        $body.integration | Should -Be 'bamboohr'
        $body.link_expiry_mins | Should -Be 720
        $body.should_create_magic_link_url | Should -BeTrue
        $body.hide_admin_magic_link | Should -BeTrue
        $body.common_models[0].model_id | Should -Be 'hris.Employee'
        $body.common_models[0].enabled_actions | Should -Be @('READ')
        $body.common_models[0].disabled_fields | Should -Be @('ssn')
        $body.category_common_model_scopes.hris[0].model_name | Should -Be 'Employee'
        $body.category_common_model_scopes.hris[0].model_permissions.READ.is_enabled | Should -BeTrue
        $body.language | Should -Be 'de'
        $body.are_syncs_disabled | Should -BeTrue
        $body.integration_specific_config.region | Should -Be 'eu'
        $body.completed_account_initial_screen | Should -Be 'SELECTIVE_SYNC'
        $body.linked_destination_id | Should -Be '7d9f2a3e-0000-4000-8000-000000000001'
        $body.credential_id | Should -Be '7d9f2a3e-0000-4000-8000-000000000002'
        $body.ekm_enabled | Should -BeTrue
    }

    It 'sends only the fields given' {
        New-TestLinkToken 'minimal-1' | Out-Null
        $body = (Get-Sent '/api/hris/v1/link-token')[0].body | ConvertFrom-Json
        @($body.PSObject.Properties.Name | Sort-Object) | Should -Be @('categories', 'end_user_email_address', 'end_user_organization_name', 'end_user_origin_id')
    }

    It 'sends nothing with -WhatIf' {
        New-MergeLinkToken -EndUserEmailAddress a@b.test -EndUserOrganizationName O -EndUserOriginId o -Categories hris -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }
}

Describe 'Exchanging a public token' {
    BeforeEach { Clear-EmulatorRequests }

    It 'Get-MergeAccountToken exchanges it once, org level, for the new account''s token' {
        $link = New-TestLinkToken 'exchange-1' -Categories ats
        $done = Complete-Link $link.LinkTokenValue
        Clear-EmulatorRequests
        $token = Get-MergeAccountToken -PublicToken $done.public_token
        $token.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AccountToken'
        $token.Id | Should -Be $done.linked_account_id
        $token.AccountTokenValue | Should -Be (Get-EmulatorAccountList | Where-Object id -EQ $done.linked_account_id).account_token
        $token.Integration.Categories | Should -Be @('ats')
        $sent = @(Get-Sent "/api/hris/v1/account-token/$($done.public_token)" 'GET')
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty
        { Get-MergeAccountToken -PublicToken $done.public_token -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.NotFound,MergePS.Commands.GetMergeAccountTokenCommand'
    }

    It 'Set-MergeAccount -PublicToken exchanges and sets the account in one step' {
        $link = New-TestLinkToken 'exchange-2'
        $done = Complete-Link $link.LinkTokenValue
        Clear-EmulatorRequests
        $account = Set-MergeAccount -Name newco -PublicToken $done.public_token -NoSelect -PassThru
        $account.Name | Should -Be 'newco'
        $account.LinkedAccountId | Should -Be $done.linked_account_id
        $account.Category | Should -Be 'hris'
        (Get-Sent '/api/hris/v1/account-token/*').Count | Should -Be 1
        $employees = @(Get-MergeEmployee -Account newco -First 2)
        $employees.Count | Should -Be 2
        $new = (Get-EmulatorAccountList | Where-Object id -EQ $done.linked_account_id).account_token
        Get-Header (Get-Sent '/api/hris/v1/employees')[0] 'X-Account-Token' | Should -Be $new
    }

    It 'Set-MergeAccount -PublicToken sends nothing with -WhatIf' {
        Set-MergeAccount -Name never -PublicToken 'public-unused' -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }
}

Describe 'Remove-MergeLinkedAccount' {
    BeforeAll {
        $link = New-TestLinkToken 'doomed-1' -Categories ticketing
        $doomed = Complete-Link $link.LinkTokenValue
        Set-MergeAccount -Name doomed -PublicToken $doomed.public_token -NoSelect
    }
    BeforeEach { Clear-EmulatorRequests }

    It 'is ConfirmImpact High and sends nothing with -WhatIf (even with -Force)' {
        (Get-Command Remove-MergeLinkedAccount).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Remove-MergeLinkedAccount -Account doomed -WhatIf
        Remove-MergeLinkedAccount -Account doomed -Force -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'deletes the account with its token, removes it from the session, and the token stops working' {
        $token = (Get-EmulatorAccountList | Where-Object id -EQ $doomed.linked_account_id).account_token
        Remove-MergeLinkedAccount -Account doomed -Force
        $sent = @(Get-Sent '/api/ticketing/v1/delete-account' 'POST')
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -Be $token
        $sent[0].status | Should -Be 200
        (Get-MergeLinkedAccount).Id | Should -Not -Contain $doomed.linked_account_id
        { Get-MergeSyncStatus -Account doomed } | Should -Throw -ErrorId 'MergePS.UnknownAccount*'
        { Get-MergeSyncStatus -AccountToken $token -Category ticketing -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.Unauthorized*'
        (Get-MergeAuditTrail -EventType DELETED_LINKED_ACCOUNT).EventDescription | Should -Contain "Deleted linked account $($doomed.linked_account_id)."
    }
}

Describe 'Reset-MergeAccountToken' {
    BeforeAll {
        $done = Complete-Link (New-TestLinkToken 'rotate-1').LinkTokenValue
        Set-MergeAccount -Name rotating -PublicToken $done.public_token -NoSelect
    }
    BeforeEach { Clear-EmulatorRequests }

    It 'sends nothing with -WhatIf' {
        Reset-MergeAccountToken -Account rotating -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'returns the new token as a SecureString, and the session account uses it from then on' {
        $old = (Get-EmulatorAccountList | Where-Object id -EQ $done.linked_account_id).account_token
        $new = Reset-MergeAccountToken -Account rotating -Force
        $new | Should -BeOfType [securestring]
        $plain = [System.Net.NetworkCredential]::new('', $new).Password
        $plain | Should -Be (Get-EmulatorAccountList | Where-Object id -EQ $done.linked_account_id).account_token
        $plain | Should -Not -Be $old
        $sent = @(Get-Sent '/api/hris/v1/account-token/regenerate' 'POST')
        Get-Header $sent[0] 'X-Account-Token' | Should -Be $old
        Clear-EmulatorRequests
        @(Get-MergeEmployee -Account rotating -First 1).Count | Should -Be 1
        Get-Header (Get-Sent '/api/hris/v1/employees')[0] 'X-Account-Token' | Should -Be $plain
    }

    It 'writes plain text with -AsPlainText' {
        $text = Reset-MergeAccountToken -Account rotating -Force -AsPlainText
        $text | Should -BeOfType [string]
        $text | Should -Match '^hris-token-\d+-r\d+$'
    }
}

Describe 'API keys (org level)' {
    BeforeEach { Clear-EmulatorRequests }

    It '<Cmdlet> is ConfirmImpact High, returns a SecureString, and sends {name} to <Path> without an account token' -TestCases @(
        @{ Cmdlet = 'New-MergeApiKey'; Path = '/api/hris/v1/generate-key'; Event = 'CREATED_REMOTE_PRODUCTION_API_KEY' }
        @{ Cmdlet = 'Reset-MergeApiKey'; Path = '/api/hris/v1/regenerate-key'; Event = 'REGENERATED_PRODUCTION_API_KEY' }
    ) {
        (Get-Command $Cmdlet).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $key = & $Cmdlet -Name "key for $Cmdlet" -Force
        $key | Should -BeOfType [securestring]
        [System.Net.NetworkCredential]::new('', $key).Password | Should -Match '^prod-[0-9a-f]{48}$'
        $sent = @(Get-Sent $Path 'POST')
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty
        ($sent[0].body | ConvertFrom-Json).name | Should -Be "key for $Cmdlet"
        (Get-MergeAuditTrail -EventType $Event).EventDescription | Should -Match ([regex]::Escape("'key for $Cmdlet'"))
    }

    It 'writes the key as text with -AsPlainText, and sends nothing with -WhatIf' {
        New-MergeApiKey -Name plain -Force -AsPlainText | Should -Match '^prod-'
        Clear-EmulatorRequests
        New-MergeApiKey -Name never -WhatIf
        Reset-MergeApiKey -Name never -Force -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }
}

Describe 'Sync status' {
    BeforeAll {
        $models = @((Get-Content -Raw (Join-Path $PSScriptRoot '../../catalog/hris.json') | ConvertFrom-Json).resources |
            Where-Object { $_.operations.kind -contains 'list' } | ForEach-Object model | Sort-Object -Unique)
    }
    BeforeEach { Clear-EmulatorRequests }

    It 'Get-MergeSyncStatus lists one status per model, page by page' {
        $statuses = @(Get-MergeSyncStatus -PageSize 5)
        ($statuses.ModelName | Sort-Object) | Should -Be $models
        $statuses[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.SyncStatus'
        $statuses.Status | Sort-Object -Unique | Should -Be 'DONE'
        $sent = @(Get-Sent '/api/hris/v1/sync-status' 'GET')
        $sent.Count | Should -Be ([math]::Ceiling($models.Count / 5))
        foreach ($request in $sent) { Get-Header $request 'X-Account-Token' | Should -Be 'hris-token-1' }
    }

    It 'Start-MergeSync sends nothing with -WhatIf, then forces the resync' {
        Start-MergeSync -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        $started = @(Start-MergeSync -Confirm:$false)
        ($started.ModelName | Sort-Object) | Should -Be $models
        $started.Status | Sort-Object -Unique | Should -Be 'SYNCING'
        $sent = @(Get-Sent '/api/hris/v1/sync-status/resync' 'POST')
        Get-Header $sent[0] 'X-Account-Token' | Should -Be 'hris-token-1'
        (Get-MergeSyncStatus -First 1).Status | Should -Be 'SYNCING'
    }
}

Describe 'Get-MergeIssue (org level)' {
    BeforeAll {
        $direct = @(Invoke-Org 'hris/v1/issues?include_muted=true&page_size=100').results
        $ats3 = Get-EmulatorAccount 'ats-token-3'
    }
    BeforeEach { Clear-EmulatorRequests }

    It 'lists the organization''s unmuted issues without an account token' {
        $issues = @(Get-MergeIssue)
        ($issues.Id | Sort-Object) | Should -Be (@($direct | Where-Object { -not $_.is_muted }).id | Sort-Object)
        $issues[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.Issue'
        foreach ($request in Get-Sent '/api/hris/v1/issues') { Get-Header $request 'X-Account-Token' | Should -BeNullOrEmpty }
    }

    It 'sends every filter' {
        $after = [datetime]::new(2020, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
        @(Get-MergeIssue -Status ongoing -IncludeMuted -IntegrationName Lever -EndUserOrganizationName 'Acme Corporation' -LinkedAccountId 'x-1' `
                -StartDate $after -EndDate $after -FirstIncidentTimeAfter $after -FirstIncidentTimeBefore $after `
                -LastIncidentTimeAfter $after -LastIncidentTimeBefore $after).Count | Should -Be 0
        $query = (Get-Sent '/api/hris/v1/issues')[0].query
        $iso = '2020-01-02T03:04:05.0000000Z'
        @{ status = 'ONGOING'; include_muted = 'true'; integration_name = 'Lever'; end_user_organization_name = 'Acme Corporation'; linked_account_id = 'x-1'
            start_date = $iso; end_date = $iso; first_incident_time_after = $iso; first_incident_time_before = $iso
            last_incident_time_after = $iso; last_incident_time_before = $iso
        }.GetEnumerator() | ForEach-Object { Get-QueryValue $query $_.Key | Should -Be $_.Value -Because $_.Key }
    }

    It 'finds muted issues with -IncludeMuted and narrows to one account with -Account, never putting the token in the URL' {
        Set-MergeAccount -Name ats3 -AccountToken 'ats-token-3' -NoSelect
        $issues = @(Get-MergeIssue -Account ats3 -IncludeMuted)
        $issues.Count | Should -Be 1
        $issues[0].IsMuted | Should -BeTrue
        $issues[0].EndUser['linked_account_id'].GetString() | Should -Be $ats3.id
        $list = (Get-Sent '/api/hris/v1/issues' 'GET')[-1]
        Get-QueryValue $list.query 'linked_account_id' | Should -Be $ats3.id
        $list.query | Should -Not -Match 'ats-token-3'
        Get-QueryValue $list.query 'account_token' | Should -BeNullOrEmpty
        Get-Header $list 'X-Account-Token' | Should -BeNullOrEmpty
    }

    It 'retrieves by -Id and reports an unknown id as MergePS.NotFound' {
        $one = Get-MergeIssue -Id $direct[0].id
        $one.Id | Should -Be $direct[0].id
        $one.ErrorDescription | Should -Be $direct[0].error_description
        (Get-Sent "/api/hris/v1/issues/$($direct[0].id)").Count | Should -Be 1
        Get-MergeIssue -Id 'no-such-issue' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.NotFound,MergePS.Commands.GetMergeIssueCommand'
    }
}

Describe 'Get-MergeAuditTrail (org level)' {
    BeforeEach { Clear-EmulatorRequests }

    It 'lists the audit trail and sends every filter' {
        $events = @(Get-MergeAuditTrail)
        $events.Count | Should -BeGreaterOrEqual 6
        $events[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AuditLogEvent'
        $events.EventType | Should -Contain 'INVITED_USER'
        Get-Header (Get-Sent '/api/hris/v1/audit-trail')[0] 'X-Account-Token' | Should -BeNullOrEmpty
        Clear-EmulatorRequests
        $invites = @(Get-MergeAuditTrail -EventType invited_user -UserEmail 'dana.whitfield@your-company.example' -StartDate '2000-01-01' -EndDate '2100-01-01')
        $invites.UserName | Should -Be @('Dana Whitfield')
        $query = (Get-Sent '/api/hris/v1/audit-trail')[0].query
        Get-QueryValue $query 'event_type' | Should -Be 'INVITED_USER'
        Get-QueryValue $query 'user_email' | Should -Be 'dana.whitfield@your-company.example'
        Get-QueryValue $query 'start_date' | Should -Match '^2000-01-0[12]T'
        Get-QueryValue $query 'end_date' | Should -Match '^2100-01-0[12]T'
    }
}

Describe 'Get-MergeAvailableAction' {
    It 'describes the account''s integration and what it supports' {
        Clear-EmulatorRequests
        $actions = Get-MergeAvailableAction
        $actions.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AvailableActions'
        $actions.Integration.Name | Should -Be (Get-EmulatorAccount 'hris-token-1').integration
        $actions.PassthroughAvailable | Should -BeTrue
        ($actions.AvailableModelOperations | Where-Object ModelName -EQ 'Employee').AvailableOperations | Should -Contain 'FETCH'
        Get-Header (Get-Sent '/api/hris/v1/available-actions')[0] 'X-Account-Token' | Should -Be 'hris-token-1'
    }
}

Describe 'Scopes' {
    BeforeEach { Clear-EmulatorRequests }

    It 'Get-MergeDefaultScope reads the category''s defaults without an account token' {
        $scopes = @(Get-MergeDefaultScope -Category ats)
        $scopes.ModelName | Should -Contain 'Candidate'
        $scopes[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.IndividualCommonModelScopeDeserializer'
        $sent = @(Get-Sent '/api/ats/v1/default-scopes' 'GET')
        $sent.Count | Should -Be 1
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty
        @(Get-MergeDefaultScope Employee).ModelName | Should -Be @('Employee')
    }

    It 'Set-MergeLinkedAccountScope sends nothing with -WhatIf' {
        Set-MergeLinkedAccountScope -ModelName Employee -Write $false -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'Set-MergeLinkedAccountScope sets permissions and fields; Get-MergeLinkedAccountScope reads them back' {
        $result = @(Set-MergeLinkedAccountScope -ModelName Employee -Read $true -Write $false -DisabledField ssn, date_of_birth -Confirm:$false)
        $employee = $result | Where-Object ModelName -EQ 'Employee'
        $employee.ModelPermissions['WRITE'].GetProperty('is_enabled').GetBoolean() | Should -BeFalse
        $employee.FieldPermissions.DisabledFields.GetString() | Should -Be @('date_of_birth', 'ssn')
        $sent = @(Get-Sent '/api/hris/v1/linked-account-scopes' 'POST')
        Get-Header $sent[0] 'X-Account-Token' | Should -Be 'hris-token-1'
        $body = $sent[0].body | ConvertFrom-Json
        $body.common_models.Count | Should -Be 1
        $body.common_models[0].model_name | Should -Be 'Employee'
        $body.common_models[0].model_permissions.READ.is_enabled | Should -BeTrue
        $body.common_models[0].model_permissions.WRITE.is_enabled | Should -BeFalse
        $body.common_models[0].field_permissions.disabled_fields | Should -Be @('ssn', 'date_of_birth')
        $read = Get-MergeLinkedAccountScope Employee
        $read.FieldPermissions.EnabledFields.GetString() | Should -Not -Contain 'ssn'
        (Get-MergeDefaultScope Employee).FieldPermissions.EnabledFields.GetString() | Should -Contain 'ssn'
    }

    It 'sends piped scopes in one request' {
        Get-MergeDefaultScope Employee, Company | Set-MergeLinkedAccountScope -Confirm:$false | Out-Null
        $sent = @(Get-Sent '/api/hris/v1/linked-account-scopes' 'POST')
        $sent.Count | Should -Be 1
        ($sent[0].body | ConvertFrom-Json).common_models.model_name | Should -Be @('Company', 'Employee')
    }

    It 'reports a model the category does not have as MergePS.BadRequest' {
        Set-MergeLinkedAccountScope -ModelName Candidate -Read $true -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.BadRequest,MergePS.Commands.SetMergeLinkedAccountScopeCommand'
    }
}

Describe 'Field mappings, remote fields and target fields' {
    BeforeEach { Clear-EmulatorRequests }

    It 'Get-MergeRemoteField lists the remote fields of the models asked for' {
        $fields = @(Get-MergeRemoteField -CommonModel Employee -IncludeExampleValues)
        $fields.Count | Should -BeGreaterThan 1
        $fields.CommonModel | Sort-Object -Unique | Should -Be 'Employee'
        $fields[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.RemoteFieldAPI'
        $fields.RemoteKeyName | Should -Contain 'customField1'
        $fields[0].ExampleValues | Should -Not -BeNullOrEmpty
        $query = (Get-Sent '/api/hris/v1/remote-fields')[0].query
        Get-QueryValue $query 'common_models' | Should -Be 'Employee'
        Get-QueryValue $query 'include_example_values' | Should -Be 'true'
    }

    It 'New-, Update- and Remove-MergeFieldMapping send nothing with -WhatIf' {
        New-MergeFieldMapping -CommonModelName Employee -TargetFieldName t -TargetFieldDescription d -RemoteFieldTraversalPath a -RemoteMethod GET -RemoteUrlPath /x -WhatIf
        Update-MergeFieldMapping -Id 'some-id' -RemoteUrlPath /y -WhatIf
        Remove-MergeFieldMapping -Id 'some-id' -Force -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'maps a remote field, reads, updates and removes the mapping' {
        $remote = Get-MergeRemoteField -CommonModel Employee | Where-Object RemoteKeyName -EQ 'customField1'
        $created = New-MergeFieldMapping -CommonModelName Employee -TargetFieldName shirt_size -TargetFieldDescription 'Shirt size' `
            -RemoteFieldTraversalPath $remote.RemoteEndpointInfo.FieldTraversalPath.GetString() -RemoteMethod $remote.RemoteEndpointInfo.Method `
            -RemoteUrlPath $remote.RemoteEndpointInfo.UrlPath -JmesPath 'value' -AdvancedMappingExpression 'upper(value)' -IntegrationWide -Confirm:$false
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.FieldMappingApiInstance'
        $created.Id | Should -Not -BeNullOrEmpty
        $created.CommonModel | Should -Be 'Employee'
        $created.TargetField['name'].GetString() | Should -Be 'shirt_size'
        $created.IsIntegrationWide | Should -BeTrue
        $post = (Get-Sent '/api/hris/v1/field-mappings' 'POST')[0]
        $post.status | Should -Be 201
        Get-Header $post 'X-Account-Token' | Should -Be 'hris-token-1'
        $body = $post.body | ConvertFrom-Json
        $body.common_model_name | Should -Be 'Employee'
        $body.target_field_name | Should -Be 'shirt_size'
        $body.target_field_description | Should -Be 'Shirt size'
        $body.remote_field_traversal_path | Should -Be @('customField1')
        $body.remote_method | Should -Be 'GET'
        $body.remote_url_path | Should -Be '/employees'
        $body.jmes_path | Should -Be 'value'
        $body.advanced_mapping_expression | Should -Be 'upper(value)'
        $body.is_integration_wide | Should -BeTrue

        $listed = @(Get-MergeFieldMapping -CommonModel Employee)
        $listed.Id | Should -Be @($created.Id)
        $listed[0].RemoteField['remote_endpoint_info'].GetProperty('url_path').GetString() | Should -Be '/employees'
        Get-MergeFieldMapping -ExcludeRemoteFieldMetadata | Out-Null
        Get-QueryValue (Get-Sent '/api/hris/v1/field-mappings' 'GET')[-1].query 'exclude_remote_field_metadata' | Should -Be 'true'

        $updated = $created | Update-MergeFieldMapping -RemoteUrlPath '/v2/employees' -RemoteDataIterationCount 50 -Confirm:$false
        $updated.RemoteField['remote_endpoint_info'].GetProperty('url_path').GetString() | Should -Be '/v2/employees'
        $patch = (Get-Sent "/api/hris/v1/field-mappings/$($created.Id)" 'PATCH')[0]
        ($patch.body | ConvertFrom-Json).remote_url_path | Should -Be '/v2/employees'
        Get-QueryValue $patch.query 'remote_data_iteration_count' | Should -Be '50'

        $created | Remove-MergeFieldMapping -Force
        $delete = (Get-Sent "/api/hris/v1/field-mappings/$($created.Id)" 'DELETE')[0]
        $delete.status | Should -Be 204
        @(Get-MergeFieldMapping -CommonModel Employee) | Should -BeNullOrEmpty
        Remove-MergeFieldMapping -Id $created.Id -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.NotFound,MergePS.Commands.RemoveMergeFieldMappingCommand'
    }

    It 'New-MergeTargetField adds an organization-wide target field that Get-MergeTargetField lists' {
        New-MergeTargetField -CommonModel Employee -Name badge -Description 'Badge number' -WhatIf
        (Get-Sent '/api/hris/v1/target-fields').Count | Should -Be 0
        $field = New-MergeTargetField -CommonModel Employee -Name badge -Description 'Badge number' -Confirm:$false
        $field.Name | Should -Be 'badge'
        $field.CommonModel | Should -Be 'Employee'
        $field.IsMapped | Should -Be 'false'
        $post = (Get-Sent '/api/hris/v1/target-fields' 'POST')[0]
        $post.body | ConvertFrom-Json | ForEach-Object { $_.name; $_.description; $_.common_model } | Should -Be @('badge', 'Badge number', 'Employee')
        $listed = @(Get-MergeTargetField -CommonModel Employee)
        $listed.Name | Should -Be @('badge')
        $listed[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.ExternalTargetFieldAPI'
        Get-Header (Get-Sent '/api/hris/v1/target-fields' 'GET')[0] 'X-Account-Token' | Should -Be 'hris-token-1'
    }
}

Describe 'Webhook receivers' {
    BeforeEach { Clear-EmulatorRequests }

    It 'New-MergeWebhookReceiver registers one (201) and Get-MergeWebhookReceiver lists it; -WhatIf sends nothing' {
        New-MergeWebhookReceiver -Event 'employee.updated' -IsActive $true -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        $receiver = New-MergeWebhookReceiver -Event 'employee.updated' -IsActive $true -Key 'receiver-key-1' -Confirm:$false
        $receiver.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.WebhookReceiver'
        $receiver.Event | Should -Be 'employee.updated'
        $receiver.IsActive | Should -BeTrue
        $post = (Get-Sent '/api/hris/v1/webhook-receivers' 'POST')[0]
        $post.status | Should -Be 201
        ($post.body | ConvertFrom-Json).key | Should -Be 'receiver-key-1'
        Get-Header $post 'X-Account-Token' | Should -Be 'hris-token-1'
        $listed = @(Get-MergeWebhookReceiver)
        $listed.Event | Should -Be @('employee.updated')
        @(Get-MergeWebhookReceiver -Event other) | Should -BeNullOrEmpty
    }
}

Describe 'Update-MergeLinkedAccount (Calendar)' {
    It 'patches the calendar account''s ekm_enabled; -WhatIf sends nothing' {
        Set-MergeAccount -Name cal -AccountToken 'calendar-token-1' -NoSelect
        $id = (Get-EmulatorAccount 'calendar-token-1').id
        Clear-EmulatorRequests
        Update-MergeLinkedAccount -Account cal -Id $id -EkmEnabled $true -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        $result = Update-MergeLinkedAccount -Account cal -EkmEnabled $true -Confirm:$false
        $result.Id | Should -Be $id
        $result.EkmEnabled | Should -BeTrue
        $patch = (Get-Sent "/api/calendar/v1/linked-accounts/$id" 'PATCH')[0]
        ($patch.body | ConvertFrom-Json).ekm_enabled | Should -BeTrue
        Get-Header $patch 'X-Account-Token' | Should -Be 'calendar-token-1'
    }
}

Describe 'Passthrough' {
    BeforeEach { Clear-EmulatorRequests }

    It 'Invoke-MergePassthrough sends method, path, body, headers and format, and returns the RemoteResponse' {
        $response = Invoke-MergePassthrough -Method post -Path '/v1/people' -Body @{ name = 'Ada' } -Headers @{ 'X-Custom' = '1' } -NormalizeResponse -BaseUrlOverride 'https://eu.example.test' -Confirm:$false
        $response.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.RemoteResponse'
        $response.Method | Should -Be 'POST'
        $response.Status | Should -Be 201
        $response.Response.GetProperty('received').GetProperty('name').GetString() | Should -Be 'Ada'
        $response.Response.GetProperty('base_url').GetString() | Should -Be 'https://eu.example.test'
        $post = (Get-Sent '/api/hris/v1/passthrough' 'POST')[0]
        Get-Header $post 'X-Account-Token' | Should -Be 'hris-token-1'
        $body = $post.body | ConvertFrom-Json
        $body.method | Should -Be 'POST'
        $body.path | Should -Be '/v1/people'
        ($body.data | ConvertFrom-Json).name | Should -Be 'Ada'
        $body.request_format | Should -Be 'JSON'
        $body.headers.'X-Custom' | Should -Be '1'
        $body.normalize_response | Should -BeTrue
        $body.base_url_override | Should -Be 'https://eu.example.test'
    }

    It 'sends multipart fields and a raw string body as they are' {
        Invoke-MergePassthrough -Method PUT -Path /upload -MultipartFormData @{ name = 'file'; data = 'aGk='; encoding = 'BASE64'; file_name = 'hi.txt'; content_type = 'text/plain' } -Confirm:$false | Out-Null
        Invoke-MergePassthrough -Method POST -Path /xml -Body '<a/>' -RequestFormat xml -Confirm:$false | Out-Null
        $sent = @(Get-Sent '/api/hris/v1/passthrough' 'POST')
        $multipart = $sent[0].body | ConvertFrom-Json
        $multipart.request_format | Should -Be 'MULTIPART'
        $multipart.multipart_form_data[0].file_name | Should -Be 'hi.txt'
        $multipart.multipart_form_data[0].encoding | Should -Be 'BASE64'
        $xml = $sent[1].body | ConvertFrom-Json
        $xml.data | Should -Be '<a/>'
        $xml.request_format | Should -Be 'XML'
    }

    It '-Async queues the request, waits for the result and fetches it' {
        $result = Invoke-MergePassthrough -Method GET -Path /v1/slow -Async -Confirm:$false
        $result.Path | Should -Be '/v1/slow'
        $result.Status | Should -Be 200
        $sent = @(Get-EmulatorRequests)
        $sent[0].path | Should -Be '/api/hris/v1/async-passthrough'
        $polls = @($sent | Where-Object { $_.path -like '/api/hris/v1/async-passthrough/*' })
        $polls.Count | Should -Be 2 -Because 'the first answer says it is still pending'
        foreach ($request in $sent) { Get-Header $request 'X-Account-Token' | Should -Be 'hris-token-1' }
    }

    It '-Async -NoWait returns the receipt; Receive-MergePassthrough fetches the result' {
        $receipt = Invoke-MergePassthrough -Method GET -Path /v1/later -Async -NoWait -Confirm:$false
        $receipt.PSObject.TypeNames[0] | Should -Be 'MergePS.Platform.AsyncPassthroughReciept'
        Receive-MergePassthrough -ReceiptId $receipt.AsyncPassthroughReceiptId -WarningVariable pending -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $pending | Should -Not -BeNullOrEmpty
        ($receipt | Receive-MergePassthrough -Wait).Path | Should -Be '/v1/later'
    }

    It 'sends nothing with -WhatIf' {
        Invoke-MergePassthrough -Method DELETE -Path /v1/people/1 -WhatIf
        Invoke-MergePassthrough -Method GET -Path /v1/people -Async -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-MergeRequest' {
    BeforeAll { $employees = @(Get-EmulatorAll 'hris/v1/employees') }
    BeforeEach { Clear-EmulatorRequests }

    It '-All follows next and streams every page''s results' {
        $all = @(Invoke-MergeRequest hris/v1/employees -Query @{ page_size = 100 } -All)
        $all.Count | Should -Be $employees.Count
        ($all.id | Sort-Object) | Should -Be ($employees.id | Sort-Object)
        $all[0] | Should -BeOfType [pscustomobject]
        $sent = @(Get-Sent '/api/hris/v1/employees')
        $sent.Count | Should -Be ([math]::Ceiling($employees.Count / 100))
        Get-QueryValue $sent[1].query 'cursor' | Should -Not -BeNullOrEmpty
        foreach ($request in $sent) { Get-Header $request 'X-Account-Token' | Should -Be 'hris-token-1' }
    }

    It 'without -All writes the page as one object; paths may be relative to the account''s category' {
        $page = Invoke-MergeRequest 'employees?page_size=2'
        $page.results.Count | Should -Be 2
        $page.next | Should -Not -BeNullOrEmpty
        (Get-Sent '/api/hris/v1/employees')[0].query | Should -Be 'page_size=2'
    }

    It 'writes hashtables or JSON text with -OutputType' {
        $table = Invoke-MergeRequest "hris/v1/employees/$($employees[0].id)" -OutputType Hashtable
        $table | Should -BeOfType [hashtable]
        $table['id'] | Should -Be $employees[0].id
        $json = Invoke-MergeRequest "hris/v1/employees/$($employees[0].id)" -OutputType Json
        $json | Should -BeOfType [string]
        ($json | ConvertFrom-Json).id | Should -Be $employees[0].id
        $items = @(Invoke-MergeRequest hris/v1/employees -All -OutputType Json -Query @{ page_size = 100 })
        $items.Count | Should -Be $employees.Count
        ($items[0] | ConvertFrom-Json).id | Should -Not -BeNullOrEmpty
    }

    It 'sets -StatusCodeVariable and -ResponseHeadersVariable' {
        Invoke-MergeRequest hris/v1/employees -Query @{ page_size = 1 } -StatusCodeVariable code -ResponseHeadersVariable headers | Out-Null
        $code | Should -Be 200
        $headers['Content-Type'] | Should -Match 'application/json'
        Invoke-MergeRequest hris/v1/employees/not-an-id -StatusCodeVariable missing -ErrorVariable failed -ErrorAction SilentlyContinue
        $missing | Should -Be 404
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.NotFound,MergePS.Commands.InvokeMergeRequestCommand'
    }

    It 'sends no account token to org-level paths, and none with -NoAccountToken' {
        @(Invoke-MergeRequest hris/v1/issues -All).Count | Should -BeGreaterThan 0
        { Invoke-MergeRequest hris/v1/employees -NoAccountToken } | Should -Throw -ErrorId 'MergePS.Unauthorized,*'
        $sent = @(Get-EmulatorRequests)
        Get-Header $sent[0] 'X-Account-Token' | Should -BeNullOrEmpty
        $sent[-1].path | Should -Be '/api/hris/v1/employees'
        Get-Header $sent[-1] 'X-Account-Token' | Should -BeNullOrEmpty
    }

    It 'posts a body, asks ShouldProcess for writes, and never sends Authorization from -Headers' {
        Invoke-MergeRequest hris/v1/link-token -Method POST -Body @{ end_user_email_address = 'x@y.test' } -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        $body = @{ end_user_email_address = 'x@y.test'; end_user_organization_name = 'X'; end_user_origin_id = 'raw-1'; categories = @('hris') }
        $token = Invoke-MergeRequest /hris/v1/link-token -Method POST -Body $body -Headers @{ Authorization = 'Bearer stolen'; 'X-Trace' = 't-1' } -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        $token.link_token | Should -Match '^link-'
        $warned | Should -Not -BeNullOrEmpty
        $post = (Get-Sent '/api/hris/v1/link-token' 'POST')[0]
        Get-Header $post 'Authorization' | Should -Be "Bearer $ApiKey"
        Get-Header $post 'X-Trace' | Should -Be 't-1'
        Get-Header $post 'X-Account-Token' | Should -BeNullOrEmpty
        ($post.body | ConvertFrom-Json).end_user_origin_id | Should -Be 'raw-1'
    }

    It 'accepts a full URL on the session''s host and refuses another host' {
        (Invoke-MergeRequest "$ApiBase/hris/v1/employees?page_size=1").results.Count | Should -Be 1
        Invoke-MergeRequest 'https://elsewhere.example/api/hris/v1/employees' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.InvalidArgument,MergePS.Commands.InvokeMergeRequestCommand'
        (Get-EmulatorRequests).Count | Should -Be 1
    }
}
