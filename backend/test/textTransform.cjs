// Jest transform that loads a file as a string, as esbuild's text loader does for .proto files.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
