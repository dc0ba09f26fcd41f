// e2e: the HTTP front over TLS and mTLS. Certificates are generated at test time with openssl into a temp dir
// (fake fixtures, never committed); the client certificate's SAN becomes the principal, bound to its session.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Harness, initializeBody, JSON_HEADERS, type RawResponse, startHarness } from "./http-harness.ts";

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
}

function leaf(dir: string, name: string, subject: string, san: string, ext: string): void {
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=${ext}\n`);
  openssl(dir, [
    "req",
    "-new",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.csr`,
    "-subj",
    subject,
  ]);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "1",
    "-out",
    `${name}.crt`,
    "-extfile",
    `${name}.ext`,
  ]);
}

function makeCerts(dir: string): void {
  openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "1",
    "-subj",
    "/CN=FAKE test CA",
  ]);
  leaf(dir, "server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", "serverAuth");
  leaf(dir, "alice", "/CN=alice", "URI:spiffe://test/alice", "clientAuth");
  leaf(dir, "bob", "/CN=bob", "URI:spiffe://test/bob", "clientAuth");
}

describe("HTTP front over mTLS", { timeout: 60_000 }, () => {
  let dir: string;
  let h: Harness;
  const pem = (name: string) => readFileSync(join(dir, name));
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "warden-tls-"));
    makeCerts(dir);
    h = await startHarness({
      bearer: undefined,
      tls: { cert: pem("server.crt"), key: pem("server.key"), ca: pem("ca.crt") },
    });
  });
  after(async () => {
    await h.front.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(
    who: string | undefined,
    headers: Record<string, string>,
    body: string,
    method = "POST",
  ): Promise<RawResponse> {
    const u = new URL(h.front.url);
    const client = who ? { cert: pem(`${who}.crt`), key: pem(`${who}.key`) } : {};
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method,
          headers: { ...JSON_HEADERS, ...headers },
          ca: pem("ca.crt"),
          ...client,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  test("the URL is https and a verified client certificate opens a session", async () => {
    assert.match(h.front.url, /^https:\/\//);
    const res = await call("alice", {}, initializeBody());
    assert.equal(res.status, 200, res.body);
    assert.ok(typeof res.headers["mcp-session-id"] === "string");
    assert.match(JSON.parse(res.body).result.serverInfo.name, /./);
  });

  test("no client certificate: the TLS handshake is refused", async () => {
    await assert.rejects(call(undefined, {}, initializeBody()));
    assert.ok(h.front.sessionCount <= 1);
  });

  test("TLS without client_ca: https with bearer auth, no client certificate needed", async () => {
    const plain = await startHarness({ tls: { cert: pem("server.crt"), key: pem("server.key") } });
    try {
      assert.match(plain.front.url, /^https:\/\//);
      const u = new URL(plain.front.url);
      const { token } = await plain.tokens.issue({ sub: "alice" });
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method: "POST",
            headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
            ca: pem("ca.crt"),
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(initializeBody());
      });
      assert.equal(status, 200);
    } finally {
      await plain.front.close();
    }
  });

  test("another certificate's principal cannot use the session", async () => {
    const init = await call("alice", {}, initializeBody());
    const sid = init.headers["mcp-session-id"] as string;
    const body = JSON.stringify({ jsonrpc: "2.0", id: 5, method: "ping" });
    assert.equal((await call("bob", { "mcp-session-id": sid }, body)).status, 404);
    const own = await call("alice", { "mcp-session-id": sid }, body);
    assert.equal(own.status, 200, own.body);
  });
});
