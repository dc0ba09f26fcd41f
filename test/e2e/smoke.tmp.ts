import { connectThroughGateway, EVERYTHING_SERVER } from "../helpers/gateway-client.ts";
import { readFileSync } from "node:fs";
const h = await connectThroughGateway({ policyYaml: readFileSync("/tmp/smoke/warden.yaml", "utf8"), upstream: EVERYTHING_SERVER });
const t0 = performance.now();
console.log((await h.client.listTools()).tools.map((t) => t.name));
console.log(JSON.stringify(await h.client.callTool({ name: "echo", arguments: { message: "hi" } })));
try { await h.client.callTool({ name: "printEnv", arguments: {} }); } catch (e) { console.log("denied:", (e as Error).message); }
try { await h.client.callTool({ name: "Echo", arguments: {} }); } catch (e) { console.log("denied:", (e as Error).message); }
console.log("ms", performance.now() - t0);
await h.close();
console.log(h.stderr());
