BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'ticketing-token-1'
    Set-MergeAccount -Name ticketing -AccountToken 'ticketing-token-1' -NoSelect
    $tickets = @(Get-DirectAll ticketing '/ticketing/v1/tickets')
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category ticketing

Describe 'Ticketing filters' {
    It 'filters tickets by -Status' {
        $status = ($tickets | Group-Object status | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeTicket -Status $status)
        $found.Count | Should -BeLessThan $tickets.Count
        ($found.Id | Sort-Object) | Should -Be (@($tickets | Where-Object status -eq $status).id | Sort-Object)
    }

    It 'filters tickets by -CollectionIds, any of several' {
        $collections = @($tickets.collections | Group-Object | Sort-Object Count -Descending | Select-Object -First 2).Name
        Clear-EmulatorRequests
        $found = @(Get-MergeTicket -CollectionIds $collections)
        Get-QueryValue (Get-EmulatorRequests)[0].query 'collection_ids' | Should -Be ($collections -join ',')
        $expected = @($tickets | Where-Object { @($_.collections | Where-Object { $_ -in $collections }).Count -gt 0 }).id
        ($found.Id | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'finds users by -EmailAddress' {
        $user = (Get-DirectPage ticketing '/ticketing/v1/users' 5)[4]
        (Get-MergeTicketingUser -EmailAddress $user.email_address).Id | Should -Contain $user.id
    }
}

Describe 'Ticketing pipelines' {
    It 'lists the viewers of piped tickets' {
        $first = @(Get-MergeTicket -First 5)
        $viewers = @($first | Get-MergeTicketViewer)
        $expected = foreach ($t in $first) { Get-DirectAll ticketing "/ticketing/v1/tickets/$($t.Id)/viewers" }
        $viewers.Count | Should -BeGreaterThan 0
        ($viewers.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
        $viewers[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Ticketing.Viewer'
    }

    It 'lists the viewers of piped collections and the users of piped projects' {
        $collections = @(Get-MergeCollection -First 3)
        $viewers = @($collections | Get-MergeCollectionViewer)
        $expected = foreach ($c in $collections) { Get-DirectAll ticketing "/ticketing/v1/collections/$($c.Id)/viewers" }
        ($viewers.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)

        $projects = @(Get-MergeTicketingProject -First 3)
        $users = @($projects | Get-MergeTicketingProjectUser)
        $expectedUsers = foreach ($p in $projects) { Get-DirectAll ticketing "/ticketing/v1/projects/$($p.Id)/users" }
        ($users.Id | Sort-Object) | Should -Be (@($expectedUsers.id) | Sort-Object)
        if ($users) { $users[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Ticketing.User' }
    }

    It 'lists the comments of a piped ticket' {
        $ticket = $tickets | Where-Object { @(Get-DirectPage ticketing "/ticketing/v1/comments?ticket_id=$($_.id)" 1).Count } | Select-Object -First 1
        $comments = @(Get-MergeTicket -Id $ticket.id | Get-MergeComment)
        $comments.Count | Should -BeGreaterThan 0
        $comments.Ticket | Sort-Object -Unique | Should -Be $ticket.id
    }
}

Describe 'Ticketing writes' {
    It 'creates a ticket, visible on the next read' {
        $collection = (Get-DirectPage ticketing '/ticketing/v1/collections' 1)[0].id
        $created = New-MergeTicket -Name 'Printer on fire' -Status OPEN -Collections $collection -Tags 'hardware', 'urgent'
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Ticketing.Ticket'
        $created.Name | Should -Be 'Printer on fire'
        $stored = Invoke-Direct ticketing "/ticketing/v1/tickets/$($created.Id)"
        $stored.collections | Should -Be @($collection)
        $stored.tags | Should -Be @('hardware', 'urgent')
        (Get-MergeTicket -Name 'Printer on fire').Id | Should -Be $created.Id
    }

    It 'warns about unknown -Model keys and sends nothing with -WhatIf' {
        $created = New-MergeTicket -Name 'with extras' -Model @{ sla_tier = 'gold' } -WarningVariable warnings -WarningAction SilentlyContinue
        $created.Name | Should -Be 'with extras'
        "$warnings" | Should -Match 'UNRECOGNIZED_FIELD.*sla_tier'
        Clear-EmulatorRequests
        New-MergeTicket -Name 'never' -WhatIf | Should -BeNullOrEmpty
        Update-MergeTicket -Id $created.Id -Name 'never' -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'updates a ticket''s status, visible on the next read' {
        $ticket = $tickets | Where-Object status -ne 'CLOSED' | Select-Object -First 1
        $updated = Update-MergeTicket -Id $ticket.id -Status closed -Confirm:$false
        $updated.Status | Should -Be 'CLOSED'
        (Get-MergeTicket -Id $ticket.id).Status | Should -Be 'CLOSED'
    }

    It 'writes Merge''s debug log to Verbose with -IsDebugMode' {
        $verbose = Update-MergeTicket -Id $tickets[1].id -Description 'debug' -IsDebugMode -Confirm:$false -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Merge log: '
    }

    It 'describes creating and updating a ticket, and lists its remote field classes' {
        $create = Get-MergeWriteSchema -Resource Ticket
        (@($create.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel ticketing 'TicketRequest').fields.name) | Sort-Object)
        $update = Get-MergeWriteSchema -Resource Ticket -Id $tickets[0].id
        (@($update.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel ticketing 'PatchedTicketRequest').fields.name) | Sort-Object)
        $classes = @(Get-MergeRemoteFieldClass -Resource Ticket)
        ($classes.Id | Sort-Object) | Should -Be (@(Get-DirectAll ticketing '/ticketing/v1/tickets/remote-field-classes').id | Sort-Object)
    }
}

Describe 'Ticketing attachments and live search' {
    It 'saves an attachment with the exact bytes the API serves' {
        $attachment = (Get-DirectPage ticketing '/ticketing/v1/attachments' 1)[0]
        $folder = Join-Path ([IO.Path]::GetTempPath()) "mergeps-ticketing-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        try {
            $file = $attachment | Save-MergeTicketingAttachment -Path $folder
            $file | Should -BeOfType ([IO.FileInfo])
            $file.Name | Should -Be $attachment.file_name
            $reference = Join-Path $folder 'reference.bin'
            $response = Invoke-WebRequest -Uri "$ApiBase/ticketing/v1/attachments/$($attachment.id)/download" -OutFile $reference -PassThru -Headers @{ Authorization = "Bearer $ApiKey"; 'X-Account-Token' = 'ticketing-token-1' }
            [string]$response.Headers['Content-Type'] | Should -Be $attachment.content_type
            (Get-FileHash $file.FullName).Hash | Should -Be (Get-FileHash $reference).Hash
            $file.Length | Should -BeGreaterThan 0
        }
        finally {
            Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        }
    }

    It 'searches tickets live by name, status and collection name' {
        $word = ($tickets[3].name -split ' ')[0]
        Clear-EmulatorRequests
        $found = @(Search-MergeTicket -NameFilter $word)
        (Get-EmulatorRequests)[0].path | Should -Be '/api/ticketing/v1/tickets/live-search'
        $found.Count | Should -BeGreaterThan 0
        $found[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Ticketing.Ticket'
        $found.Id | Should -Contain $tickets[3].id
        $expected = @($tickets | Where-Object { $_.name -like "*$word*" })
        ($found.Id | Sort-Object) | Should -Be (@($expected | Select-Object -First 50).id | Sort-Object)

        $status = $tickets[0].status
        $byStatus = @(Search-MergeTicket -Status $status)
        $byStatus.Status | Sort-Object -Unique | Should -Be $status

        $collection = Invoke-Direct ticketing "/ticketing/v1/collections/$($tickets[0].collections[0])"
        $byCollection = @(Search-MergeTicket -Collections $collection.name)
        $byCollection.Id | Should -Contain $tickets[0].id
    }

    It 'pages a live search with -RemoteCursor' {
        $page = Invoke-Direct ticketing '/ticketing/v1/tickets/live-search'
        $page.next | Should -Not -BeNullOrEmpty
        $rest = @(Search-MergeTicket -RemoteCursor $page.next)
        $rest.Count | Should -BeGreaterThan 0
        (@($page.results.id) + @($rest.Id)) | Should -Be @(Get-DirectAll ticketing '/ticketing/v1/tickets').id -Because 'the second page goes on where the first ended'
    }
}
