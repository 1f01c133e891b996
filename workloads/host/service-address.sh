#!/bin/bash
# Puts the service address on this host, or takes it off (your own machines: a floating address
# both hosts may carry, named in the hosts file). Adding it also announces it with one
# gratuitous ARP in the background (iputils-arping, where installed), so the client and the
# switch learn its new place without waiting.
#   service-address.sh add|del ADDRESS INTERFACE
# Exit codes: 0 done (del: also when it was not there), 1 ip failed, 2 usage.
set -u
[ $# -eq 3 ] || { echo "usage: service-address.sh add|del ADDRESS INTERFACE" >&2; exit 2; }
action=$1 address=$2 interface=$3
case $action in
  add)
    ip addr replace "$address/32" dev "$interface" || exit 1
    if command -v arping >/dev/null; then (arping -q -U -c 1 -I "$interface" "$address" </dev/null >/dev/null 2>&1 &); fi
    ;;
  del)
    if ip -o addr show dev "$interface" | grep -qF " $address/32 "; then ip addr del "$address/32" dev "$interface" || exit 1; fi
    ;;
  *) echo "usage: service-address.sh add|del ADDRESS INTERFACE" >&2; exit 2 ;;
esac
