// Unpacks the embedded core: base64 text of the .wasm compressed with raw DEFLATE
// (scripts/build-npm.mjs writes it into embedded.js) → the .wasm bytes, with the
// platform's own decoders (Uint8Array.fromBase64 or atob, DecompressionStream), so
// the package carries no decompressor of its own.

/** base64 of deflate-raw data → the inflated bytes. */
export async function unpack(base64) {
  if (typeof DecompressionStream !== "function") {
    throw new Error(
      "this browser cannot unpack the embedded engine (it has no DecompressionStream); " +
        "serve lede_bg.wasm and pass its URL: createAnalyzer({wasm}) or load(url)",
    );
  }
  let packed;
  if (typeof Uint8Array.fromBase64 === "function") {
    packed = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  }
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
