// The practical limit: a plain Node.js http server answering every request with the same bytes
// and content type as the Pressbox page under test. Usage: node bench/plain-server.mjs FILE PORT
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
const headers = { "content-type": "text/html; charset=utf-8", "content-length": body.length };
createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`plain control on ${port}`));
