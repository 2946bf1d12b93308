#!/usr/bin/env python3
"""Writes an Apple .icns file from PNG files (PNG-compressed entries, macOS 10.7+).

Usage: make_icns.py OUT.icns DIR   (DIR holds skiff-<size>.png for 16, 32, 64, 128, 256, 512, 1024)
Format: 'icns' + big-endian total length, then entries of 4-byte type + 4-byte length + PNG data.
"""
import struct
import sys
from pathlib import Path

# entry type -> pixel size of the PNG it holds
ENTRIES = [
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
    ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
]


def main(out, directory):
    body = b""
    for kind, size in ENTRIES:
        data = (Path(directory) / f"skiff-{size}.png").read_bytes()
        body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    Path(out).write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
