"""A real SMTP server (aiosmtpd) for the Mail tests, on loopback.

Every accepted message is written to MAILDIR as <n>.eml, the bytes as received, with its
envelope in <n>.json; MAILDIR/connections holds the number of connections accepted so far.
The recipient's local part picks the server's behaviour:
  tempfail-once*@  451 at the first RCPT for that address, 250 afterwards
  tempfail*@       451 at every RCPT
  reject*@         550 5.1.1 at RCPT
  slow*@           waits 2 s before answering DATA
--idle-timeout drops a connection idle that long (421), as real servers do.
--tls starttls offers STARTTLS, --tls implicit speaks TLS from the first byte (smtps), both with
a self-signed certificate for 127.0.0.1 made with the openssl command in MAILDIR; <n>.json
says whether the message came over TLS, and the name the client gave in EHLO.
With --auth-user and --auth-password, AUTH (PLAIN or LOGIN) is required, over plain text:
the tests run on loopback without TLS. --port 0 picks a free port; the port is written to the
--ready-file once the server listens. The server stops on SIGTERM, and when its standard
input reaches end of file (its parent, a test process, is gone).
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import stat
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Handler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.accepted = 0
        self.tempfailed_once = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("tempfail-once"):
            if address not in self.tempfailed_once:
                self.tempfailed_once.add(address)
                return "451 4.3.0 Try again later (tempfail-once)"
        elif local.startswith("tempfail"):
            return "451 4.3.0 Try again later (tempfail)"
        elif local.startswith("reject"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(address.split("@", 1)[0].lower().startswith("slow") for address in envelope.rcpt_tos):
            await asyncio.sleep(2)
        self.accepted += 1
        number = self.accepted
        base = os.path.join(self.maildir, str(number))
        summary = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "tls": server.transport.get_extra_info("ssl_object") is not None, "helo": session.host_name}
        write_atomically(base + ".json", json.dumps(summary).encode())
        write_atomically(base + ".eml", envelope.original_content)
        return "250 2.0.0 Ok: queued as %d" % number


def self_signed_context(maildir):
    certificate, key = os.path.join(maildir, "cert.pem"), os.path.join(maildir, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate],
        check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        valid = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=valid, handled=False)
    return authenticate


async def serve(arguments):
    os.makedirs(arguments.maildir, exist_ok=True)
    handler = Handler(arguments.maildir)
    options = {}
    if arguments.auth_user is not None:
        options = {
            "authenticator": authenticator_for(arguments.auth_user, arguments.auth_password or ""),
            "auth_required": True,
            "auth_require_tls": False,
        }
    context = self_signed_context(arguments.maildir) if arguments.tls else None
    if arguments.tls == "starttls":
        options["tls_context"] = context
    connections = 0

    def new_connection():
        nonlocal connections
        connections += 1
        write_atomically(os.path.join(arguments.maildir, "connections"), str(connections).encode())
        return SMTP(handler, hostname="humas-test-smtp", timeout=arguments.idle_timeout, **options)

    write_atomically(os.path.join(arguments.maildir, "connections"), b"0")
    server = await asyncio.get_running_loop().create_server(
        new_connection, host="127.0.0.1", port=arguments.port, ssl=context if arguments.tls == "implicit" else None)
    port = server.sockets[0].getsockname()[1]
    if arguments.ready_file:
        write_atomically(arguments.ready_file, str(port).encode())
    stopped = asyncio.get_running_loop().create_future()

    def stop():
        if not stopped.done():
            stopped.set_result(None)

    def parent_gone():
        if not os.read(sys.stdin.fileno(), 4096):
            stop()

    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop)
    if stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode):
        asyncio.get_running_loop().add_reader(sys.stdin.fileno(), parent_gone)
    async with server:
        await stopped


def main():
    # A test runner may start us with signals blocked (a mask is inherited): take SIGTERM back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--ready-file")
    parser.add_argument("--tls", choices=["starttls", "implicit"])
    parser.add_argument("--idle-timeout", type=float, default=300, help="seconds before an idle connection is dropped with 421")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
