// @ts-check
// The second control of the benchmark: a bare Next.js app whose one route is prerendered at build
// time with the bytes of the Pressbox page under test (bench/out/control-page.html).
const path = require("node:path");

/** @type {import('next').NextConfig} */
module.exports = {
  poweredByHeader: false,
  turbopack: { root: path.join(__dirname, "..", "..") },
};
