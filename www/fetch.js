// Fetching an article the user asked for by its address. This is the only network
// request Lede ever makes, and only when the user (or the widget's author) names a
// URL. Browsers let a page read another site only when that site allows it (CORS);
// when it does not, the error says so and says what to do instead.

/** The most a fetched page may weigh, as for dropped files. */
export const MAX_FETCH_BYTES = 32 * 1024 * 1024;

/** Read a response body, refusing it once it passes `limit` bytes. */
async function readLimited(response, limit) {
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > limit) throw new Error(`the page is ${(length / 1e6).toFixed(1)} MB; the limit is ${limit / 1e6} MB`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      reader.cancel();
      throw new Error(`the page is over ${limit / 1e6} MB, the limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Fetch `address` (relative to `base`) and return {name, payload} for the analyzer:
 * `{html, url}` for web pages, `{text}` for plain text. Throws an Error whose
 * message is written for the user.
 */
/**
 * Bytes to text in the encoding the server or the page declares: the header's
 * charset, else a byte-order mark, else (for HTML) `<meta charset>` or its
 * http-equiv form in the first 4 KB; UTF-8 otherwise or when the label is unknown.
 * @param {Uint8Array} bytes
 * @param {string | undefined} declared  the charset of a Content-Type header
 * @param {boolean} isHtml
 */
export function decodePage(bytes, declared, isHtml) {
  let label = declared;
  if (!label && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = "utf-8";
  if (!label && bytes[0] === 0xff && bytes[1] === 0xfe) label = "utf-16le";
  if (!label && bytes[0] === 0xfe && bytes[1] === 0xff) label = "utf-16be";
  if (!label && isHtml) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
    label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(label ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export async function fetchArticle(address, { base = location.href, signal } = {}) {
  let url;
  try {
    url = new URL(String(address).trim(), base);
  } catch {
    throw new Error(`“${address}” is not a web address`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`only http and https addresses can be fetched, not ${url.protocol}`);
  }
  let response;
  try {
    response = await fetch(url, { mode: "cors", credentials: "omit", referrerPolicy: "no-referrer", signal });
  } catch (error) {
    if (error?.name === "AbortError") throw error;
    const sameOrigin = url.origin === new URL(base).origin;
    throw new Error(sameOrigin
      ? `could not reach ${url.href}: the network is unreachable`
      : `${url.host} does not let other pages read it (its server sends no CORS permission), or it is unreachable. ` +
        "Your browser blocks such reads to protect you; Lede cannot get around that. Save the page in your browser " +
        "(Ctrl+S) and drop the file here, or copy the article's text and paste it.");
  }
  if (!response.ok) throw new Error(`${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  const isHtml = /html|xml/.test(type) || (!type && /\.html?$/.test(url.pathname));
  if (!isHtml && !type.startsWith("text/") && type) throw new Error(`${url.href} is not a web page or text (it is ${type.split(";")[0]})`);
  const bytes = await readLimited(response, MAX_FETCH_BYTES);
  if (bytes.subarray(0, 4096).includes(0)) throw new Error(`${url.href} looks like a binary file, not a web page`);
  const text = decodePage(bytes, /charset=([\w-]+)/.exec(type)?.[1], isHtml);
  if (!text.trim()) throw new Error(`${url.href} is empty`);
  return { name: response.url || url.href, payload: isHtml ? { html: text, url: response.url || url.href } : { text } };
}
