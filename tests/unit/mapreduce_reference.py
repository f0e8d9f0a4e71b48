"""An independent word-count MapReduce, written from the issue's rules, to check `nanoscope mapreduce`.

stdin: a JSON list of cases {"input_b64", "mappers", "reducers", "combiner"}; stdout: a JSON list of
results in the contract's shape. Standard library only.
"""
import base64
import json
import re
import sys

LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
TOKEN = re.compile(rb"[a-z0-9]+")


def fnv1a32(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) % (1 << 32)
    return h


def job(data, m, r, combiner):
    lines = data.split(b"\n")
    if data.endswith(b"\n") or data == b"":
        lines = lines[:-1]
    n = len(lines)
    per_mapper, per_reducer_words, matrix = [], [dict() for _ in range(r)], []
    in_records, in_bytes = [0] * r, [0] * r
    totals = {}
    for i in range(m):
        split = lines[(i * n) // m:((i + 1) * n) // m]
        tokens = [t for line in split for t in TOKEN.findall(line.translate(LOWER))]
        if combiner:
            partial = {}
            for t in tokens:
                partial[t] = partial.get(t, 0) + 1
            records = list(partial.items())
        else:
            records = [(t, 1) for t in tokens]
        row, sent = [0] * r, 0
        for word, count in records:
            j = fnv1a32(word) % r
            size = len(word) + 1 + len(str(count)) + 1
            row[j] += 1
            in_records[j] += 1
            in_bytes[j] += size
            sent += size
            per_reducer_words[j][word] = per_reducer_words[j].get(word, 0) + count
            totals[word] = totals.get(word, 0) + count
        matrix.append(row)
        per_mapper.append({"input_lines": len(split), "tokens": len(tokens), "output_records": len(records), "shuffle_bytes": sent})
    shuffle_records = sum(p["output_records"] for p in per_mapper)
    top = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    return {
        "mappers": m,
        "reducers": r,
        "combiner": combiner,
        "input_lines": n,
        "total_words": sum(p["tokens"] for p in per_mapper),
        "distinct_words": len(totals),
        "map_output_records": shuffle_records,
        "shuffle_records": shuffle_records,
        "shuffle_bytes": sum(p["shuffle_bytes"] for p in per_mapper),
        "per_mapper": per_mapper,
        "per_reducer": [{"input_records": in_records[j], "output_records": len(per_reducer_words[j]), "shuffle_bytes": in_bytes[j]} for j in range(r)],
        "matrix_records": matrix,
        "top": [{"word": w.decode("ascii"), "count": c} for w, c in top],
    }


cases = json.load(sys.stdin)
json.dump([job(base64.b64decode(c["input_b64"]), c["mappers"], c["reducers"], c["combiner"]) for c in cases], sys.stdout)
