// Peer for comparison: the cheapest proxy that still reads messages, a parse-and-forward stdio relay with no policy,
// no audit and no guards (each line is JSON.parse'd and the original bytes passed on). It is the floor any
// message-level gateway pays on this machine: two extra pipe hops and a third process competing for the cores.
import { spawn } from "node:child_process";
import { createLineSplitter } from "../../src/mcp/frame.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: forward-proxy COMMAND ARGS...");
const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
const relay = (out: NodeJS.WritableStream) =>
  createLineSplitter({
    maxLineBytes: 64 * 1024 * 1024,
    onOversize: () => {},
    onLine: (line) => {
      JSON.parse(line);
      out.write(`${line}\n`);
    },
  });
const toChild = relay(child.stdin);
const toClient = relay(process.stdout);
process.stdin.on("data", (chunk: Buffer) => toChild.push(chunk));
child.stdout.on("data", (chunk: Buffer) => toClient.push(chunk));
process.stdin.once("end", () => child.stdin.end());
child.once("exit", (code) => process.exit(code ?? 0));
