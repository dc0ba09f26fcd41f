// Operational logs: pino to stderr only (stdout is the MCP channel on the stdio front). Never pass secret values here;
// the redact paths below are a second line of defence for fields that might carry them.
import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level = process.env.WARDEN_LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      name: "mcp-warden",
      level,
      base: undefined,
      redact: {
        paths: ["*.authorization", "*.token", "*.hmac_key", "*.signing_key", "*.arguments", "*.env"],
        censor: "[masked]",
      },
    },
    pino.destination({ fd: 2, sync: false }),
  );
}

/** A logger that drops everything (tests, and library use without logging). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
