// The benchmark's static host, in a process of its own: served from the process
// that drives the browser, every request would wait on that process's event loop
// (busy with the browser's traffic), which a real static host does not do.
// Prints its URL on the first line of its output.
import { serve } from "../../tests/e2e/harness.mjs";

const server = await serve(process.argv[2]);
console.log(server.url);
