#!/bin/bash
# The built-in http workload's service: nginx serving one file at ADDRESS:PORT from the current
# directory (the workload's own, which moves with it), as one process (no master, no daemon) so
# the dumped tree is nginx alone. It keeps no file open but its listening and client sockets and
# the stderr launch.sh gave it (-e stderr, error_log stderr: nginx opens no log of its own);
# temporary files go to ./tmp.
#   http-service.sh ADDRESS PORT
# The payload is what workloads/services/http_client.py expects: `seq -f 'criubench %g' 1 400`.
set -eu
address=$1 port=$2
mkdir -p www tmp
seq -f 'criubench %g' 1 400 >www/payload
cat >nginx.conf <<CONF
daemon off;
master_process off;
worker_processes 1;
pid nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    keepalive_timeout 3600s;
    keepalive_requests 1000000000;
    server {
        listen $address:$port;
        root www;
        location / { }
    }
}
CONF
exec /usr/sbin/nginx -p "$PWD/" -c "$PWD/nginx.conf" -e stderr
