#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    Creating tasks in a real pwsh, where the hosted engine falls short: Import-Csv and Get-ChildItem binding by
    property name, what -WhatIf prints on the console, -Confirm answered at a real prompt, tab completion.
    The emulator counts what it created (GET /_emulator/created).
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
    Import-Module (Get-StagedManifest) -Force
    $script:Emulator = Enter-TestSession
    $script:Stills = Join-Path $TestDrive 'stills'
    $null = New-Item -ItemType Directory -Path $script:Stills
    $png = [byte[]] (0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) + [byte[]]::new(56)
    foreach ($name in 'one.png', 'two.png') { [System.IO.File]::WriteAllBytes((Join-Path $script:Stills $name), $png) }
    Set-Content -LiteralPath (Join-Path $script:Stills 'notes.txt') -Value 'not an image'

    function Get-CreatedTask {
        # Everything the emulator has created since the session began; each test compares counts before and after.
        @((Invoke-RestMethod -Uri "$($script:Emulator.BaseUri)/_emulator/created").tasks)
    }

    function Invoke-ChildPwsh([string] $Command, [string] $InputText) {
        $arguments = @{
            Command     = "Import-Module '$(Get-StagedManifest)'; $Command"
            Environment = @{ COMETAPI_BASE_URL = $script:Emulator.BaseUri; COMETAPI_KEY = $script:Emulator.ApiKey }
        }
        if ($InputText) { $arguments.InputText = $InputText }
        Invoke-Pwsh @arguments
    }
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'Creating tasks in pwsh' {
    It 'creates one task per CSV row, the columns bound by name and empty cells left to the defaults' {
        $before = (Get-CreatedTask).Count
        $csv = "Image,Prompt,aspect_ratio,Seed`nhttps://assets.example.com/a.png,first,,`nhttps://assets.example.com/b.png,second,720:1280,7"

        $tasks = $csv | ConvertFrom-Csv | New-RunwayImageToVideoTask

        $tasks.Prompt | Should -Be 'first', 'second'
        $tasks.Status | Should -Be 'Pending', 'Pending'
        $created = (Get-CreatedTask)[$before..($before + 1)] | Sort-Object prompt
        ($created[0].body | ConvertFrom-Json).ratio | Should -Be '1280:720'
        ($created[0].body | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'seed'
        ($created[1].body | ConvertFrom-Json).seed | Should -Be 7
    }

    It 'creates one task per file Get-ChildItem finds, each sent inline' {
        $before = (Get-CreatedTask).Count

        $tasks = Get-ChildItem -Path (Join-Path $script:Stills '*.png') | New-RunwayImageToVideoTask -PromptText 'slow zoom'

        $tasks | Should -HaveCount 2
        $created = @(Get-CreatedTask)[$before..($before + 1)]
        $created | ForEach-Object { ($_.body | ConvertFrom-Json).promptImage | Should -BeLike 'data:image/png;base64,*' }
    }

    It 'refuses a file that is not an image, naming the parameter, and goes on with the others' {
        $tasks = Get-ChildItem -LiteralPath $script:Stills -File | Sort-Object Name |
            New-RunwayImageToVideoTask -PromptText 'slow zoom' -ErrorVariable failed -ErrorAction SilentlyContinue

        $tasks | Should -HaveCount 2
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RunwayCreateInvalidRequest,*'
        $failed[0].Exception.ParameterName | Should -Be 'PromptImage'
        $failed[0].Exception.Message | Should -Match 'notes\.txt'
    }

    It 'shows the route and the body with -WhatIf, files abbreviated and no key, and creates nothing' {
        $before = (Get-CreatedTask).Count

        $result = Invoke-ChildPwsh "New-RunwayImageToVideoTask '$(Join-Path $script:Stills one.png)' 'a cat walks' -WhatIf"

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match 'What if: Creating a Runway task: POST /runwayml/v1/image_to_video with the body \{'
        $result.Output | Should -Match '"promptImage": "data:image/png;base64,… \(110 characters from .*one\.png.\)"'
        $result.Output | Should -Match '"model": "gen4_turbo"'
        $result.Output | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
        (Get-CreatedTask).Count | Should -Be $before
    }

    It 'creates nothing when -Confirm is answered No' {
        $before = (Get-CreatedTask).Count

        $result = Invoke-ChildPwsh "New-RunwayFeedVideoTask 'a comet' -Confirm; 'done'" -InputText "N`n"

        $result.Output | Should -Match 'Create a Runway task \(charged to the CometAPI account\): POST\s+/runway/pro/generate'
        $result.Output | Should -Match '"callback_url": "https://callback.invalid/cometrunway"'
        $result.Output | Should -Match 'done'
        (Get-CreatedTask).Count | Should -Be $before
    }

    It 'creates the task when -Confirm is answered Yes' {
        $before = (Get-CreatedTask).Count

        $result = Invoke-ChildPwsh "(New-RunwayFeedVideoTask 'a comet' -Confirm).Status" -InputText "Y`n"

        $result.Output | Should -Match 'Pending'
        (Get-CreatedTask).Count | Should -Be ($before + 1)
    }

    It 'completes -Model and -Ratio from the route''s vocabulary and -Route from the documented routes' {
        $complete = { param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
        $models = & $complete 'New-RunwayImageToVideoTask -Model '
        $ratios = & $complete 'New-RunwayTextToImageTask -Ratio 1080'
        $routes = & $complete 'New-RunwayTask -Route pro/'

        $models[0] | Should -Be 'gen4_turbo'
        $models | Should -Contain 'veo3.1'
        $ratios | Should -Contain '1080:1920'
        $routes | Should -Be 'pro/generate', 'pro/video2video', 'pro/act_one'
    }

    It 'keeps the id of every create that was sent when Select-Object -First ends the pipeline' {
        $before = (Get-CreatedTask).Count
        $delay = @{ kind = 'delay'; delayMs = 1500; route = 'create'; times = 6 } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.BaseUri)/_emulator/faults" -ContentType 'application/json' -Body $delay

        $first = 1..6 | ForEach-Object { [pscustomobject]@{ PromptText = "stop $_" } } | New-RunwayFeedVideoTask -ThrottleLimit 3 | Select-Object -First 1

        $first | Should -HaveCount 1
        # The creates sent before the pipeline stopped end in the background; Get-RunwayTask <Tab> offers every one.
        $deadline = (Get-Date).AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 200
            $created = @(Get-CreatedTask | Select-Object -Skip $before | ForEach-Object id)
            $offered = @((TabExpansion2 -inputScript 'Get-RunwayTask -Id ' -cursorColumn 19).CompletionMatches.CompletionText)
            $missing = @($created | Where-Object { $_ -notin $offered })
        } while ($missing.Count -gt 0 -and (Get-Date) -lt $deadline)
        $missing | Should -BeNullOrEmpty
        $created.Count | Should -BeGreaterThan 1
    }
}
