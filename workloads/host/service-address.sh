#!/bin/bash
# Puts the service address on this host, or takes it off (your own machines: a floating address
# both hosts may carry, named in the hosts file). Adding it also announces it with one
# gratuitous ARP in the background (iputils-arping, where installed), so the client and the
# switch learn its new place without waiting.
# hold-resets keeps this host from answering a client's packet for the address with a TCP reset
# (an iptables rule) while a restore recreates the service's sockets; TCP sends the packet again.
# release-resets takes the rule off, as del does.
#   service-address.sh add|del|hold-resets|release-resets ADDRESS INTERFACE
# Exit codes: 0 done (del, release-resets: also when there was nothing to take off), 1 ip or
# iptables failed, 2 usage.
set -u
usage() { echo "usage: service-address.sh add|del|hold-resets|release-resets ADDRESS INTERFACE" >&2; exit 2; }
[ $# -eq 3 ] || usage
action=$1 address=$2 interface=$3
rule=(OUTPUT -s "$address/32" -p tcp --tcp-flags RST RST -j DROP)

release() {
  command -v iptables >/dev/null || return 0
  while iptables -w -C "${rule[@]}" 2>/dev/null; do iptables -w -D "${rule[@]}" || exit 1; done
}

case $action in
  add)
    ip addr replace "$address/32" dev "$interface" || exit 1
    if command -v arping >/dev/null; then (arping -q -U -c 1 -I "$interface" "$address" </dev/null >/dev/null 2>&1 &); fi
    ;;
  del)
    release
    if ip -o addr show dev "$interface" | grep -qF " $address/32 "; then ip addr del "$address/32" dev "$interface" || exit 1; fi
    ;;
  hold-resets)
    command -v iptables >/dev/null || { echo "service-address.sh: iptables is needed to hold back TCP resets while the restore runs (apt-get install iptables)" >&2; exit 1; }
    iptables -w -C "${rule[@]}" 2>/dev/null || iptables -w -I "${rule[@]}" || exit 1
    ;;
  release-resets) release ;;
  *) usage ;;
esac
