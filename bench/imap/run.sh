#!/usr/bin/env bash
# IMAP benchmark: the same workload, byte for byte, against Mailroom and, in the same run, a private loopback Dovecot
# (Debian's dovecot-imapd, maildir). The driver (bench/imap/ImapBench) APPENDs a deterministic corpus of ~4 KB
# messages, then times SELECT, FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE), FETCH 1:* BODY.PEEK[], UID SEARCH on two
# headers and on body text, and SORT (DATE), checking every answer; then it opens connections that LOGIN, SELECT and
# IDLE and measures the server's PSS growth per connection. Each server is restarted before the IDLE phase so both
# start it from a fresh process. Prints one table with both figures and the ratios. Run as root (installs
# dovecot-imapd if missing; the private Dovecot has its own config, base_dir and port and touches no system service).
#   bench/imap/run.sh [messages=10000] [idle=1000] [servers=both|dovecot|mailroom]
# Exits 1 if either server answered something wrongly (not for missed targets).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
messages=${1:-10000}
idle=${2:-1000}
servers=${3:-both}
password='Bench!Passw0rd'
user=bench@contoso.com # the same login name on both servers, so the byte streams are identical
work=$(mktemp -d /tmp/mailroom-imap-bench.XXXXXX)
dovecot_pid=
node=

running() { [[ -e "/proc/$1" ]] && ! grep -q '^State:.*zombie' "/proc/$1/status" 2>/dev/null; }
stop_dovecot() {
    local pid=${dovecot_pid:-$(cat "${dv:-/nonexistent}/run/master.pid" 2>/dev/null || true)}
    [[ -n "$pid" ]] || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do running "$pid" || break; sleep 0.2; done
    dovecot_pid=
}
stop_node() {
    [[ -n "$node" ]] || return 0
    kill "$node" 2>/dev/null || true
    wait "$node" 2>/dev/null || true
    node=
}
trap 'stop_dovecot; stop_node; rm -rf "$work"' EXIT

# Each idle connection is a socket here and one (Mailroom) or two (Dovecot's imap process) on the server side.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < idle * 2 + 1024 )); then echo "ulimit -n $(ulimit -n) is too low for $idle connections" >&2; exit 1; fi

if ! command -v dovecot >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # port pid: until the port accepts, or the process is gone
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}

dotnet build bench/imap/ImapBench -c Release -v q -nologo >/dev/null
bench=bench/imap/ImapBench/bin/Release/net10.0/imapbench

# --- Dovecot ----------------------------------------------------------------------------------------------------
# Dovecot's defaults except where 1,000 connections need more: one imap process per connection (its default), with
# the process, client and per-user/IP connection limits raised. Plain-text LOGIN on loopback, as for Mailroom.
dovecot_port=$(free_port)
dv="$work/dovecot"
mkdir -p "$dv/run" "$dv/state" "$dv/mail"
chmod 755 "$work" "$dv"
chown mail:mail "$dv/mail"
cat >"$dv/dovecot.conf" <<CONF
# Private instance written by bench/imap/run.sh
instance_name = mailroom-bench
base_dir = $dv/run
state_dir = $dv/state
log_path = $dv/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = $(id -u mail)
mail_location = maildir:$dv/mail/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dv/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$dv/mail/%n
}
mail_max_userip_connections = $((idle + 100))
default_process_limit = $((idle + 100))
default_client_limit = $((idle * 4 + 1000))
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $dovecot_port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  client_limit = $((idle * 4 + 1000))
}
CONF
# Each server stores the password its own default way: `doveadm pw`'s default scheme (bcrypt, cost 5) here,
# PBKDF2-HMAC-SHA256 with 210,000 iterations in Mailroom. Most of a LOGIN's cost is that choice.
echo "$user:$(doveadm -c "$dv/dovecot.conf" pw -p "$password")" >"$dv/users"
start_dovecot() {
    dovecot -c "$dv/dovecot.conf"
    # The master writes its pid file after it has forked into the background.
    for _ in $(seq 1 100); do [[ -s "$dv/run/master.pid" ]] && break; sleep 0.1; done
    dovecot_pid=$(cat "$dv/run/master.pid")
    wait_port "$dovecot_port" "$dovecot_pid" || { cat "$dv/dovecot.log" >&2; return 1; }
}

dovecot_status=0
if [[ "$servers" != mailroom ]]; then
    echo "Dovecot $(dovecot --version | cut -d' ' -f1) on 127.0.0.1:$dovecot_port"
    start_dovecot
    "$bench" workload --port "$dovecot_port" --user "$user" --password "$password" --messages "$messages" --out "$work/dovecot.tsv" || dovecot_status=1
    stop_dovecot
    start_dovecot
    "$bench" idle --port "$dovecot_port" --user "$user" --password "$password" --connections "$idle" --pid "$dovecot_pid" --out "$work/dovecot-idle.tsv" || dovecot_status=1
    stop_dovecot
    cat "$work/dovecot-idle.tsv" >>"$work/dovecot.tsv"
fi

# --- Mailroom ---------------------------------------------------------------------------------------------------
mailroom_status=0
if [[ "$servers" != dovecot ]]; then
    dotnet build src/Mailroom.Server -c Release -v q -nologo >/dev/null
    imap_port=$(free_port); https_port=$(free_port)
    node_args=(--environment Development
        --Mailroom:DataPath="$work/mailroom" --Mailroom:Organization:Domain=contoso.com --Mailroom:Server:Name=BENCH
        --Mailroom:Bootstrap:AdminPassword="$password" --Logging:LogLevel:Default=Warning
        --Mailroom:Imap:AllowPlainTextLogin=true
        --Mailroom:Listeners:Https=127.0.0.1:$https_port --Mailroom:Listeners:Imap=127.0.0.1:$imap_port
        --Mailroom:Listeners:Imaps=127.0.0.1:$(free_port) --Mailroom:Listeners:Pop3=127.0.0.1:$(free_port)
        --Mailroom:Listeners:Pop3s=127.0.0.1:$(free_port) --Mailroom:Listeners:Smtp=127.0.0.1:$(free_port)
        --Mailroom:Listeners:Submission=127.0.0.1:$(free_port) --Mailroom:Listeners:SubmissionTls=127.0.0.1:$(free_port))
    start_node() {
        dotnet src/Mailroom.Server/bin/Release/net10.0/mailroom.dll "${node_args[@]}" >>"$work/mailroom.log" 2>&1 &
        node=$!
        until grep -q "Management API" "$work/mailroom.log" 2>/dev/null; do
            kill -0 "$node" 2>/dev/null || { cat "$work/mailroom.log" >&2; node=; return 1; }
            sleep 0.5
        done
        wait_port "$imap_port" "$node" || { echo "Mailroom isn't listening for IMAP on $imap_port" >&2; return 1; }
    }
    echo "Mailroom $(git describe --always --dirty) on 127.0.0.1:$imap_port"
    if start_node; then
        curl -sfk -u "administrator@contoso.com:$password" -H 'content-type: application/json' \
            -d "{\"Name\":\"bench\",\"Password\":\"$password\"}" "https://127.0.0.1:$https_port/api/management/v1/commands/New-Mailbox" >/dev/null
        "$bench" workload --port "$imap_port" --user "$user" --password "$password" --messages "$messages" --out "$work/mailroom.tsv" || mailroom_status=1
        stop_node
        if start_node; then
            "$bench" idle --port "$imap_port" --user "$user" --password "$password" --connections "$idle" --pid "$node" --out "$work/mailroom-idle.tsv" || mailroom_status=1
            cat "$work/mailroom-idle.tsv" >>"$work/mailroom.tsv"
        else
            mailroom_status=1
        fi
        stop_node
    else
        printf 'setup\ts\tFAIL\tNaN\t\tMailroom did not start or has no IMAP listener\n' >"$work/mailroom.tsv"
        mailroom_status=1
    fi
fi

echo
echo "messages=$messages idle=$idle cores=$(nproc) memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
report_status=0
"$bench" report --mailroom "$work/mailroom.tsv" --dovecot "$work/dovecot.tsv" || report_status=1
exit $(( dovecot_status | mailroom_status | report_status ))
