#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    What only a real PowerShell host shows: import, Get-Command, Get-Help, pipelines, -WhatIf, progress.
    build.ps1 -Task Test runs this file against the staged module (COMETRUNWAY_MODULE_PATH); it starts
    the CometAPI emulator from tools/ as a child process on a free loopback port.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifest = $env:COMETRUNWAY_MODULE_PATH
    if (-not $manifest) {
        $version = (Import-PowerShellDataFile (Join-Path $repositoryRoot 'CometRunway.psd1')).ModuleVersion
        $manifest = Join-Path $repositoryRoot "output/CometRunway/$version/CometRunway.psd1"
    }
    Import-Module $manifest -Force

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $script:Base = "http://127.0.0.1:$port"
    $script:Key = 'sk-emulator-test-key'
    # Built first and started as 'dotnet <dll>', so the process stopped at the end is the emulator itself.
    $project = Join-Path $repositoryRoot 'tools/CometRunway.Emulator/CometRunway.Emulator.csproj'
    $emulatorOutput = $script:EmulatorOutput = Join-Path ([System.IO.Path]::GetTempPath()) "cometrunway-emulator-$PID"
    & dotnet build $project -c Release -o $emulatorOutput --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw "Building the emulator failed with exit code $LASTEXITCODE." }
    $script:EmulatorLog = Join-Path $emulatorOutput 'emulator.err'
    $emulatorDll = Join-Path $emulatorOutput 'CometRunway.Emulator.dll'
    $script:Emulator = Start-Process -FilePath 'dotnet' -PassThru `
        -ArgumentList "`"$emulatorDll`" --port $port --key $($script:Key)" `
        -RedirectStandardOutput (Join-Path $emulatorOutput 'emulator.out') -RedirectStandardError $script:EmulatorLog

    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    do {
        Start-Sleep -Milliseconds 500
        try { $ready = (Invoke-WebRequest "$script:Base/_emulator/requests" -TimeoutSec 2).StatusCode -eq 200 } catch { $ready = $false }
    } until ($ready -or [DateTime]::UtcNow -gt $deadline)
    if (-not $ready) { throw "The emulator did not start on $($script:Base): $(Get-Content $script:EmulatorLog -Raw)" }

    $env:COMETAPI_BASE_URL = $script:Base
    $env:COMETAPI_KEY = $script:Key
}

AfterAll {
    if ($script:Emulator -and -not $script:Emulator.HasExited) { $script:Emulator.Kill($true); $script:Emulator.WaitForExit() }
    if ($script:EmulatorOutput) { Remove-Item -LiteralPath $script:EmulatorOutput -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-Item Env:\COMETAPI_BASE_URL, Env:\COMETAPI_KEY -ErrorAction SilentlyContinue
    Remove-Module CometRunway -ErrorAction SilentlyContinue
}

Describe 'The module' {
    It 'exports exactly its six cmdlets' {
        (Get-Command -Module CometRunway).Name | Sort-Object | Should -Be @(
            'Connect-CometApi', 'Disconnect-CometApi', 'Get-RunwayFeedTask', 'Get-RunwayTask', 'Save-RunwayOutput', 'Wait-RunwayTask')
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path (Get-Module CometRunway).Path -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has full help with at least three examples for <_>' -ForEach @(
        'Connect-CometApi', 'Disconnect-CometApi', 'Get-RunwayFeedTask', 'Get-RunwayTask', 'Save-RunwayOutput', 'Wait-RunwayTask') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
    }

    It 'has the about_CometRunway topic' {
        Get-Help about_CometRunway | Out-String | Should -Match 'AUTHENTICATION'
    }

    It 'shows a task as a table that fits 80 columns' {
        $text = Get-RunwayTask -Id demo-succeeded | Format-Table | Out-String -Width 80
        $text | Should -Match 'demo-succeeded'
        $text | Should -Not -Match 'CometRunway.Core'
    }
}

Describe 'Pipelines against the emulator' {
    BeforeEach {
        $script:Out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'saves a finished video from Get-RunwayTask | Wait-RunwayTask | Save-RunwayOutput' {
        $files = Get-RunwayTask -Id demo-succeeded | Wait-RunwayTask -PollIntervalSec 1 | Save-RunwayOutput -Path $script:Out -PassThru
        $files | Should -HaveCount 1
        $files[0] | Should -BeOfType System.IO.FileInfo
        $files[0].TaskId | Should -Be 'demo-succeeded'
        $files[0].Name | Should -Be 'demo-succeeded.mp4'
        $files[0].Length | Should -BeGreaterThan 0
    }

    It 'waits for a fresh task and saves it as soon as it succeeds' {
        $id = "pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $files = Wait-RunwayTask -Id $id -Format Feed -PollIntervalSec 2 -Timeout 120 | Save-RunwayOutput -LiteralPath $script:Out -PassThru
        $files.TaskId | Should -Be $id
    }

    It 'lists what it would write with -WhatIf and writes nothing' {
        # What-if lines go straight to the host and cannot be redirected, so read them from a child pwsh's stdout.
        $command = "Import-Module '$((Get-Module CometRunway).Path)'; Get-RunwayTask -Id demo-succeeded | Save-RunwayOutput -Path '$script:Out' -WhatIf"
        $whatIf = pwsh -NoProfile -NonInteractive -Command $command | Out-String
        $whatIf | Should -Match 'What if: .*Save output 1 of task demo-succeeded'
        $whatIf | Should -Match 'demo-succeeded\.mp4'
        Test-Path $script:Out | Should -BeFalse
    }

    It 'reports a failed task as a RunwayTaskFailed error with the task as target' {
        $null = Wait-RunwayTask -Id demo-failed -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RunwayTaskFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failures[0].TargetObject.Id | Should -Be 'demo-failed'
    }

    It 'ends a wait at -Timeout with one OperationTimeout error per unfinished task' {
        $null = Wait-RunwayTask -Id "slow-$([guid]::NewGuid().ToString('N'))" -Timeout 2 -PollIntervalSec 1 -ErrorVariable timeouts -ErrorAction SilentlyContinue
        $timeouts | Should -HaveCount 1
        $timeouts[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $timeouts[0].ToString() | Should -Match 'still (PENDING|RUNNING)'
    }

    It 'writes progress records and completes them' {
        $shell = [powershell]::Create()
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', (Get-Module CometRunway).Path).AddStatement()
        $null = $shell.AddCommand('Wait-RunwayTask').AddParameter('Id', "progress-$([guid]::NewGuid().ToString('N'))").AddParameter('PollIntervalSec', 1).AddParameter('Timeout', 60)
        $null = $shell.Invoke()
        $records = @($shell.Streams.Progress)
        $shell.Dispose()
        $records.Count | Should -BeGreaterThan 0
        foreach ($id in ($records.ActivityId | Select-Object -Unique)) {
            ($records | Where-Object ActivityId -EQ $id | Select-Object -Last 1).RecordType | Should -Be 'Completed'
        }
    }

    It 'never shows the key, even with -Verbose' {
        $all = Get-RunwayTask -Id demo-succeeded, missing-x -Verbose *>&1 | Out-String
        $all | Should -Not -Match ([regex]::Escape($script:Key))
    }
}
