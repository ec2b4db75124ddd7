#!/usr/bin/env python3
"""Re-checks an Assay audit chain with nothing but Python's standard library, as docs/workspace-file.md
tells auditors to, on a demo workspace made by the built assay-cli. Proves the documented
canonical form is the one Assay hashes; a tampered copy must then fail the same check."""
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile


def first_broken(path):
    prev = "0" * 64
    rows = sqlite3.connect(path).execute(
        "SELECT seq, at, actor, action, entity, payload, prev_hash, hash FROM audit_log ORDER BY seq")
    for seq, at, actor, action, entity, payload, prev_hash, digest in rows:
        event = dict(seq=seq, at=at, actor=actor, action=action, entity=entity, payload=json.loads(payload))
        canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if prev_hash != prev or hashlib.sha256((prev + canonical).encode()).hexdigest() != digest:
            return seq
        prev = digest
    return None


def main(cli):
    with tempfile.TemporaryDirectory() as folder:
        workspace = f"{folder}/demo.assay"
        subprocess.run([cli, "demo", workspace], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([cli, "-w", workspace, "log", "-"], check=True, stdout=subprocess.DEVNULL,
                       input='{"experiment": "ünïcode ✓", "params": {"ratio": 0.1, "big": 1e300}}\n'.encode())
        broken = first_broken(workspace)
        assert broken is None, f"independent check fails at sequence {broken}"

        tampered = f"{folder}/tampered.assay"
        shutil.copy(workspace, tampered)
        db = sqlite3.connect(tampered)
        db.executescript("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 42;")
        db.close()
        assert first_broken(tampered) == 42, "tampering at 42 not found"
        verdict = subprocess.run([cli, "-w", tampered, "audit", "verify"], capture_output=True, text=True)
        assert verdict.returncode == 1 and "sequence 42" in verdict.stderr, verdict.stderr
    print("independent audit chain check: 1 passed, 0 failed")


if __name__ == "__main__":
    main(sys.argv[1])
