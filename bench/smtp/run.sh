#!/usr/bin/env bash
# SMTP acceptance benchmark: Postfix's smtp-source against Mailroom and, in the same run, against a loopback Postfix
# that queues durably (its default: every queue file is fsync'd before 250). Both deliver locally to one mailbox.
# Prints messages/second and CPU per message (server processes only, during the run) for both, the ratios, and
# Mailroom's peak memory. Run as root on a machine you can dedicate
# for a minute: it installs postfix (with "No configuration") and writes /etc/postfix/main.cf if there is none.
#   bench/smtp/run.sh [messages=20000] [sessions=20] [size_bytes=10240]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
messages=${1:-20000}
sessions=${2:-20}
size=${3:-10240}
work=$(mktemp -d /tmp/mailroom-bench.XXXXXX)
trap 'postfix stop >/dev/null 2>&1 || true; [[ -n "${node:-}" ]] && kill "$node" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v smtp-source >/dev/null; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rate() { python3 -c "print(f'{$1/$2:.0f}')"; }
# CPU seconds used by a process and its descendants, reaped ones included (utime+stime+cutime+cstime): on a shared
# machine, CPU per message compares the two servers more fairly than wall-clock rates do.
cpu_tree() {
    python3 - "$1" <<'PY'
import os, sys
root = int(sys.argv[1]); stats = {}
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        stats[int(pid)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    except OSError:
        pass
def total(pid):
    return stats[pid][1] + sum(total(c) for c, (ppid, _) in stats.items() if ppid == pid)
print(total(root) / os.sysconf('SC_CLK_TCK') if root in stats else 0)
PY
}

# --- Mailroom ---------------------------------------------------------------------------------------------------
dotnet build src/Mailroom.Server -c Release -v q >/dev/null
smtp_port=$(free_port); https_port=$(free_port)
dotnet src/Mailroom.Server/bin/Release/net10.0/mailroom.dll --environment Development \
    --Mailroom:DataPath="$work/mailroom" --Mailroom:Organization:Domain=contoso.com --Mailroom:Server:Name=BENCH \
    --Mailroom:Bootstrap:AdminPassword='Bench!Passw0rd' --Logging:LogLevel:Default=Warning \
    --Mailroom:Listeners:Https=127.0.0.1:$https_port --Mailroom:Listeners:Smtp=127.0.0.1:$smtp_port \
    --Mailroom:Listeners:Submission=127.0.0.1:$(free_port) --Mailroom:Listeners:SubmissionTls=127.0.0.1:$(free_port) \
    >"$work/mailroom.log" 2>&1 &
node=$!
until grep -q "Management API" "$work/mailroom.log" 2>/dev/null; do kill -0 "$node" || { cat "$work/mailroom.log"; exit 1; }; sleep 0.5; done
curl -sfk -u 'administrator@contoso.com:Bench!Passw0rd' -H 'content-type: application/json' \
    -d '{"Name":"bench","Password":"Bench!Passw0rd"}' "https://127.0.0.1:$https_port/api/management/v1/commands/New-Mailbox" >/dev/null
# smtp-source opens a connection per message: lift the per-source connection limit (Exchange's default is 20).
curl -sfk -u 'administrator@contoso.com:Bench!Passw0rd' -H 'content-type: application/json' \
    -d '{"Identity":"Default Frontend BENCH","MaxInboundConnectionPerSource":"Unlimited"}' "https://127.0.0.1:$https_port/api/management/v1/commands/Set-ReceiveConnector" >/dev/null
sleep 6 # the node re-reads its connectors every 5 seconds
start=$(date +%s.%N)
cpu_before=$(cpu_tree "$node")
smtp-source -c -s "$sessions" -m "$messages" -l "$size" -f sender@example.org -t bench@contoso.com "127.0.0.1:$smtp_port" >/dev/null
mailroom_seconds=$(python3 -c "import time; print(time.time() - $start)")
mailroom_cpu=$(python3 -c "print(f'{($(cpu_tree "$node") - $cpu_before) * 1000 / $messages:.2f}')")
mailroom_peak=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$node/status")
kill "$node"; wait "$node" 2>/dev/null || true; node=

# --- Postfix ----------------------------------------------------------------------------------------------------
if [[ ! -f /etc/postfix/main.cf ]] || grep -q '^# mailroom-bench' /etc/postfix/main.cf; then
    pf_port=$(free_port)
    # Postfix's daemons run as the postfix user: they must reach the mail folder and the log.
    chmod 755 "$work"
    mkdir -p "$work/postfix-mail" && touch "$work/postfix.log" && chown postfix:postfix "$work/postfix-mail" "$work/postfix.log"
    cat >/etc/postfix/main.cf <<CONF
# mailroom-bench: written by bench/smtp/run.sh; safe to delete
compatibility_level = 3.6
maillog_file_prefixes = $work
maillog_file = $work/postfix.log
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = postfix.bench.test
mydestination =
mynetworks = 127.0.0.0/8
virtual_mailbox_domains = bench.test
virtual_mailbox_base = $work/postfix-mail
virtual_mailbox_maps = static:bench/
virtual_uid_maps = static:$(id -u postfix)
virtual_gid_maps = static:$(id -g postfix)
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
default_process_limit = 200
CONF
    sed -i "s/^smtp      inet  n       -       y/127.0.0.1:$pf_port inet  n       -       n/; s/^127.0.0.1:[0-9]* inet  n       -       n/127.0.0.1:$pf_port inet  n       -       n/" /etc/postfix/master.cf
    postfix check >/dev/null 2>&1 || true
    postfix start >/dev/null
    until (exec 3<>/dev/tcp/127.0.0.1/$pf_port) 2>/dev/null; do sleep 0.2; done
    start=$(date +%s.%N)
    master=$(head -1 /var/spool/postfix/pid/master.pid | tr -d ' ')
    cpu_before=$(cpu_tree "$master")
    smtp-source -c -s "$sessions" -m "$messages" -l "$size" -f sender@example.org -t bench@bench.test "127.0.0.1:$pf_port" >/dev/null
    postfix_seconds=$(python3 -c "import time; print(time.time() - $start)")
    postfix_cpu=$(python3 -c "print(f'{($(cpu_tree "$master") - $cpu_before) * 1000 / $messages:.2f}')")
    postfix stop >/dev/null 2>&1
else
    echo "/etc/postfix/main.cf is someone's real configuration; not touching it." >&2
    exit 1
fi

mailroom_rate=$(rate "$messages" "$mailroom_seconds")
postfix_rate=$(rate "$messages" "$postfix_seconds")
echo "messages=$messages sessions=$sessions size=${size}B cores=$(nproc)"
echo "mailroom: ${mailroom_rate} msg/s (${mailroom_seconds%.*} s), ${mailroom_cpu} ms CPU/message, peak memory ${mailroom_peak}"
echo "postfix:  ${postfix_rate} msg/s (${postfix_seconds%.*} s), ${postfix_cpu} ms CPU/message"
python3 -c "print(f'ratio mailroom/postfix: {$mailroom_rate/$postfix_rate:.2f} (rate), {$postfix_cpu/$mailroom_cpu:.2f} (CPU per message, postfix/mailroom)')"
