// Types for what the build scripts use that ships none: fontverter, and the one WebAssembly call (the tools'
// compiler options carry Node's types only, without the DOM library that declares WebAssembly).
declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, to: 'truetype' | 'woff2' | 'woff' | 'sfnt', from?: string): Promise<Buffer>;
  };
  export default fontverter;
}

declare const WebAssembly: {
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }>;
};
