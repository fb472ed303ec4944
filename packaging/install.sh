#!/bin/sh
# Installs soc-collector as a systemd service (or, where systemd is not running, installs everything and says how to
# run it by hand). Run as root from a folder holding:
#   soc-collector            the published binary (see docs/collector.md "Build")
#   soc-collector.service    packaging/soc-collector.service
#   collector.example.yml    packaging/collector.example.yml
# Safe to run again for an upgrade: an existing /etc/soc-collector/collector.yml is kept.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=/usr/local/bin/soc-collector
etc=/etc/soc-collector
data=/var/lib/soc-collector

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (sudo sh install.sh)" >&2
    exit 1
fi

for f in soc-collector soc-collector.service collector.example.yml; do
    [ -f "$here/$f" ] || { echo "install.sh: $here/$f is missing" >&2; exit 1; }
done

# Dedicated system user without a shell or home; group adm gives read access to /var/log (the unit also adds it
# with SupplementaryGroups=, this makes it true when the binary is run by hand as the user too).
if ! id soc-collector >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir "$data" --shell /usr/sbin/nologin soc-collector
fi
if getent group adm >/dev/null 2>&1; then
    usermod -a -G adm soc-collector
fi

install -d -m 0755 "$etc"
install -d -m 0750 -o soc-collector -g soc-collector "$data"
install -m 0755 "$here/soc-collector" "$bin"
install -m 0644 "$here/collector.example.yml" "$etc/collector.example.yml"
if [ ! -f "$etc/collector.yml" ]; then
    # The config holds the agency's API key: readable by the service, not by everyone.
    install -m 0640 -o root -g soc-collector "$here/collector.example.yml" "$etc/collector.yml"
    echo "install.sh: wrote $etc/collector.yml - set id, center.urls and center.apiKey before starting"
fi
install -d -m 0755 /usr/share/doc/soc-collector
[ -f "$here/collector.md" ] && install -m 0644 "$here/collector.md" /usr/share/doc/soc-collector/collector.md
install -d -m 0755 /etc/systemd/system
install -m 0644 "$here/soc-collector.service" /etc/systemd/system/soc-collector.service

if ! "$bin" --config "$etc/collector.yml" --check; then
    echo "install.sh: fix the errors above in $etc/collector.yml, then start soc-collector" >&2
    configured=no
elif grep -q 'CHANGE-ME' "$etc/collector.yml"; then
    # The example config is valid YAML but ships nowhere: starting it would only fill the queue.
    echo "install.sh: $etc/collector.yml still has apiKey CHANGE-ME - set id, center.urls and center.apiKey, then start soc-collector" >&2
    configured=no
else
    configured=yes
fi

# systemctl is often installed where systemd is not running (containers, chroots): it then fails with
# "System has not been booted with systemd". Only talk to systemd when it is PID 1.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable soc-collector.service
    if [ "$configured" = yes ]; then
        systemctl restart soc-collector.service
        echo "install.sh: soc-collector is running; check it with: systemctl status soc-collector; curl -s 127.0.0.1:9520/healthz"
    else
        echo "install.sh: then: systemctl start soc-collector" >&2
    fi
else
    echo "install.sh: systemd is not running here (no /run/systemd/system): the unit is installed but not enabled." >&2
    echo "install.sh: run it by hand:  runuser -u soc-collector -- $bin --config $etc/collector.yml" >&2
fi
