#!/usr/bin/env bash
# Waits for 1,000 emulated tasks with the engine, then the naive way; prints a comparison table.
# Usage: bench/wait/run.sh [--tasks N] [--spread seconds] [--seed S] [--latency ms] [--naive-sleep seconds] [--naive-budget seconds] [--skip-naive]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/WaitBench.csproj" -c Release -nologo -v quiet
dotnet "$here/bin/Release/net10.0/WaitBench.dll" "$@"
