// Tests that a stdio upstream's environment holds only the policy's env and the minimal inherited set.
import assert from "node:assert/strict";
import { test } from "node:test";
import { childEnvironment } from "./child-env.ts";

test("passes the policy env and PATH/HOME/LANG/TMPDIR only", () => {
  const env = childEnvironment(
    { DATABASE_URL: "postgres://db/x" },
    {
      PATH: "/bin",
      HOME: "/root",
      LANG: "C",
      TMPDIR: "/tmp",
      WARDEN_AUDIT_KEY: "canary-123",
      AWS_SECRET_ACCESS_KEY: "x",
    },
  );
  assert.deepEqual(env, { PATH: "/bin", HOME: "/root", LANG: "C", TMPDIR: "/tmp", DATABASE_URL: "postgres://db/x" });
});

test("the policy may override an inherited variable", () => {
  assert.equal(childEnvironment({ PATH: "/opt/bin" }, { PATH: "/bin" }).PATH, "/opt/bin");
});
