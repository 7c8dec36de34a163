#!/usr/bin/env python3
"""Sends test mail to the intake test's Postfix over SMTP (smtplib), as customers' mail arrives.

    send_mail.py PORT dutch|reply|vacation|bounce|plain ID|burst N [TO]

dutch: a Dutch Windows-1252 quoted-printable message with RFC 2047 name and subject;
reply: a reply to it (In-Reply-To); vacation: an RFC 3834 auto-reply; bounce: a delivery status
notification with an empty envelope sender; plain ID: one message with Message-ID <ID>;
burst N: N messages at once over 10 connections, then 20 of them again (an MTA redelivering).
"""
import smtplib
import sys
import threading

PORT = int(sys.argv[1])
KIND = sys.argv[2]
DOMAIN = "support.tenboard.test"


def send(raw: bytes, sender: str, to: str, smtp=None):
    if smtp is None:
        with smtplib.SMTP("127.0.0.1", PORT, timeout=60) as s:
            s.sendmail(sender, [to], raw)
    else:
        smtp.sendmail(sender, [to], raw)


def message(msgid: str, subject: str, body: str, extra: str = "", frm: str = "Ann de Vries <ann@example.nl>") -> bytes:
    return (f"From: {frm}\r\nTo: support@{DOMAIN}\r\nSubject: {subject}\r\nMessage-ID: <{msgid}>\r\n"
            f"Date: Mon, 1 Jan 2001 00:00:00 +0000\r\n{extra}\r\n{body}\r\n").encode("ascii")


def main():
    to = f"support@{DOMAIN}"
    if KIND == "dutch":
        body = "Goedemorgen,\r\n\r\n=93De app=94 werkt niet =96 ik krijg foutcode =8022.\r\nMet vriendelijke groet,\r\nRen=E9e\r\n"
        raw = message("nl1@example.nl", "=?windows-1252?Q?Storing_=96_app?=", body,
                      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                      frm="=?windows-1252?Q?Ren=E9e_de_Vries?= <renee@example.nl>")
        send(raw, "renee@example.nl", to)
    elif KIND == "reply":
        send(message("nl2@example.nl", "Re: Storing - app", "Het werkt nog steeds niet.",
                     "In-Reply-To: <nl1@example.nl>\r\nReferences: <nl1@example.nl>\r\n", frm="Renee <renee@example.nl>"),
             "renee@example.nl", to)
    elif KIND == "vacation":
        send(message("vac1@example.org", "Afwezig: Storing - app", "Ik ben afwezig tot maandag.",
                     "Auto-Submitted: auto-replied\r\nPrecedence: bulk\r\n", frm="Kees <kees@example.org>"),
             "kees@example.org", to)
    elif KIND == "bounce":
        body = ("--dsn\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                "--dsn\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                "Final-Recipient: rfc822; nobody@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n--dsn--\r\n")
        send(message("dsn1@mx.example.org", "Undelivered Mail Returned to Sender", body,
                     "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=dsn\r\n",
                     frm="MAILER-DAEMON@mx.example.org (Mail Delivery System)"),
             "", to)
    elif KIND == "plain":
        msgid = sys.argv[3]
        target = sys.argv[4] if len(sys.argv) > 4 else to
        send(message(msgid, f"Vraag {msgid}", "Hoe werkt dit?"), "ann@example.nl", target)
    elif KIND == "burst":
        n = int(sys.argv[3])
        errors = []

        def worker(k):
            try:
                with smtplib.SMTP("127.0.0.1", PORT, timeout=120) as s:
                    for i in range(k, n, 10):
                        send(message(f"burst-{i}@example.nl", f"Vraag {i}", f"Bericht nummer {i}.",
                                     frm=f"Klant {i} <klant{i}@example.nl>"), f"klant{i}@example.nl", to, s)
                    for i in range(k, 20, 10):  # redelivered
                        send(message(f"burst-{i}@example.nl", f"Vraag {i}", f"Bericht nummer {i}.",
                                     frm=f"Klant {i} <klant{i}@example.nl>"), f"klant{i}@example.nl", to, s)
            except Exception as e:  # noqa: BLE001
                errors.append(repr(e))

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            print("\n".join(errors), file=sys.stderr)
            sys.exit(1)
    else:
        print(f"unknown kind {KIND}", file=sys.stderr)
        sys.exit(64)


main()
