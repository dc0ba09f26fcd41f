// mTLS identity over a real TLS handshake with openssl-made certificates (fake fixtures, generated per run):
// the verified client's SAN or CN becomes the principal; an unverified or missing certificate is refused.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { connect, createServer, type TLSSocket } from "node:tls";
import type { Principal } from "../guards/types.ts";
import { type MtlsIdentityOptions, parseSubjectAltName, principalFromTlsSocket } from "./mtls-identity.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-mtls-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
const read = (name: string) => readFileSync(join(dir, name));

function makeLeaf(name: string, ca: string, subject: string, san: string): void {
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
  ssl(
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-subj",
    subject,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.csr`,
  );
  ssl(
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    `${ca}.crt`,
    "-CAkey",
    `${ca}.key`,
    "-CAcreateserial",
    "-days",
    "1",
    "-extfile",
    `${name}.ext`,
    "-out",
    `${name}.crt`,
  );
}

function setup(): void {
  for (const ca of ["fake-ca", "fake-rogue-ca"]) {
    ssl(
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      `/CN=${ca}`,
      "-keyout",
      `${ca}.key`,
      "-out",
      `${ca}.crt`,
    );
  }
  makeLeaf("server", "fake-ca", "/CN=127.0.0.1", "IP:127.0.0.1");
  makeLeaf("client", "fake-ca", "/CN=ci-runner/O=FAKE Org", "URI:spiffe://example.test/ci, email:ci@example.test");
  makeLeaf("rogue", "fake-rogue-ca", "/CN=ci-runner", "URI:spiffe://example.test/ci");
}
setup();

async function handshake(client: string | undefined, opts: MtlsIdentityOptions): Promise<Principal> {
  let outcome: Promise<Principal> | undefined;
  const server = createServer(
    {
      key: read("server.key"),
      cert: read("server.crt"),
      ca: read("fake-ca.crt"),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (socket: TLSSocket) => {
      outcome = (async () => principalFromTlsSocket(socket, opts))();
      outcome.catch(() => undefined);
      socket.end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = connect({
        host: "127.0.0.1",
        port,
        ca: read("fake-ca.crt"),
        ...(client ? { key: read(`${client}.key`), cert: read(`${client}.crt`) } : {}),
      });
      socket.on("error", reject);
      socket.on("close", () => resolve());
      socket.resume();
    });
    assert.ok(outcome, "the server saw the connection");
    return await outcome;
  } finally {
    server.close();
  }
}

test("the verified client certificate's SAN (URI first) is the principal", async () => {
  const p = await handshake("client", { principalFrom: "san", environment: "staging" });
  assert.equal(p.sub, "spiffe://example.test/ci");
  assert.equal(p.iss, "mtls:CN=fake-ca");
  assert.equal(p.environment, "staging");
  assert.deepEqual(p.scopes, []);
});

test("principal_from subject takes the certificate's CN", async () => {
  assert.equal((await handshake("client", { principalFrom: "subject" })).sub, "ci-runner");
});

test("attack: a certificate from another CA is refused", async () => {
  await assert.rejects(handshake("rogue", { principalFrom: "san" }), { code: "ERR_AUTH_REQUIRED" });
});

test("no client certificate is refused", async () => {
  await assert.rejects(handshake(undefined, { principalFrom: "san" }), { code: "ERR_AUTH_REQUIRED" });
});

test("SAN parsing handles Node's quoted values", () => {
  assert.deepEqual(parseSubjectAltName('DNS:a.example, URI:"spiffe://x/y, z", email:e@x'), [
    { type: "DNS", value: "a.example" },
    { type: "URI", value: "spiffe://x/y, z" },
    { type: "email", value: "e@x" },
  ]);
});
