// Program entry of staging-db (the one module with side effects): start, or print one line and exit non-zero.
import { StartupError } from "./staging-db.ts";
import { startServer } from "./start-server.ts";

try {
  const started = await startServer(process.env);
  const stop = () => {
    started.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (err) {
  // One clear line, never a stack trace; a connection string is never part of the message.
  const message =
    err instanceof StartupError
      ? err.message
      : `failed to start: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`;
  process.stderr.write(`staging-db: ${message}\n`);
  process.exit(1);
}
