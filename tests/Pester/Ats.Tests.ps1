BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'ats-token-1'
    Set-MergeAccount -Name ats -AccountToken 'ats-token-1' -NoSelect
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category ats

Describe 'ATS filters' {
    It 'lists the applications of one job with -JobId' {
        $all = @(Get-DirectAll ats '/ats/v1/applications')
        $job = ($all | Group-Object job | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeApplication -JobId $job)
        $found.Count | Should -BeGreaterThan 0
        $found.Count | Should -BeLessThan $all.Count
        ($found.Id | Sort-Object) | Should -Be (@($all | Where-Object job -eq $job).id | Sort-Object)
    }

    It 'filters jobs by -Status, accepting any case' {
        $all = @(Get-DirectAll ats '/ats/v1/jobs')
        $status = ($all | Group-Object status | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeJob -Status $status.ToLowerInvariant())
        $found.Status | Sort-Object -Unique | Should -Be $status
        ($found.Id | Sort-Object) | Should -Be (@($all | Where-Object status -eq $status).id | Sort-Object)
    }

    It 'finds a candidate by -FirstName and -LastName' {
        $target = @(Get-DirectAll ats '/ats/v1/candidates')[5]
        $found = @(Get-MergeCandidate -FirstName $target.first_name -LastName $target.last_name)
        $found.Id | Should -Contain $target.id
        $found | ForEach-Object { $_.FirstName | Should -Be $target.first_name }
    }
}

Describe 'ATS pipelines' {
    It 'lists the screening questions of piped jobs' {
        $jobs = @(Get-MergeJob -First 10)
        $questions = @($jobs | Get-MergeJobScreeningQuestion)
        $expected = foreach ($job in $jobs) { Get-DirectAll ats "/ats/v1/jobs/$($job.Id)/screening-questions" }
        $questions.Count | Should -BeGreaterThan 0
        ($questions.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
        $questions[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Ats.ScreeningQuestion'
    }

    It 'takes the first job into its screening questions' {
        $job = Get-MergeJob -First 1
        Clear-EmulatorRequests
        $null = @($job | Get-MergeJobScreeningQuestion)
        (Get-EmulatorRequests).path | Should -Be "/api/ats/v1/jobs/$($job.Id)/screening-questions"
    }

    It 'lists the applications of piped candidates' {
        $candidates = @(Get-MergeCandidate -First 5)
        $applications = @($candidates | Get-MergeApplication)
        $expected = foreach ($c in $candidates) { Get-DirectAll ats "/ats/v1/applications?candidate_id=$($c.Id)" }
        ($applications.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
    }
}

Describe 'ATS writes' {
    It 'creates a candidate with typed parameters and -RemoteUserId, visible on the next read' {
        $user = (Get-DirectPage ats '/ats/v1/users' 1)[0].id
        Clear-EmulatorRequests
        $created = New-MergeCandidate -FirstName 'Ada' -LastName 'Lovelace' -Company 'Analytical Engines' -RemoteUserId $user
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Ats.Candidate'
        $created.FirstName | Should -Be 'Ada'
        $request = Get-EmulatorRequests
        $request.Count | Should -Be 1
        $request[0].method | Should -Be 'POST'
        $request[0].status | Should -Be 201
        $body = $request[0].body | ConvertFrom-Json
        $body.remote_user_id | Should -Be $user
        $body.model.last_name | Should -Be 'Lovelace'
        $stored = Invoke-Direct ats "/ats/v1/candidates/$($created.Id)"
        $stored.company | Should -Be 'Analytical Engines'
        (Get-MergeCandidate -Id $created.Id).LastName | Should -Be 'Lovelace'
        (Get-MergeCandidate -LastName 'Lovelace').Id | Should -Contain $created.Id
    }

    It 'turns unknown -Model keys into an UNRECOGNIZED_FIELD warning and still creates the record' {
        $created = New-MergeCandidate -Model @{ first_name = 'Grace'; favourite_language = 'COBOL' } -WarningVariable warnings -WarningAction SilentlyContinue
        $created.FirstName | Should -Be 'Grace'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'UNRECOGNIZED_FIELD'
        "$($warnings[0])" | Should -Match '/model/favourite_language'
    }

    It 'sends nothing with -WhatIf' {
        $candidate = (Get-DirectPage ats '/ats/v1/candidates' 1)[0]
        $application = (Get-DirectPage ats '/ats/v1/applications' 1)[0]
        Clear-EmulatorRequests
        $result = New-MergeCandidate -FirstName 'Nobody' -WhatIf
        $result | Should -BeNullOrEmpty
        Update-MergeCandidate -Id $candidate.id -LastName 'Nobody' -WhatIf | Should -BeNullOrEmpty
        Set-MergeApplicationStage -Id $application.id -JobInterviewStage ([guid]::NewGuid()) -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests | Should -BeNullOrEmpty
        (Invoke-Direct ats "/ats/v1/candidates/$($candidate.id)").last_name | Should -Be $candidate.last_name
    }

    It 'updates a candidate with PATCH, visible on the next read' {
        $candidate = (Get-DirectPage ats '/ats/v1/candidates' 3)[2]
        Clear-EmulatorRequests
        $updated = Update-MergeCandidate -Id $candidate.id -Title 'Principal Engineer' -Confirm:$false
        $updated.Id | Should -Be $candidate.id
        $updated.Title | Should -Be 'Principal Engineer'
        $updated.FirstName | Should -Be $candidate.first_name
        $request = Get-EmulatorRequests
        $request.method | Should -Be 'PATCH'
        $request.path | Should -Be "/api/ats/v1/candidates/$($candidate.id)"
        (Invoke-Direct ats "/ats/v1/candidates/$($candidate.id)").title | Should -Be 'Principal Engineer'
    }

    It 'writes Merge''s debug log to Verbose with -IsDebugMode' {
        Clear-EmulatorRequests
        $verbose = New-MergeCandidate -FirstName 'Debug' -IsDebugMode -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Merge log: [0-9a-f-]{36} https://app\.merge\.dev/logs/'
        Get-QueryValue (Get-EmulatorRequests)[0].query 'is_debug_mode' | Should -Be 'true'
    }

    It 'moves an application to another stage with Set-MergeApplicationStage' {
        $application = (Get-DirectPage ats '/ats/v1/applications' 1)[0]
        $stage = @(Get-DirectPage ats '/ats/v1/job-interview-stages' 10 | Where-Object id -ne $application.current_stage)[0].id
        $moved = Set-MergeApplicationStage -Id $application.id -JobInterviewStage $stage -Confirm:$false
        $moved.CurrentStage | Should -Be $stage
        (Get-MergeApplication -Id $application.id).CurrentStage | Should -Be $stage
    }
}

Describe 'ATS write schemas and ignore' {
    It 'describes creating and updating a candidate' {
        $create = Get-MergeWriteSchema -Resource Candidate
        $fields = @((Get-CatalogModel ats 'CandidateRequest').fields.name)
        (@($create.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be ($fields | Sort-Object)
        $id = (Get-DirectPage ats '/ats/v1/candidates' 1)[0].id
        Clear-EmulatorRequests
        $update = Get-MergeWriteSchema -Resource Candidate -Id $id
        (Get-EmulatorRequests).path | Should -Be "/api/ats/v1/candidates/meta/patch/$id"
        (@($update.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel ats 'PatchedCandidateRequest').fields.name) | Sort-Object)
    }

    It 'asks Merge to ignore a candidate: with -WhatIf nothing happens, with -Confirm:$false its fields read null' {
        $candidate = (Get-DirectPage ats '/ats/v1/candidates' 10)[9]
        $candidate.first_name | Should -Not -BeNullOrEmpty
        Clear-EmulatorRequests
        Hide-MergeRecord -Resource Candidate -Id $candidate.id -Reason GDPR -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        (Invoke-Direct ats "/ats/v1/candidates/$($candidate.id)").first_name | Should -Be $candidate.first_name

        Clear-EmulatorRequests
        Hide-MergeRecord -Resource Candidate -Id $candidate.id -Reason GDPR -Message 'erasure request' -Confirm:$false
        $request = Get-EmulatorRequests
        $request.path | Should -Be "/api/ats/v1/candidates/ignore/$($candidate.id)"
        ($request.body | ConvertFrom-Json).reason | Should -Be 'GDPR'
        $after = Get-MergeCandidate -Id $candidate.id
        $after.Id | Should -Be $candidate.id
        $after.FirstName | Should -BeNullOrEmpty
        $after.LastName | Should -BeNullOrEmpty
    }

    It 'refuses -Resource values that have no ignore operation' {
        { Hide-MergeRecord -Resource Job -Id 'x' -Reason OTHER -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MergePS.InvalidArgument*'
    }
}
