#!/usr/bin/env python3
"""What authentication costs per request: medians of GET /health (no auth) and GET /api/me (token
checked in Redis) over one keep-alive connection, interleaved so both see the same machine load.
Usage: deploy/bench/auth-overhead.py [port] [data dir] [rounds]  (a running daemon; the token from admin.token)"""
import http.client, statistics, sys, time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
data = sys.argv[2] if len(sys.argv) > 2 else "./data"
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
token = open(data + "/admin.token").read().strip()
conn = http.client.HTTPConnection("127.0.0.1", port)

def once(path, headers):
    start = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    r.read()
    return (time.perf_counter() - start) * 1000, r.status

plain, authed, refused = [], [], []
for _ in range(200):   # warm-up
    once("/health", {}); once("/api/me", {"Authorization": "Bearer " + token})
for _ in range(rounds):
    plain.append(once("/health", {})[0])
    ms, status = once("/api/me", {"Authorization": "Bearer " + token})
    assert status == 200, status
    authed.append(ms)
    ms, status = once("/api/me", {})
    assert status == 401, status
    refused.append(ms)
med = statistics.median
print(f"rounds={rounds} median ms: /health {med(plain):.3f}, /api/me with token {med(authed):.3f}, "
      f"/api/me without token (401) {med(refused):.3f}; token check costs {med(authed) - med(plain):.3f} ms")
