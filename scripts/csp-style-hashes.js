// Prints the CSP hashes of the <style> elements a vendored script injects when it loads, one a line:
//   node scripts/csp-style-hashes.js static/vendor/vis-timeline/vis-timeline-graph2d.min.js > static/vendor/vis-timeline/csp-style-hashes.txt
// vis-timeline's standalone build injects its CSS this way; the Content-Security-Policy allows exactly
// these styles (dateline/settings.py reads the file). Run it again whenever the vendored file changes.
const crypto = require("crypto");
const path = require("path");
const injected = [];
function element(tag) {
  return {
    tag, children: [], style: {}, firstChild: null,
    setAttribute() {}, addEventListener() {}, removeEventListener() {},
    appendChild(child) { this.children.push(child); if (this.tag === "head" && child.tag === "style") injected.push(child); return child; },
    insertBefore(child) { return this.appendChild(child); },
  };
}
const head = element("head");
global.document = {
  head, documentElement: element("html"), body: element("body"),
  getElementsByTagName() { return [head]; }, createElement: element,
  createTextNode(text) { return { tag: "#text", text }; }, addEventListener() {},
};
global.window = global;
global.navigator = { userAgent: "node" };
require(path.resolve(process.argv[2]));
// The script appends each <style> empty, then its text: the browser checks both, so the empty one is allowed too.
console.log("'sha256-" + crypto.createHash("sha256").update("").digest("base64") + "'");
for (const style of injected) {
  const css = style.children.map((child) => child.text).join("");
  console.log("'sha256-" + crypto.createHash("sha256").update(css).digest("base64") + "'");
}
