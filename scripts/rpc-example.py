#!/usr/bin/env python3
"""Drive `batchsh --rpc` from a program: list jobs, watch one active job, print the result.

    scripts/rpc-example.py --sim --sim-speed 60      # against the built-in simulator, no key needed
    TOGETHER_API_KEY=... scripts/rpc-example.py      # against the real API
    BATCHSH=/path/to/batchsh scripts/rpc-example.py --base-url http://127.0.0.1:8080

The binary is $BATCHSH, else .build/release/batchsh, else .build/debug/batchsh; every argument is passed on.

How an editor (or any program) integrates
-----------------------------------------
Start `batchsh --rpc` once as a child process with pipes for stdin and stdout and keep it for the session.
Write one JSON-RPC 2.0 request per line to its stdin; read one message per line from its stdout (stderr
carries diagnostics only). Requests run concurrently, so match responses to requests by `id`:

    -> {"jsonrpc":"2.0","id":1,"method":"list","params":{"active":true}}
    <- {"jsonrpc":"2.0","id":1,"result":{"jobs":[{"id":"batch-…","status":"IN_PROGRESS",…}]}}
    -> {"jsonrpc":"2.0","id":2,"method":"watch","params":{"ids":["batch-…"],"interval":2}}
    <- {"jsonrpc":"2.0","method":"watch/update","params":{"request_id":2,"job":{…}}}   (each change)
    <- {"jsonrpc":"2.0","id":2,"result":{"jobs":[{…final…}]}}

A status bar shows `watch/update` notifications as they come (`params.request_id` says which watch).
Closing a view sends `{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}`; the watch then
answers error -32800 (the remote job is not touched; cancelling it is the `cancel` method). Params are by
name; `rpc.discover` returns an OpenRPC document of every method for completion and validation. On exit
send `shutdown`, then the `exit` notification (or just close stdin: requests in flight are answered and
the process exits 0).
"""

import json
import os
import subprocess
import sys
import threading
import queue


def find_batchsh():
    """The batchsh binary to run: $BATCHSH, else a release build, else a debug build."""
    if os.environ.get("BATCHSH"):
        return os.environ["BATCHSH"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for config in ("release", "debug"):
        path = os.path.join(root, ".build", config, "batchsh")
        if os.access(path, os.X_OK):
            return path
    sys.exit("batchsh not found: build it (swift build) or set BATCHSH")


class Client:
    """A minimal JSON-RPC client over a child's stdin/stdout: one reader thread, responses matched by id."""

    def __init__(self, argv):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.next_id = 0
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.messages.put(json.loads(line))
        self.messages.put(None)

    def send(self, method, params=None, notify=False):
        """Writes a request (returns its id) or, with notify=True, a notification."""
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if not notify:
            self.next_id += 1
            message["id"] = self.next_id
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        return message.get("id")

    def wait(self, request_id, on_notification=lambda message: None, timeout=600):
        """Reads messages until the response to request_id; notifications go to on_notification."""
        while True:
            message = self.messages.get(timeout=timeout)
            if message is None:
                raise RuntimeError("batchsh exited before answering")
            if "method" in message:
                on_notification(message)
            elif message.get("id") == request_id:
                if "error" in message:
                    error = message["error"]
                    raise RuntimeError(f"{error['code']}: {error['message']}")
                return message["result"]

    def call(self, method, params=None, **kwargs):
        return self.wait(self.send(method, params), **kwargs)

    def close(self):
        self.call("shutdown")
        self.send("exit", notify=True)
        self.process.stdin.close()
        return self.process.wait(timeout=30)


def show_update(message):
    job = message["params"]["job"]
    progress = job.get("progress")
    shown = f"{progress:5.1f}%" if isinstance(progress, (int, float)) else "     -"
    print(f"  watch/update  {job['id']}  {job.get('status', '?'):<12} {shown}", flush=True)


def main():
    client = Client([find_batchsh(), "--rpc"] + sys.argv[1:])
    try:
        jobs = client.call("list", {"limit": 10})["jobs"]
        print(f"{len(jobs)} most recent jobs:")
        for job in jobs:
            print(f"  {job['id']}  {job.get('status', '?'):<12} {job.get('model_id', '')}")
        active = client.call("list", {"active": True, "limit": 1})["jobs"]
        if not active:
            print("no active job to watch")
        else:
            job_id = active[0]["id"]
            print(f"watching {job_id}:")
            final = client.call("watch", {"ids": [job_id], "interval": 1}, on_notification=show_update)
            print("final:", json.dumps(final["jobs"], indent=2))
    finally:
        status = client.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
