#!/usr/bin/env bash
# Runs every test of Larder: installs what the tests start as real processes (redis-server,
# redis-sentinel, redis-cli and memcached, from Debian's packages, saslpasswd2 for the SASL test,
# openssl for the TLS tests, Chromium and its driver for the sample's page) when missing, then
# builds and verifies all modules.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v redis-server   >/dev/null 2>&1 || need+=(redis-server)
command -v redis-cli      >/dev/null 2>&1 || need+=(redis-tools)
command -v redis-sentinel >/dev/null 2>&1 || need+=(redis-sentinel)
command -v memcached      >/dev/null 2>&1 || need+=(memcached)
command -v saslpasswd2    >/dev/null 2>&1 || need+=(sasl2-bin)   # a SASL user for memcached -S
command -v openssl        >/dev/null 2>&1 || need+=(openssl)     # throwaway certificates for the TLS tests
[[ -x /usr/bin/chromium ]]                || need+=(chromium)    # the sample's dashboard page, in a headless browser
[[ -x /usr/bin/chromedriver ]]            || need+=(chromium-driver)
if ((${#need[@]})); then
  echo "Installing test dependencies: ${need[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  # The packages start system-wide daemons on the default ports; the tests start their own.
  for service in redis-server redis-sentinel memcached; do
    "${sudo_cmd[@]}" service "$service" stop >/dev/null 2>&1 || true
  done
fi

exec mvn -B -ntp verify "$@"
