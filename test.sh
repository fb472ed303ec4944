#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine that has the .NET 10 SDK, then runs every test.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Sigma]
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests drive for real: util-linux logger (bsdutils) sends syslog to the collector;
# chromium runs the console's browser tests (Playwright drives it; its own browser download cannot work here).
packages=()
command -v logger >/dev/null 2>&1 || packages+=(bsdutils)
[ -x /usr/bin/chromium ] || packages+=(chromium)
# fonts-dejavu-core renders Vietnamese in PDF reports; poppler-utils (pdftotext, pdftoppm) reads them back.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
# rsyslog forwards to the collector in its tests, as an agency's syslog daemon would.
[ -x /usr/sbin/rsyslogd ] || packages+=(rsyslog)
if ((${#packages[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${packages[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

dotnet build Soc.sln -c Release -nologo -clp:ErrorsOnly
log=$(mktemp)
status=0
dotnet test Soc.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, in the plain form CI reads.
awk '/(Passed|Failed)! +- +Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
