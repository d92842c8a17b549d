<#
.SYNOPSIS
  Build, sign and package Våldstöd for Windows: the signed one-folder bundle, a signed MSI,
  and SHA-256 checksums. Run in PowerShell on a Windows build machine from the repository root.

.DESCRIPTION
  Needs: Python 3.12 (python.org installer, on PATH as `py -3.12`), the WiX Toolset v5
  (`dotnet tool install --global wix`), and signtool.exe from the Windows SDK with the agency's
  code-signing certificate in the certificate store (or on a hardware token).
  No make is needed: build_installer.py compiles the catalogs itself.

  Not yet run on a real Windows machine: see docs/windows.md for what has been checked.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows\release.ps1 -CertificateThumbprint 0123ABCD...
#>
param(
  [Parameter(Mandatory = $true)][string] $CertificateThumbprint,
  [string] $TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Checked([string] $What, [scriptblock] $Command) {
  & $Command
  if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Set-Signature([string[]] $Files) {
  Invoke-Checked "signtool" {
    signtool sign /sha1 $CertificateThumbprint /fd SHA256 /tr $TimestampUrl /td SHA256 /v $Files
  }
  Invoke-Checked "signtool verify" { signtool verify /pa /v $Files }
}

# 1. A fresh virtual environment with exactly the locked versions.
if (Test-Path .venv-release) { Remove-Item -Recurse -Force .venv-release }
Invoke-Checked "venv" { py -3.12 -m venv .venv-release }
$python = ".venv-release\Scripts\python.exe"
Invoke-Checked "pip (app)" { & $python -m pip install --disable-pip-version-check -r requirements.lock }
Invoke-Checked "pip (build tools)" { & $python -m pip install --disable-pip-version-check -r requirements-build.lock }
Invoke-Checked "pip (project)" { & $python -m pip install --disable-pip-version-check --no-deps -e . }

# 2. The bundle: built, smoke-tested (version, self-test, the text of a Swedish sheet), archived.
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "build_installer.py" { & $python build_installer.py }
Remove-Item Env:\QT_QPA_PLATFORM

# 3. Sign the executables before they go into the MSI.
Set-Signature @("dist\vaaldstod\vaaldstod.exe", "dist\vaaldstod\vaaldstod-cli.exe")

# 4. The per-machine MSI, then sign it too.
$version = (& $python -c "import build_installer; print(build_installer.project_version())").Trim()
$msi = "dist\Vaaldstod-$version-x64.msi"
Invoke-Checked "wix build" {
  wix build installer\windows\Vaaldstod.wxs -arch x64 -d "Version=$version" `
    -d "BundleDir=dist\vaaldstod" -o $msi
}
Set-Signature @($msi)

# 5. Checksums an office or IT can compare before deploying.
Get-ChildItem dist\*.msi, dist\*.zip | ForEach-Object {
  $hash = (Get-FileHash -Algorithm SHA256 $_.FullName).Hash.ToLower()
  "$hash  $($_.Name)" | Out-File -Encoding ascii "$($_.FullName).sha256"
}
Write-Host "Done: $msi (signed) and its checksum in dist\"
