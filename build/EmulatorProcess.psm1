<#
    The CometAPI emulator (tools/CometRunway.Emulator) as a child process on a free loopback port:
    build.ps1 -Task Demo and -Task Test start it, and the Pester suite starts its own when run alone.
#>

Set-StrictMode -Version Latest

function Start-EmulatorProcess {
    <#
    .SYNOPSIS
        Builds the emulator, starts it on a free port of 127.0.0.1 and returns once it answers.
    .OUTPUTS
        An object with BaseUri, ApiKey, Process and LogDirectory; give it to Stop-EmulatorProcess.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $RepositoryRoot,

        [ValidateSet('Debug', 'Release')]
        [string] $Configuration = 'Release',

        [string] $ApiKey = 'sk-emulator-test-key',

        [timespan] $StartTimeout = [timespan]::FromMinutes(2)
    )

    $projectDirectory = Join-Path $RepositoryRoot 'tools/CometRunway.Emulator'
    $buildLog = & dotnet build $projectDirectory -c $Configuration --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building the CometAPI emulator failed with exit code $($LASTEXITCODE):`n$($buildLog -join "`n")" }
    $dll = Join-Path $projectDirectory "bin/$Configuration/net10.0/CometRunway.Emulator.dll"

    $logDirectory = Join-Path ([System.IO.Path]::GetTempPath()) "cometrunway-emulator-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $logDirectory
    $standardOutput = Join-Path $logDirectory 'emulator.out'
    $standardError = Join-Path $logDirectory 'emulator.err'
    # Started as 'dotnet <dll>', so the process stopped later is the emulator itself; port 0 lets it pick a free one.
    $process = Start-Process -FilePath 'dotnet' -PassThru -ArgumentList "`"$dll`"", '--port', '0', '--key', $ApiKey `
        -RedirectStandardOutput $standardOutput -RedirectStandardError $standardError
    $emulator = [pscustomobject]@{ BaseUri = $null; ApiKey = $ApiKey; Process = $process; LogDirectory = $logDirectory }

    try {
        $deadline = [DateTime]::UtcNow + $StartTimeout
        while (-not $emulator.BaseUri) {
            # The banner's first line names the address once Kestrel listens.
            $banner = Get-Content -LiteralPath $standardOutput -TotalCount 1 -ErrorAction Ignore
            if ($banner -match 'listening on (http://\S+)') { $emulator.BaseUri = $Matches[1] }
            elseif ($process.HasExited) { throw "The CometAPI emulator exited with code $($process.ExitCode): $(Get-Content -LiteralPath $standardError -Raw)" }
            elseif ([DateTime]::UtcNow -gt $deadline) { throw "The CometAPI emulator did not start within $StartTimeout." }
            else { Start-Sleep -Milliseconds 100 }
        }
    }
    catch {
        Stop-EmulatorProcess -Emulator $emulator
        throw
    }

    $emulator
}

function Stop-EmulatorProcess {
    <# .SYNOPSIS Stops an emulator from Start-EmulatorProcess and removes its logs. Safe to call twice. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowNull()]
        [object] $Emulator
    )

    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }

    Remove-Item -LiteralPath $Emulator.LogDirectory -Recurse -Force -ErrorAction Ignore
}

Export-ModuleMember -Function Start-EmulatorProcess, Stop-EmulatorProcess
