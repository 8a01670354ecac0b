#!/usr/bin/env bash
# Memory and availability of `dyad serve` under load. Builds nothing: give
# it a dyad binary and a store (e.g. one made by
# `dyad ingest ../shared/corpus/slavicner --db /tmp/srv.db`):
#   bench/serve_load.sh target/release/dyad /tmp/srv.db [REQUESTS] [CONCURRENCY] [IDLE]
# Starts `dyad serve` on a free port, reads VmRSS/VmHWM from
# /proc/PID/status, sends REQUESTS (default 2000) GETs spread over the API's
# endpoints from CONCURRENCY (default 50) keep-alive clients, reads the
# memory again, then opens IDLE (default 1000) TCP connections that send
# nothing (and 50 that send half a request head) and times
# `GET /api/stats` on a new connection while they stay open (it fails
# after 10 s). NOFILE sets the server's open-file limit (default 1024).
# Needs python3 (standard library only).
set -euo pipefail
dyad=$1 db=$2 requests=${3:-2000} concurrency=${4:-50} idle=${5:-1000}
log=$(mktemp)
# Serve with the open-file limit most desktops give (1024), not the
# machine's, so running out of descriptors shows as it would there.
(ulimit -n "${NOFILE:-1024}"; exec "$dyad" serve --db "$db" --port 0) 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
addr=
for _ in $(seq 100); do
  addr=$(sed -n 's#.*http://\([^/]*\)/.*#\1#p' "$log" | head -1)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { echo "dyad serve did not start:"; cat "$log"; exit 1; }
echo "dyad serve $("$dyad" --version) at $addr, pid $pid"
python3 - "$addr" "$pid" "$requests" "$concurrency" "$idle" <<'EOF'
import http.client, json, socket, sys, threading, time
addr, pid = sys.argv[1], sys.argv[2]
requests, concurrency, idle = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

def mem():
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        k, _, v = line.partition(":")
        fields[k] = v.strip()
    return "  ".join(f"{k} {fields.get(k)}" for k in ("VmRSS", "VmHWM", "Threads"))
host, port = addr.rsplit(":", 1)

def get(conn, path):
    conn.request("GET", path, headers={"Host": addr})
    r = conn.getresponse()
    return r.status, r.read()

print(f"before:            {mem()}", flush=True)
c = http.client.HTTPConnection(host, port, timeout=60)
_, body = get(c, "/api/events?limit=5")
doc = json.loads(body)["events"][0]["doc_id"]
c.close()
paths = ["/api/stats", "/api/events?limit=1000", "/api/actors?limit=1000",
         "/api/timeline?bucket=day", "/api/graph", "/api/search?q=%D0%BF%D1%83%D1%82%D0%B8%D0%BD",
         f"/api/documents/{doc}", "/api/events?limit=200&offset=400", "/"]
lock, counter, statuses = threading.Lock(), [0], {}

def worker():
    conn = http.client.HTTPConnection(host, port, timeout=60)
    while True:
        with lock:
            i = counter[0]
            if i >= requests:
                break
            counter[0] += 1
        try:
            status, _ = get(conn, paths[i % len(paths)])
        except (OSError, http.client.HTTPException) as e:
            status = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
    conn.close()

t0 = time.time()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for t in threads: t.start()
for t in threads: t.join()
print(f"load: {requests} requests at {concurrency} concurrent in {time.time() - t0:.1f} s; statuses {statuses}", flush=True)
print(f"after load:        {mem()}", flush=True)

socks = []
for i in range(idle):
    try:
        socks.append(socket.create_connection((host, int(port)), timeout=5))
    except OSError as e:
        print(f"idle connection {i}: {e}"); break
for i in range(50):
    try:
        s = socket.create_connection((host, int(port)), timeout=5)
        s.sendall(f"GET / HTTP/1.1\r\nHost: {addr}\r\n".encode())
        socks.append(s)
    except OSError as e:
        print(f"partial request {i}: {e}"); break
t0 = time.time()
try:
    c = http.client.HTTPConnection(host, port, timeout=10)
    status, _ = get(c, "/api/stats")
    print(f"with {len(socks)} idle connections open: /api/stats answered {status} in {time.time() - t0:.2f} s")
except (OSError, http.client.HTTPException) as e:
    print(f"with {len(socks)} idle connections open: /api/stats FAILED after {time.time() - t0:.2f} s ({type(e).__name__}: {e})")
alive = 0
for s in socks:
    s.setblocking(False)
    try:
        alive += s.recv(1) != b""
    except BlockingIOError:
        alive += 1
    except OSError:
        pass
print(f"of those, still open on the server's side: {alive}")
print(f"with idle connections:  {mem()}")
for s in socks: s.close()
EOF
