#!/usr/bin/env python3
"""A local SMTP server for the mail end-to-end test, and a parser for what it received.

    smtp_sink.py serve DIR [--port N]
        Listens on 127.0.0.1 (port N, or a free one), saves every message as DIR/<n>.eml with
        its envelope in DIR/<n>.json, writes the port to DIR/port once it accepts connections,
        and runs until SIGTERM or SIGINT.

    smtp_sink.py parse DIR
        Prints a JSON list of the saved messages, parsed with Python's standard `email` package:
        envelope, decoded headers, addresses, parts and their decoded text, and parser defects.

Needs aiosmtpd (Debian: python3-aiosmtpd).
"""
import argparse
import email
import email.policy
import json
import os
import signal
import socket
import sys
import threading


def serve(directory, port):
    from aiosmtpd.controller import Controller

    os.makedirs(directory, exist_ok=True)

    class Saver:
        def __init__(self):
            self.count = len([n for n in os.listdir(directory) if n.endswith(".eml")])
            self.lock = threading.Lock()

        async def handle_DATA(self, server, session, envelope):
            with self.lock:
                self.count += 1
                base = os.path.join(directory, "%04d" % self.count)
            with open(base + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            with open(base + ".json", "w") as f:
                json.dump({"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos}, f)
            # The .eml appears last, so a reader never sees a message without its envelope.
            os.rename(base + ".eml.tmp", base + ".eml")
            return "250 Message accepted for delivery"

    if port == 0:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    controller = Controller(Saver(), hostname="127.0.0.1", port=port)
    controller.start()
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))

    stop = threading.Event()
    # A parent's blocked signals are inherited (Foundation's Process spawns with the mask of a
    # dispatch thread, which blocks SIGTERM): unblock them, or SIGTERM never arrives.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    controller.stop()


def parse(directory):
    messages = []
    for name in sorted(n for n in os.listdir(directory) if n.endswith(".eml")):
        base = os.path.join(directory, name[:-4])
        with open(base + ".json") as f:
            envelope = json.load(f)
        with open(base + ".eml", "rb") as f:
            raw = f.read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            parts.append({
                "contentType": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transferEncoding": part.get("Content-Transfer-Encoding"),
                "text": part.get_content(),
            })
        to = msg.get("To")
        messages.append({
            "envelope": envelope,
            "headerNames": list(msg.keys()),
            "subject": str(msg.get("Subject")),
            "from": str(msg.get("From")),
            "to": [{"name": a.display_name, "address": a.addr_spec} for a in to.addresses] if to else [],
            "date": str(msg.get("Date")),
            "messageID": str(msg.get("Message-ID")),
            "contentType": msg.get_content_type(),
            "parts": parts,
            "defects": [type(d).__name__ for d in msg.defects]
                       + [type(d).__name__ for p in msg.walk() for d in p.defects if p is not msg],
            "longestLine": max((len(line) for line in raw.split(b"\n")), default=0),
        })
    json.dump(messages, sys.stdout, ensure_ascii=False, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("directory")
    s.add_argument("--port", type=int, default=0)
    p = sub.add_parser("parse")
    p.add_argument("directory")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args.directory, args.port)
    else:
        parse(args.directory)


if __name__ == "__main__":
    main()
