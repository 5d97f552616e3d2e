BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'crm-token-1'
    Set-MergeAccount -Name crm -AccountToken 'crm-token-1' -NoSelect
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category crm

Describe 'CRM filters and pipelines' {
    BeforeAll { $contacts = @(Get-DirectAll crm '/crm/v1/contacts') }

    It 'lists the contacts of one account with -AccountId' {
        $account = ($contacts | Where-Object account | Group-Object account | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeCrmContact -AccountId $account)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($contacts | Where-Object account -eq $account).id | Sort-Object)
    }

    It 'filters opportunities by -Status' {
        $all = @(Get-DirectAll crm '/crm/v1/opportunities')
        $status = ($all | Group-Object status | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeOpportunity -Status $status)
        $found.Count | Should -BeLessThan $all.Count
        ($found.Id | Sort-Object) | Should -Be (@($all | Where-Object status -eq $status).id | Sort-Object)
    }

    It 'lists the contacts of piped accounts' {
        $accounts = @(Get-MergeCrmAccount -First 5)
        $found = @($accounts | Get-MergeCrmContact)
        $expected = foreach ($a in $accounts) { Get-DirectAll crm "/crm/v1/contacts?account_id=$($a.Id)" }
        ($found.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
    }
}

Describe 'CRM custom objects and associations' {
    BeforeAll {
        $objects = Resolve-PathValues crm '/crm/v1/custom-object-classes/{custom_object_class_id}/custom-objects' -NonEmpty
        $class = $objects.custom_object_class_id
        $classObjects = @(Get-DirectAll crm "/crm/v1/custom-object-classes/$class/custom-objects")
        $otherClass = $null
        foreach ($candidate in Get-DirectPage crm '/crm/v1/custom-object-classes' 30) {
            if ($candidate.id -ne $class -and @(Get-DirectPage crm "/crm/v1/custom-object-classes/$($candidate.id)/custom-objects" 1).Count) { $otherClass = $candidate.id; break }
        }
        $otherObject = (Get-DirectPage crm "/crm/v1/custom-object-classes/$otherClass/custom-objects" 1)[0].id
    }

    It 'lists exactly the custom objects of one class' {
        $found = @(Get-MergeCustomObject -CustomObjectClassId $class)
        ($found.Id | Sort-Object) | Should -Be ($classObjects.id | Sort-Object)
        $found.ObjectClass | Sort-Object -Unique | Should -Be $class
        $found[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Crm.CustomObject'
    }

    It 'creates a custom object in a class, visible on the next read' {
        $created = New-MergeCustomObject -CustomObjectClassId $class -Fields @{ plan = 'gold'; seats = 12 }
        $created.ObjectClass | Should -Be $class
        $created.Fields['plan'].GetString() | Should -Be 'gold'
        (Get-MergeCustomObject -CustomObjectClassId $class).Id | Should -Contain $created.Id
        (Get-MergeCustomObject -CustomObjectClassId $class -Id $created.Id).Fields['seats'].GetInt32() | Should -Be 12
    }

    It 'describes creating a custom object of a class' {
        Clear-EmulatorRequests
        $schema = Get-MergeWriteSchema -Resource CustomObject -Parameter @{ custom_object_class_id = $class }
        (Get-EmulatorRequests).path | Should -Be "/api/crm/v1/custom-object-classes/$class/custom-objects/meta/post"
        $schema.RequestSchema['properties'].EnumerateObject().Name | Should -Contain 'fields'
        Get-MergeWriteSchema -Resource CustomObject -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($failures[0])" | Should -Match 'custom_object_class_id'
    }

    It 'creates an association type of a class, visible in that class''s list only' {
        $created = New-MergeAssociationType -CustomObjectClassId $class -SourceObjectClass @{ id = $class; origin_type = 'CUSTOM_OBJECT' } `
            -TargetObjectClasses @(@{ id = $otherClass; origin_type = 'CUSTOM_OBJECT' }) -RemoteKeyName 'pester_link' -DisplayName 'Pester link'
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Crm.AssociationType'
        $created.DisplayName | Should -Be 'Pester link'
        (Get-MergeAssociationType -CustomObjectClassId $class).Id | Should -Contain $created.Id
        (Get-MergeAssociationType -CustomObjectClassId $otherClass).Id | Should -Not -Contain $created.Id
        $expected = @(Get-DirectAll crm "/crm/v1/custom-object-classes/$class/association-types")
        (@(Get-MergeAssociationType -CustomObjectClassId $class).Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
    }

    It 'lists the custom objects of piped classes' {
        $classes = @(Get-MergeCustomObjectClass -Id $class, $otherClass)
        $objects = @($classes | Get-MergeCustomObject)
        $expected = @($class, $otherClass | ForEach-Object { Get-DirectAll crm "/crm/v1/custom-object-classes/$_/custom-objects" })
        ($objects.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
    }

    It 'associates two custom objects with Set-MergeAssociation (PUT), visible on the next read' {
        $type = (Get-DirectPage crm "/crm/v1/custom-object-classes/$class/association-types" 1)[0].id
        $source = $classObjects[0].id
        Clear-EmulatorRequests
        $association = Set-MergeAssociation -SourceClassId $class -SourceObjectId $source -TargetClassId $otherClass -TargetObjectId $otherObject -AssociationTypeId $type -Confirm:$false
        $request = Get-EmulatorRequests
        $request.method | Should -Be 'PUT'
        $request.path | Should -Be "/api/crm/v1/custom-object-classes/$class/custom-objects/$source/associations/$otherClass/$otherObject/$type"
        $association.PSObject.TypeNames[0] | Should -Be 'MergePS.Crm.Association'
        $association.SourceObject | Should -Be $source
        $association.TargetObject | Should -Be $otherObject
        $found = @(Get-MergeAssociation -CustomObjectClassId $class -ObjectId $source -AssociationTypeId $type)
        $found.TargetObject | Should -Contain $otherObject
        $found.AssociationType | Sort-Object -Unique | Should -Be $type
    }

    It 'sends nothing for Set-MergeAssociation -WhatIf' {
        Clear-EmulatorRequests
        Set-MergeAssociation -SourceClassId $class -SourceObjectId $classObjects[0].id -TargetClassId $otherClass -TargetObjectId $otherObject -AssociationTypeId ([guid]::NewGuid()) -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }
}

Describe 'CRM writes' {
    It 'creates a contact, visible on the next read' {
        $account = (Get-DirectPage crm '/crm/v1/accounts' 1)[0].id
        $created = New-MergeCrmContact -FirstName 'Katherine' -LastName 'Johnson' -AccountId $account -EmailAddresses @(@{ email_address = 'kj@example.com'; email_address_type = 'WORK' })
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Crm.Contact'
        $created.Account | Should -Be $account
        $stored = Invoke-Direct crm "/crm/v1/contacts/$($created.Id)"
        $stored.email_addresses[0].email_address | Should -Be 'kj@example.com'
        (Get-MergeCrmContact -AccountId $account).Id | Should -Contain $created.Id
    }

    It 'names the account parameter the same for creating and updating' {
        (Get-Command New-MergeCrmContact).Parameters.Keys | Should -Contain 'AccountId'
        (Get-Command Update-MergeCrmContact).Parameters.Keys | Should -Contain 'AccountId'
    }

    It 'warns about unknown -Model keys, sends nothing with -WhatIf, and updates a contact' {
        $contact = (Get-DirectPage crm '/crm/v1/contacts' 2)[1]
        $updated = Update-MergeCrmContact -Id $contact.id -LastName 'Vaughan' -Model @{ nickname = 'Dot' } -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'UNRECOGNIZED_FIELD.*nickname'
        $updated.LastName | Should -Be 'Vaughan'
        (Get-MergeCrmContact -Id $contact.id).LastName | Should -Be 'Vaughan'
        Clear-EmulatorRequests
        Update-MergeCrmContact -Id $contact.id -LastName 'never' -WhatIf
        New-MergeCrmContact -FirstName 'never' -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'writes Merge''s debug log to Verbose with -IsDebugMode' {
        $verbose = New-MergeOpportunity -Name 'Debugged deal' -IsDebugMode -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Merge log: '
    }

    It 'describes creating and updating a contact, and lists its remote field classes' {
        $create = Get-MergeWriteSchema -Resource CrmContact
        (@($create.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel crm 'ContactRequest').fields.name) | Sort-Object)
        $id = (Get-DirectPage crm '/crm/v1/contacts' 1)[0].id
        $update = Get-MergeWriteSchema -Resource CrmContact -Id $id
        (@($update.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel crm 'PatchedContactRequest').fields.name) | Sort-Object)
        $classes = @(Get-MergeRemoteFieldClass -Resource CrmContact)
        ($classes.Id | Sort-Object) | Should -Be (@(Get-DirectAll crm '/crm/v1/contacts/remote-field-classes').id | Sort-Object)
    }

    It 'ignores a contact: nothing with -WhatIf, fields read null with -Confirm:$false' {
        $contact = (Get-DirectPage crm '/crm/v1/contacts' 8)[7]
        Clear-EmulatorRequests
        Hide-MergeRecord -Resource CrmContact -Id $contact.id -Reason OTHER -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
        Hide-MergeRecord -Resource CrmContact -Id $contact.id -Reason OTHER -Message 'duplicate' -Confirm:$false
        $after = Get-MergeCrmContact -Id $contact.id
        $after.FirstName | Should -BeNullOrEmpty
        $after.LastName | Should -BeNullOrEmpty
        $after.Account | Should -BeNullOrEmpty
    }
}
