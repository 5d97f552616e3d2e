# Webhooks Merge sends: the signature check (base64url HMAC-SHA256 over the exact raw body, constant-time)
# and the typed reading of the envelope, end to end: the emulator signs and POSTs a webhook to a listener
# on loopback, and what arrives is checked and read with the module.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-ExpectedSignature([byte[]] $Body, [string] $Key) {
        # Written independently of the module: HMAC-SHA256, base64url, padded.
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($Key))
        try { [Convert]::ToBase64String($hmac.ComputeHash($Body)).Replace('+', '-').Replace('/', '_') } finally { $hmac.Dispose() }
    }

    function Receive-EmulatorWebhook([hashtable] $Send, [int] $ReplyStatus = 200) {
        # Starts a listener on a free loopback port, has the emulator send the webhook to it, and returns
        # what arrived (raw bytes and headers) with the emulator's report of the delivery.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/hooks/")
        $listener.Start()
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $Send.url = "http://127.0.0.1:$port/hooks/merge"
            $content = [System.Net.Http.StringContent]::new(($Send | ConvertTo-Json -Depth 10), [Text.Encoding]::UTF8, 'application/json')
            $delivery = $client.PostAsync("$EmulatorUrl/_emulator/webhooks", $content)
            $received = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            # Every attempt (retries included) is answered with $ReplyStatus; the first is what is returned.
            while (-not $delivery.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 30) {
                $pending = $listener.GetContextAsync()
                while (-not $pending.Wait(100) -and -not $delivery.IsCompleted) { }
                if (-not $pending.IsCompleted) { break }
                $context = $pending.Result
                $stream = [System.IO.MemoryStream]::new()
                $context.Request.InputStream.CopyTo($stream)
                if (-not $received) {
                    $received = [pscustomobject]@{
                        Method      = $context.Request.HttpMethod
                        Path        = $context.Request.Url.AbsolutePath
                        ContentType = $context.Request.ContentType
                        Signature   = $context.Request.Headers['X-Merge-Webhook-Signature']
                        Headers     = @{ 'X-Merge-Webhook-Signature' = $context.Request.Headers['X-Merge-Webhook-Signature'] }
                        Bytes       = $stream.ToArray()
                        Body        = [Text.Encoding]::UTF8.GetString($stream.ToArray())
                        Report      = $null
                    }
                }
                $context.Response.StatusCode = $ReplyStatus
                $context.Response.Close()
            }
            if (-not $received) { throw 'No webhook arrived.' }
            if (-not $delivery.Wait(20000)) { throw 'The emulator did not report the delivery.' }
            $received.Report = $delivery.Result.Content.ReadAsStringAsync().Result | ConvertFrom-Json
            $received
        }
        finally {
            $client.Dispose()
            $listener.Stop()
            $listener.Close()
        }
    }

    Reset-Emulator
    $script:Key = 'whsec-test-key-0123456789'
    # Spaced like a pretty-printer would not: re-serializing changes the bytes.
    $script:Payload = [Text.Encoding]::UTF8.GetBytes('{"hook": {"id": "h-1", "event": "Employee.changed", "target": "https://example.test/h"}, "linked_account": {"id": "a-1", "category": "hris"}, "data": {"id": "e-1", "first_name": "Zoë"}}')
}

Describe 'Test-MergeWebhookSignature' {
    It 'is true for the body''s signature, padded or not, with a string or SecureString key' {
        $signature = Get-ExpectedSignature $Payload $Key
        $signature | Should -Match '=$' -Because 'base64url of a 32-byte digest keeps its padding'
        Test-MergeWebhookSignature -Body $Payload -Signature $signature -Key $Key | Should -BeTrue
        Test-MergeWebhookSignature -Body $Payload -Signature $signature.TrimEnd('=') -Key $Key | Should -BeTrue
        $secure = ConvertTo-SecureString $Key -AsPlainText -Force
        Test-MergeWebhookSignature -Body ([Text.Encoding]::UTF8.GetString($Payload)) -Signature $signature -Key $secure | Should -BeTrue
        Test-MergeWebhookSignature $Payload $signature $secure | Should -BeTrue
    }

    It 'is false when any byte of the body changes' {
        $signature = Get-ExpectedSignature $Payload $Key
        $secure = ConvertTo-SecureString $Key -AsPlainText -Force
        for ($i = 0; $i -lt $Payload.Length; $i++) {
            $changed = [byte[]]$Payload.Clone()
            $changed[$i] = $changed[$i] -bxor 0x01
            Test-MergeWebhookSignature -Body $changed -Signature $signature -Key $secure | Should -BeFalse -Because "byte $i changed"
        }
    }

    It 'is false for another key, a changed or truncated signature, an empty signature, or a re-serialized body' {
        $signature = Get-ExpectedSignature $Payload $Key
        Test-MergeWebhookSignature -Body $Payload -Signature $signature -Key 'another-key' | Should -BeFalse
        $flipped = ($signature[0] -eq 'A' ? 'B' : 'A') + $signature.Substring(1)
        Test-MergeWebhookSignature -Body $Payload -Signature $flipped -Key $Key | Should -BeFalse
        Test-MergeWebhookSignature -Body $Payload -Signature $signature.Substring(0, 20) -Key $Key | Should -BeFalse
        Test-MergeWebhookSignature -Body $Payload -Signature '' -Key $Key | Should -BeFalse
        $reserialized = ([Text.Encoding]::UTF8.GetString($Payload) | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress)
        Test-MergeWebhookSignature -Body $reserialized -Signature $signature -Key $Key | Should -BeFalse
    }

    It 'rejects a body that is neither text nor bytes' {
        Test-MergeWebhookSignature -Body @{ a = 1 } -Signature 'x' -Key $Key -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.InvalidArgument,MergePS.Commands.TestMergeWebhookSignatureCommand'
    }
}

Describe 'ConvertFrom-MergeWebhook' {
    It 'reads the envelope and types data with the category''s model' {
        $parsed = ConvertFrom-MergeWebhook -Body ([Text.Encoding]::UTF8.GetString($Payload))
        $parsed | Should -BeOfType ([MergePS.Client.MergeWebhookEvent])
        $parsed.Event | Should -Be 'Employee.changed'
        $parsed.ModelName | Should -Be 'Employee'
        $parsed.Action | Should -Be 'changed'
        $parsed.Category | Should -Be 'hris'
        $parsed.Hook.Id | Should -Be 'h-1'
        $parsed.Hook.Target | Should -Be 'https://example.test/h'
        $parsed.LinkedAccount.Id | Should -Be 'a-1'
        $parsed.Data | Should -BeOfType ([MergePS.Hris.Employee])
        $parsed.Data.FirstName | Should -Be 'Zoë'
    }

    It 'refuses a body whose signature does not match, with MergePS.InvalidWebhookSignature' {
        $signature = Get-ExpectedSignature $Payload $Key
        $tampered = [Text.Encoding]::UTF8.GetString($Payload).Replace('Zoë', 'Zoe')
        ConvertFrom-MergeWebhook -Body $tampered -Signature $signature -Key $Key -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'MergePS.InvalidWebhookSignature,MergePS.Commands.ConvertFromMergeWebhookCommand'
        ConvertFrom-MergeWebhook -Body $Payload -Headers @{ 'x-merge-webhook-signature' = $signature } -Key $Key | Should -Not -BeNullOrEmpty
    }

    It 'keeps the data of non-record events as objects and types issues' {
        $sync = ConvertFrom-MergeWebhook -Body '{"hook":{"event":"LinkedAccount.sync_completed"},"linked_account":{"category":"ats"},"data":{"is_initial_sync":false,"sync_status":{"ats.Candidate":{"last_sync_result":"DONE"}}}}'
        $sync.Data.is_initial_sync | Should -BeFalse
        $sync.Data.sync_status.'ats.Candidate'.last_sync_result | Should -Be 'DONE'
        $issue = ConvertFrom-MergeWebhook -Body '{"hook":{"event":"Issue.new"},"linked_account":{"category":"crm"},"data":{"id":"i-1","status":"ONGOING","error_description":"Missing Permissions"}}'
        $issue.Data | Should -BeOfType ([MergePS.Platform.Issue])
        $issue.Data.ErrorDescription | Should -Be 'Missing Permissions'
    }
}

Describe 'Signed webhooks from the emulator, end to end' {
    It 'delivers <Hook> for <Token>, signed over the exact bytes; the module verifies it and types data as <Type>' -TestCases @(
        @{ Hook = 'Employee.changed'; Token = 'hris-token-1'; Type = 'MergePS.Hris.Employee'; Resource = 'hris/v1/employees' }
        @{ Hook = 'CRMAccount.added'; Token = 'crm-token-1'; Type = 'MergePS.Crm.Account'; Resource = 'crm/v1/accounts' }
        @{ Hook = 'Ticket.removed'; Token = 'ticketing-token-2'; Type = 'MergePS.Ticketing.Ticket'; Resource = 'ticketing/v1/tickets' }
    ) {
        $record = (Invoke-EmulatorApi "$($Resource)?page_size=1" $Token).results[0]
        $arrived = Receive-EmulatorWebhook @{ event = $Hook; account_token = $Token; key = $Key; id = $record.id }
        $arrived.Method | Should -Be 'POST'
        $arrived.Path | Should -Be '/hooks/merge'
        $arrived.ContentType | Should -BeLike 'application/json*'
        $arrived.Report.delivered | Should -BeTrue
        $arrived.Report.attempts | Should -Be 1
        $arrived.Signature | Should -Be $arrived.Report.signature
        $arrived.Signature | Should -Be (Get-ExpectedSignature $arrived.Bytes $Key)
        $arrived.Body | Should -Be $arrived.Report.body

        Test-MergeWebhookSignature -Body $arrived.Bytes -Signature $arrived.Signature -Key $Key | Should -BeTrue
        $changed = [byte[]]$arrived.Bytes.Clone()
        $changed[$changed.Length - 2] = $changed[$changed.Length - 2] -bxor 0x20
        Test-MergeWebhookSignature -Body $changed -Signature $arrived.Signature -Key $Key | Should -BeFalse

        $parsed = $arrived | ConvertFrom-MergeWebhook -Key $Key
        $parsed.Event | Should -Be $Hook
        $parsed.Hook.Target | Should -BeLike 'http://127.0.0.1:*/hooks/merge'
        $parsed.LinkedAccount.Id | Should -Be (@(Invoke-RestMethod "$EmulatorUrl/_emulator/accounts") | ForEach-Object { $_ } | Where-Object account_token -EQ $Token).id
        $parsed.Data.GetType().FullName | Should -Be $Type
        $parsed.Data.Id | Should -Be $record.id
        $parsed.Data.RemoteId | Should -Be $record.remote_id
    }

    It 'retries a delivery the receiver answers with 5xx' {
        $arrived = Receive-EmulatorWebhook @{ event = 'LinkedAccount.linked'; account_token = 'hris-token-2'; key = $Key } -ReplyStatus 503
        $arrived.Report.delivered | Should -BeFalse
        $arrived.Report.status | Should -Be 503
        $arrived.Report.attempts | Should -Be 3
        $linked = ConvertFrom-MergeWebhook -Body $arrived.Bytes -Signature $arrived.Signature -Key $Key
        $linked.Data.account_token | Should -Be 'hris-token-2'
        $linked.Data.is_relink | Should -BeFalse
    }
}
