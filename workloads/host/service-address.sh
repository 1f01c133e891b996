#!/bin/bash
# Puts the service address on this host, or takes it off (your own machines: a floating address
# both hosts may carry, named in the hosts file).
#   add     the address on, reachable (before the first workload).
#   arrive  the address on but closed: a DROP rule for TCP to it comes first, so a client's packet
#           that arrives before the restored socket exists is dropped (TCP sends it again), not
#           answered with a reset that would cost the kept connection.
#   open    the DROP rule off again, once the service's sockets are restored.
#   del     the address off (and the rule, where one is left).
# add and arrive also announce the address with one gratuitous ARP in the background
# (iputils-arping, where installed), so the client and the switch learn its new place without waiting.
#   service-address.sh add|arrive|open|del ADDRESS INTERFACE
# Exit codes: 0 done (del, open: also when there was nothing to take off), 1 ip or iptables failed, 2 usage.
set -u
usage() { echo "usage: service-address.sh add|arrive|open|del ADDRESS INTERFACE" >&2; exit 2; }
[ $# -eq 3 ] || usage
action=$1 address=$2 interface=$3
rule=(INPUT -d "$address/32" -p tcp -j DROP)

announce() {
  if command -v arping >/dev/null; then (arping -q -U -c 1 -I "$interface" "$address" </dev/null >/dev/null 2>&1 &); fi
}

unblock() {
  while iptables -w -C "${rule[@]}" 2>/dev/null; do iptables -w -D "${rule[@]}" || exit 1; done
}

case $action in
  add)
    ip addr replace "$address/32" dev "$interface" || exit 1
    announce
    ;;
  arrive)
    command -v iptables >/dev/null || { echo "service-address.sh: iptables is needed to keep the address closed until the restore (apt-get install iptables)" >&2; exit 1; }
    iptables -w -I "${rule[@]}" || exit 1
    ip addr replace "$address/32" dev "$interface" || exit 1
    announce
    ;;
  open)
    if command -v iptables >/dev/null; then unblock; fi
    ;;
  del)
    if command -v iptables >/dev/null; then unblock; fi
    if ip -o addr show dev "$interface" | grep -qF " $address/32 "; then ip addr del "$address/32" dev "$interface" || exit 1; fi
    ;;
  *) usage ;;
esac
