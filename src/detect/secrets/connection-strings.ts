// Database and broker connection URLs that embed a password (RFC 3986 userinfo): the password is the span.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { isFiller } from "./placeholder.ts";
import { userinfoFollows } from "./userinfo-guard.ts";

// user (no ":", "@", "/", whitespace, quotes) ":" password (no "@", "/", whitespace, quotes) "@".
// Disjoint delimiters keep each attempt linear; both parts are bounded.
const USERINFO = "[^\\s:@/\"'<>]{0,256}:([^\\s@/\"'<>]{1,256})@";

/**
 * `keywords` are the scheme prefixes: every match starts with one of them (the pattern is anchored there, and
 * tried only where userinfo follows, see userinfoFollows).
 */
function connectionString(id: string, schemes: string, what: string, keywords: string[]): Detector {
  return defineSecret({
    id,
    description: `${what} connection URL with an embedded password`,
    keywords,
    pattern: anchoredAt(
      new RegExp(`(?<![A-Za-z0-9+.-])(?:${schemes})://${USERINFO}`, "gi"),
      keywords,
      undefined,
      userinfoFollows,
    ),
    group: 1,
    validate: (password) => !isFiller(decodeSafe(password)),
  });
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const postgresConnectionString = connectionString(
  "postgres-connection-string",
  "postgres(?:ql)?",
  "PostgreSQL",
  ["postgres"],
);
export const mysqlConnectionString = connectionString("mysql-connection-string", "mysql(?:x)?|mariadb", "MySQL", [
  "mysql",
  "mariadb",
]);
export const mongodbConnectionString = connectionString("mongodb-connection-string", "mongodb(?:\\+srv)?", "MongoDB", [
  "mongodb",
]);
export const redisConnectionString = connectionString("redis-connection-string", "rediss?", "Redis", ["redis"]);
export const amqpConnectionString = connectionString("amqp-connection-string", "amqps?", "AMQP (RabbitMQ)", ["amqp"]);

export const CONNECTION_STRING_DETECTORS: readonly Detector[] = [
  postgresConnectionString,
  mysqlConnectionString,
  mongodbConnectionString,
  redisConnectionString,
  amqpConnectionString,
];
