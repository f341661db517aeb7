#!/usr/bin/env python3
"""Push ingest under load, with SSE clients on the alert stream (issue 16).

Starts nothing: point it at a running daemon with a push connector (deploy/bench/push-load.yaml, see
BENCHMARKS.md). Writers POST generated mentions to /api/ingest in batches; readers hold
/api/alerts/stream open and count the alert events each one sees. Prints mentions/s accepted, the
p50/p99 of the ingest answers (each one comes after the batch is durable), how many pushes were
refused with 429, the daemon's heap and RSS over time (every 30 s, from /metrics and /proc), and each
SSE client's count of alert events beside the number of alerts recorded (GET /api/alerts).

Usage: deploy/bench/push-load.py PORT DATA_DIR PID [--rate N] [--seconds S] [--writers W] [--batch B] [--sse K]
  --rate 0 (default) pushes as fast as the writers can (the throughput run); --rate 1000 paces the
  writers to 1,000 mentions/s in all (the sustained run).
"""
import argparse, http.client, json, random, statistics, threading, time

p = argparse.ArgumentParser()
p.add_argument("port", type=int)
p.add_argument("data")
p.add_argument("pid", type=int)
p.add_argument("--rate", type=int, default=0)
p.add_argument("--seconds", type=int, default=60)
p.add_argument("--writers", type=int, default=4)
p.add_argument("--batch", type=int, default=100)
p.add_argument("--sse", type=int, default=20)
a = p.parse_args()
token = open(a.data + "/admin.token").read().strip()
AUTH = {"Authorization": "Bearer " + token}

PRODUCTS = ["暖途T7空气炸锅", "暖途N3取暖器", "暖途电水壶K2"]
COMPLAINTS = ["用了三天就冒烟了，一股烧焦的味道", "客服态度太差，退款拖了一个月", "收到的时候外壳就裂了",
              "说好的七天无理由退货，现在不给退", "快递三天了还没发货", "开了十分钟插头发烫，不敢再用"]
PRAISE = ["挺好用的，做饭很快", "包装很用心，发货也快", "客服很耐心，点赞"]


def mention(n, rng):
    text = rng.choice(PRODUCTS) + (rng.choice(COMPLAINTS) if rng.random() < 0.3 else rng.choice(PRAISE)) + " #" + str(n)
    return {"platform": "weibo", "id": "load-%d-%d" % (RUN, n), "kind": "post", "text": text,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
            "author": {"id": "a%d" % rng.randrange(20000), "name": "用户%d" % rng.randrange(20000),
                       "followers": rng.choice([50, 300, 2000, 150000]), "verified": False}}


RUN = int(time.time())   # ids of this run only: a second run on the same daemon pushes new mentions, not duplicates
answers, refused, failed, sent = [], [0], [0], [0]
lock = threading.Lock()
stop_at = time.time() + a.seconds
counter = [0]


def writer(w):
    rng = random.Random(w)
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    per_writer = a.rate / a.writers if a.rate else 0
    next_at = time.time()
    while time.time() < stop_at:
        with lock:
            start_n = counter[0]
            counter[0] += a.batch
        body = json.dumps([mention(start_n + i, rng) for i in range(a.batch)], ensure_ascii=False).encode()
        t0 = time.perf_counter()
        conn.request("POST", "/api/ingest", body, dict(AUTH, **{"Content-Type": "application/json"}))
        r = conn.getresponse()
        r.read()
        ms = (time.perf_counter() - t0) * 1000
        with lock:
            if r.status == 200:
                answers.append(ms)
                sent[0] += a.batch
            elif r.status == 429:
                refused[0] += 1
            else:
                failed[0] += 1
        if r.status == 429:
            time.sleep(float(r.getheader("Retry-After", "1")))
        if per_writer:
            next_at += a.batch / per_writer
            time.sleep(max(0, next_at - time.time()))


seen = [0] * a.sse


def reader(k):
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.seconds + 120)
    conn.request("GET", "/api/alerts/stream", headers=AUTH)
    r = conn.getresponse()
    while True:
        line = r.fp.readline()
        if not line:
            return
        if line.startswith(b"event: alert"):
            seen[k] += 1


def memory():
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
    conn.request("GET", "/metrics", headers=AUTH)
    body = conn.getresponse().read().decode()
    heap = sum(float(l.split()[-1]) for l in body.splitlines()
               if l.startswith("jvm_memory_used_bytes") and 'area="heap"' in l)
    rss = next(int(l.split()[1]) for l in open("/proc/%d/status" % a.pid) if l.startswith("VmRSS"))
    return heap / 2**20, rss / 1024


for k in range(a.sse):
    threading.Thread(target=reader, args=(k,), daemon=True).start()
time.sleep(2)
t_start = time.time()
writers = [threading.Thread(target=writer, args=(w,)) for w in range(a.writers)]
for t in writers:
    t.start()
samples = []
while any(t.is_alive() for t in writers):
    time.sleep(min(30, max(1, a.seconds / 10)))
    heap, rss = memory()
    samples.append((round(time.time() - t_start), round(heap), round(rss)))
    print("t=%4ds  accepted=%d  heap=%d MiB  rss=%d MiB" % (samples[-1][0], sent[0], heap, rss), flush=True)
elapsed = time.time() - t_start
time.sleep(5)   # the last alerts reach the stream
conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
conn.request("GET", "/api/alerts?limit=1000", headers=AUTH)
feed = json.loads(conn.getresponse().read())   # the newest alerts, each at its latest version
s = sorted(answers)
print("accepted %d mentions in %.1f s: %.0f mentions/s; answers p50 %.1f ms, p99 %.1f ms; 429: %d, other errors: %d"
      % (sent[0], elapsed, sent[0] / elapsed, statistics.median(s), s[int(0.99 * (len(s) - 1))], refused[0], failed[0]))
print("SSE clients' alert events: min %d, max %d (all equal: %s)" % (min(seen), max(seen), len(set(seen)) == 1))
print("alerts on the feed now: %d (their versions were the events)" % len(feed))
