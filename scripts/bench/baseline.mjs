// The bare node:http reference: serves fixed bytes (a captured first-paint answer) with
// no framework, no signature check and no store. Runs as its own process so it competes
// for the CPU the way the host does. Usage: node baseline.mjs <port> <body file>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, bodyFile] = process.argv.slice(2);
const body = readFileSync(bodyFile);
createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
